import { randomUUID } from 'node:crypto'
import { normaliseDeviceToken } from '../../shared/device-token'
import { bundleIdProblem } from '../../shared/diagnosis'
import type { SavedDevice } from '../../shared/domain'
import type { Environment } from '../../shared/environments'
import { fail, ok, type Result } from '../../shared/result'
import type { StoredDocument } from '../persistence/document'

export interface SaveDeviceInput {
  name: string
  token: string
  bundleId: string
  environment: Environment
}

export class DeviceService {
  constructor(
    private readonly document: StoredDocument<SavedDevice[]>,
    private readonly now: () => Date = () => new Date()
  ) {}

  list(): SavedDevice[] {
    return this.document.read()
  }

  /** Tokens are saved normalised, so case or bracket variants of one token are one device (C-04). */
  save(input: SaveDeviceInput): Result<SavedDevice> {
    const token = normaliseDeviceToken(input.token)
    if (!token.ok) return fail(token.problem.code, token.problem.message, token.problem.fix)
    const bundleProblem = bundleIdProblem(input.bundleId)
    if (bundleProblem) return fail('device.bad-bundle-id', bundleProblem, "Enter the app's bundle ID; the device's pushes go to it.")
    const all = this.document.read()
    const existing = all.find((d) => d.token === token.token)
    if (existing) return fail('device.duplicate', `This token is already saved as "${existing.name}".`, 'Select that device in the list instead.')
    const device: SavedDevice = {
      id: randomUUID(),
      name: input.name.trim() || `Device ${token.token.slice(0, 8)}`,
      token: token.token,
      bundleId: input.bundleId.trim(),
      environment: input.environment,
      createdAt: this.now().toISOString(),
      unregisteredAt: null
    }
    this.document.write([...all, device])
    return ok(device)
  }

  remove(id: string): Result<null> {
    const all = this.document.read()
    if (!all.some((d) => d.id === id)) return fail('device.not-found', 'That device no longer exists.')
    this.document.write(all.filter((d) => d.id !== id))
    return ok(null)
  }

  findByToken(token: string): SavedDevice | null {
    return this.document.read().find((d) => d.token === token) ?? null
  }

  /** A 410 marks the saved device, never deletes it (C-23): the user decides. */
  markUnregistered(token: string, since: string): void {
    const all = this.document.read()
    if (!all.some((d) => d.token === token)) return
    this.document.write(all.map((d) => (d.token === token ? { ...d, unregisteredAt: since } : d)))
  }

  /** Adds devices the app itself made (the demo), skipping tokens already saved. */
  addMany(devices: SaveDeviceInput[]): SavedDevice[] {
    return devices.flatMap((d) => {
      const saved = this.save(d)
      return saved.ok ? [saved.value] : []
    })
  }
}
