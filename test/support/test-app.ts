import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { createAppServices, type AppServices, type AppServicesOptions } from '../../src/core/app-services'
import { silentLogger } from '../../src/core/ports'
import { openConfStore } from './conf-store'
import { makeTempDir } from './temp-dir'
import { createTestSecretBox } from './test-secret-box'

export interface TestApp extends AppServices {
  dataDir: string
  dispose(): Promise<void>
}

/** The same composition root Electron main uses, on a temp data folder. */
export function createTestApp(overrides: Partial<AppServicesOptions> = {}, dataDir?: string): TestApp {
  const temp = dataDir ? null : makeTempDir()
  const dir = dataDir ?? temp!.path
  const services = createAppServices({
    dataDir: dir,
    secrets: createTestSecretBox(),
    openStore: (name) => openConfStore(dir, name),
    logger: silentLogger,
    // Any free port, so parallel runs never collide on the registration endpoint.
    registration: { defaultPort: 0 },
    // The save dialog's stand-in: exports go to <data folder>/exports under the suggested name.
    chooseSavePath: async (name) => {
      mkdirSync(join(dir, 'exports'), { recursive: true })
      return join(dir, 'exports', name)
    },
    ...overrides
  })
  return {
    ...services,
    dataDir: dir,
    async dispose() {
      await services.shutdown()
      temp?.remove()
    }
  }
}
