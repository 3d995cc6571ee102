import type { Logger } from '../core/ports'

/** Messages only; callers never pass secrets or request bodies here. */
export const consoleLogger: Logger = {
  info: (m) => console.info(`[pushdeck] ${m}`),
  warn: (m) => console.warn(`[pushdeck] ${m}`),
  error: (m) => console.error(`[pushdeck] ${m}`)
}
