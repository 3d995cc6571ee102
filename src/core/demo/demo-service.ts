import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { z } from 'zod'
import type { CredentialSummary, SavedDevice } from '../../shared/domain'
import { ok, type Result } from '../../shared/result'
import type { CredentialService } from '../credentials/credential-service'
import type { DeviceService } from '../library/device-service'
import type { LocalEmulator } from '../local-emulator'
import type { StoredDocument } from '../persistence/document'

/**
 * First-launch demo: a generated key and two devices that only the local emulator knows, so a
 * newcomer with no Apple account completes a real HTTP/2 round trip in the first minute.
 */
export const DEMO_BUNDLE_ID = 'dev.pushdeck.demo'
const DEMO_KEY_ID = 'DEMOKEY001'
const DEMO_TEAM_ID = 'DEMOTEAM01'

export const demoStateSchema = z.object({
  dismissed: z.boolean(),
  devices: z.object({ active: z.string(), unregistered: z.string(), unregisteredSince: z.number() }).nullable()
})
export type DemoState = z.infer<typeof demoStateSchema>
export const emptyDemoState = (): DemoState => ({ dismissed: false, devices: null })

export class DemoService {
  constructor(
    private readonly state: StoredDocument<DemoState>,
    private readonly credentials: CredentialService,
    private readonly devices: DeviceService,
    private readonly emulator: LocalEmulator,
    private readonly now: () => number = Date.now
  ) {
    this.seedEmulator()
  }

  status(): { offered: boolean } {
    // Offered to newcomers only: once any credential exists, the banner would be noise.
    return { offered: !this.state.read().dismissed && this.credentials.list().length === 0 }
  }

  dismiss(): Result<null> {
    this.state.write({ ...this.state.read(), dismissed: true })
    return ok(null)
  }

  setup(): Result<{ credential: CredentialSummary; devices: SavedDevice[] }> {
    const existing = this.credentials.list().find((c) => c.demo)
    const added = existing ? ok(existing) : this.addDemoKey()
    if (!added.ok) return added
    const credential = added.value
    const tokens = this.state.read().devices ?? {
      active: randomBytes(32).toString('hex'),
      unregistered: randomBytes(32).toString('hex'),
      unregisteredSince: this.now() - 60 * 60 * 1000
    }
    this.state.write({ dismissed: true, devices: tokens })
    this.seedEmulator()
    this.devices.addMany([
      { name: 'Demo iPhone', token: tokens.active, bundleId: DEMO_BUNDLE_ID, environment: 'emulator' },
      { name: 'Demo iPhone (app deleted)', token: tokens.unregistered, bundleId: DEMO_BUNDLE_ID, environment: 'emulator' }
    ])
    const demoTokens = new Set([tokens.active, tokens.unregistered])
    return ok({ credential, devices: this.devices.list().filter((d) => demoTokens.has(d.token)) })
  }

  private addDemoKey(): Result<CredentialSummary> {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    return this.credentials.addTokenKey(
      { label: 'Demo key (local emulator only)', keyId: DEMO_KEY_ID, teamId: DEMO_TEAM_ID, key: { text: pem } },
      { demo: true }
    )
  }

  private seedEmulator(): void {
    const devices = this.state.read().devices
    if (!devices) return
    this.emulator.seedDevice(devices.active, { state: 'active', topic: DEMO_BUNDLE_ID })
    this.emulator.seedDevice(devices.unregistered, { state: 'unregistered', since: devices.unregisteredSince })
  }
}
