import Store from 'electron-store'
import type { KeyValueFile } from '../core/ports'

/** One electron-store file per domain in the app-data folder. */
export function openStoreFile(dataDir: string, name: string): KeyValueFile {
  // Dot notation off: keys are whole names, never paths into nested objects.
  return new Store({ name, cwd: dataDir, accessPropertiesByDotNotation: false, clearInvalidConfig: false }) as unknown as KeyValueFile
}
