import { existsSync } from 'node:fs'

/** Debian's chromium on Linux and CI; undefined lets Playwright use its own browser (macOS). */
export function chromiumExecutable(): string | undefined {
  return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => !!p && existsSync(p))
}
