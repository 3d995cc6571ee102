import Conf from 'conf'
import type { KeyValueFile } from '../../src/core/ports'

/** conf is the engine inside electron-store; tests use it directly on a temp folder. */
export function openConfStore(dataDir: string, name: string): KeyValueFile {
  return new Conf({ projectName: 'pushdeck-test', cwd: dataDir, configName: name, accessPropertiesByDotNotation: false, clearInvalidConfig: false }) as unknown as KeyValueFile
}
