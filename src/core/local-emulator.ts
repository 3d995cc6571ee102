import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { KeyObject } from 'node:crypto'
import type { ApnsEndpoint } from './apns/endpoint'
import type { EmulatorFault, EmulatorRequest, FaultScope } from '../shared/emulator-types'
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
    return { environment: 'emulator', address: emulator.host, port: emulator.port, ca: emulator.caPem, production: false }
  }

  /** Registers a device state now, or when the emulator starts. */
  seedDevice(token: string, state: DeviceState): void {
    this.seeded.set(token, state)
    void this.running?.then((emulator) => emulator.devices.set(token, state))
  }

  /** What the emulator received, newest last; empty until it has started. */
  async requests(): Promise<EmulatorRequest[]> {
    return this.running ? (await this.running).requests() : []
  }

  get isRunning(): boolean {
    return this.running !== null
  }

  /** Faults apply from the next request on, so the emulator starts if it has not yet. */
  async injectFault(scope: FaultScope, fault: EmulatorFault): Promise<void> {
    ;(await this.start()).faults.inject(scope, fault)
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

  private identity(): EmulatorTlsIdentity {
    if (existsSync(this.tlsFile)) {
      try {
        const saved = JSON.parse(readFileSync(this.tlsFile, 'utf8')) as EmulatorTlsIdentity
        if (typeof saved.keyPem === 'string' && typeof saved.certPem === 'string') return saved
      } catch {
        // An unreadable identity is only a cache: make a new one below.
      }
    }
    const identity = createEmulatorTlsIdentity()
    mkdirSync(dirname(this.tlsFile), { recursive: true })
    writeFileSync(this.tlsFile, JSON.stringify(identity), { mode: 0o600 })
    return identity
  }
}
