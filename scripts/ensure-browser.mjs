// The end-to-end tests drive a Chromium. On Linux CI that is Debian's chromium (CHROMIUM_PATH or
// /usr/bin/chromium); on a developer's Mac it is Playwright's own, downloaded here on first run.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', chromium.executablePath()]
const found = candidates.find((path) => path && existsSync(path))
if (found) {
  console.log(`e2e browser: ${found}`)
} else {
  console.log('No Chromium found for the end-to-end tests; installing Playwright\'s (one time).')
  execFileSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' })
}
