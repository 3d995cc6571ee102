import { afterEach } from 'vitest'
import { makeTempDir } from './temp-dir'

/**
 * What a test file opens, closed after each test (newest first); folder() is a temporary data
 * folder removed the same way.
 */
export function cleanupAfterEach(): { cleanups: (() => Promise<void> | void)[]; folder: () => string } {
  const cleanups: (() => Promise<void> | void)[] = []
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!()
  })
  const folder = () => {
    const dir = makeTempDir()
    cleanups.push(dir.remove)
    return dir.path
  }
  return { cleanups, folder }
}
