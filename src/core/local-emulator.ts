import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto'
import type { ApnsEndpoint } from './apns/endpoint'
import { normaliseDeviceToken } from '../shared/device-token'
import type { EmulatorFault, EmulatorRequest, FaultScope } from '../shared/emulator-types'
import { fail, ok, type Result } from '../shared/result'
import { createEmulatorTlsIdentity, startEmulator, type DeviceState, type EmulatorTlsIdentity, type RunningEmulator } from './emulator'

/**
 * The app's "local emulator" environment: started on first use, with a TLS identity made once
 * and kept in the data folder so restarts do not churn certificates.
 */
export class LocalEmulator {
  private running: Promise<RunningEmulator> | null = null
  private readonly seeded = new Map<string, DeviceState>()

  constructor(
    private readonly tlsFile: string,
    private readonly resolveKey: (keyId: string, teamId: string) => KeyObject | undefined
  ) {}

  async endpoint(): Promise<ApnsEndpoint> {
    const emulator = await this.start()
    return { environment: 'emulator', address: emulator.host, port: emulator.port, ca: emulator.caPem, production: false, manageAddress: emulator.host, managePort: emulator.managementPort }
  }

  /** Registers a device state now, or when the emulator starts. */
  seedDevice(token: string, state: DeviceState): void {
    this.seeded.set(token, state)
    void this.running?.then((emulator) => emulator.devices.set(token, state))
  }

  /** The emulator's certificate as a file, for tools like curl to trust (written on first ask). */
  async caFile(): Promise<string> {
    const emulator = await this.start()
    const file = join(dirname(this.tlsFile), 'emulator-ca.pem')
    try {
      writeFileSync(file, emulator.caPem)
    } catch {
      // The command still names the file; the user sees curl's own error if it is missing.
    }
    return file
  }

  /** What the emulator received, newest last; empty until it has started. */
  async requests(): Promise<EmulatorRequest[]> {
    return this.running ? (await this.running).requests() : []
  }

  get isRunning(): boolean {
    return this.running !== null
  }

  /** Faults apply from the next request on, so the emulator starts if it has not yet. */
  async injectFault(scope: FaultScope, fault: EmulatorFault): Promise<Result<null>> {
    let target = scope
    if (scope.scope === 'token') {
      // Sends go out normalised, so a fault for "<AB CD…>" must match "abcd…".
      const token = normaliseDeviceToken(scope.token)
      if (!token.ok) return fail(token.problem.code, token.problem.message, token.problem.fix)
      target = { scope: 'token', token: token.token }
    }
    const emulator = await this.start()
    if (emulator.faults.pending().length >= MAX_PENDING_FAULTS) {
      return fail('emulator.too-many-faults', `${MAX_PENDING_FAULTS} faults are already waiting.`, 'Clear the faults, then arm the ones you need.')
    }
    try {
      emulator.faults.inject(target, fault)
      return ok(null)
    } catch (error) {
      return fail('emulator.bad-fault', (error as Error).message)
    }
  }

  async pendingFaults(): Promise<{ scope: FaultScope; fault: EmulatorFault }[]> {
    return this.running ? (await this.running).faults.pending() : []
  }

  async clearFaults(): Promise<void> {
    if (this.running) (await this.running).faults.clear()
  }

  async stop(): Promise<void> {
    const running = this.running
    this.running = null
    if (running) await (await running).close()
  }

  private start(): Promise<RunningEmulator> {
    if (this.running) return this.running
    const starting = startEmulator({ tls: this.identity(), resolveKey: this.resolveKey }).then((emulator: RunningEmulator) => {
      for (const [token, state] of this.seeded) emulator.devices.set(token, state)
      return emulator
    })
    // A failed start must not be cached forever; the next send tries again.
    starting.catch(() => {
      if (this.running === starting) this.running = null
    })
    this.running = starting
    return starting
  }

  /** The saved identity when it is usable; otherwise a new one (it is only a cache). */
  private identity(): EmulatorTlsIdentity {
    const saved = readIdentity(this.tlsFile)
    if (saved) return saved
    const identity = createEmulatorTlsIdentity()
    try {
      mkdirSync(dirname(this.tlsFile), { recursive: true })
      writeFileSync(this.tlsFile, JSON.stringify(identity), { mode: 0o600 })
    } catch {
      // Not saved (a folder in its place, no permission): this session uses it from memory.
    }
    return identity
  }
}

const MAX_PENDING_FAULTS = 100

function readIdentity(file: string): EmulatorTlsIdentity | null {
  try {
    if (!existsSync(file)) return null
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Partial<EmulatorTlsIdentity>
    if (typeof saved.keyPem !== 'string' || typeof saved.certPem !== 'string') return null
    createPrivateKey(saved.keyPem)
    if (Date.parse(new X509Certificate(saved.certPem).validTo) < Date.now()) return null
    return { keyPem: saved.keyPem, certPem: saved.certPem }
  } catch {
    return null
  }
}
