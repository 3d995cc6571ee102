import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { networkInterfaces } from 'node:os'
import type { RegistrationSettings, RegistrationStatus } from '../../shared/registration/types'
import { fail, ok, type Result } from '../../shared/result'
import type { StoredDocument } from '../persistence/document'
import type { Logger, SecretBox } from '../ports'
import { newPairingSecret } from './pairing-secret'
import { RateLimiter } from './rate-limiter'
import type { RegistrationActions } from './registration-actions'
import type { SealedSecret } from './registration-settings'
import { createRegistrationServer } from './registration-server'

export interface RegistrationServiceOptions {
  /** Something the user must know at start (the pairing secret was replaced). */
  onNotice?: (message: string) => void
  limiter?: RateLimiter
  /** The machine's addresses, for the LAN URLs; tests pass fixed ones. */
  interfaces?: typeof networkInterfaces
}

type Listening = { server: Server; port: number; host: string }

/**
 * The endpoint's lifecycle: its settings, its pairing secret (sealed by the SecretBox, like any
 * credential), and the server, started and stopped to match the settings.
 */
export class RegistrationService {
  private listening: Listening | null = null
  private error: RegistrationStatus['error'] = null
  private readonly limiter: RateLimiter
  /** undefined: not unsealed yet; null: none, or it could not be unsealed. */
  private unsealed: string | null | undefined = undefined
  /** Serialises start/stop, so two quick configure calls cannot both bind. */
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly settings: StoredDocument<RegistrationSettings>,
    private readonly sealed: StoredDocument<SealedSecret>,
    private readonly secrets: SecretBox,
    private readonly actions: RegistrationActions,
    private readonly logger: Logger,
    private readonly options: RegistrationServiceOptions = {}
  ) {
    this.limiter = options.limiter ?? new RateLimiter()
  }

  status(): RegistrationStatus {
    const settings = this.settings.read()
    const port = this.listening?.port ?? null
    return {
      settings,
      state: this.listening ? 'listening' : this.error ? 'error' : 'off',
      urls: port === null ? [] : this.urls(port, this.listening!.host),
      boundPort: port,
      secret: this.secret(),
      error: this.error
    }
  }

  /** Starts the endpoint if the saved settings say so (at launch). */
  start(): Promise<RegistrationStatus> {
    return this.serially(() => this.apply())
  }

  configure(patch: Partial<RegistrationSettings>): Promise<Result<RegistrationStatus>> {
    return this.serially(async () => {
      const next = { ...this.settings.read(), ...patch }
      if (next.enabled && this.secret() === null) {
        const created = this.storeSecret(newPairingSecret())
        if (!created.ok) return created
      }
      this.settings.write(next)
      return ok(await this.apply())
    })
  }

  /** A new secret; the old one stops working at once (requests read the secret each time). */
  regenerateSecret(): Promise<Result<RegistrationStatus>> {
    return this.serially(async () => {
      const stored = this.storeSecret(newPairingSecret())
      return stored.ok ? ok(this.status()) : stored
    })
  }

  stop(): Promise<void> {
    return this.serially(() => this.close())
  }

  private async apply(): Promise<RegistrationStatus> {
    await this.close()
    this.error = null
    const settings = this.settings.read()
    if (!settings.enabled) return this.status()
    if (this.secret() === null) {
      // Sealed under another OS key (a restored backup) or never made: an unreadable secret is
      // useless, so a new one replaces it and the panel shows it for a fresh snippet.
      const hadOne = this.sealed.read().sealed !== null
      const created = this.storeSecret(newPairingSecret())
      if (!created.ok) {
        this.error = { message: created.error.message, hint: created.error.hint ?? '' }
        return this.status()
      }
      if (hadOne) {
        this.logger.warn('registration endpoint: the saved pairing secret could not be read, so a new one was made')
        this.options.onNotice?.('The saved pairing secret could not be read (this Mac\'s keychain cannot unseal it), so Pushdeck made a new one: apps paired before get 401 until you paste the new secret or snippet from "Pair an app…".')
      }
    }
    const host = settings.lan ? '0.0.0.0' : '127.0.0.1'
    const server = createRegistrationServer({ secret: () => this.secret(), actions: this.actions, limiter: this.limiter, logger: this.logger })
    try {
      await listen(server, settings.port, host)
      this.listening = { server, port: (server.address() as AddressInfo).port, host }
      this.logger.info(`registration endpoint listening on ${host}:${this.listening.port}`)
    } catch (error) {
      this.error = listenError(error as NodeJS.ErrnoException, settings.port, host)
      this.logger.warn(`registration endpoint: ${this.error.message}`)
    }
    return this.status()
  }

  private async close(): Promise<void> {
    const current = this.listening
    this.listening = null
    if (!current) return
    await new Promise<void>((resolve) => {
      current.server.close(() => resolve())
      // Keep-alive sockets of a connected app would hold close() open.
      current.server.closeAllConnections()
    })
  }

  /** Unsealed once and kept in main's memory: every request compares against it. */
  private secret(): string | null {
    if (this.unsealed !== undefined) return this.unsealed
    const { sealed } = this.sealed.read()
    if (sealed === null || !this.secrets.isAvailable()) return null
    try {
      this.unsealed = this.secrets.decrypt(sealed)
    } catch {
      this.unsealed = null
    }
    return this.unsealed
  }

  private storeSecret(secret: string): Result<null> {
    if (!this.secrets.isAvailable()) {
      return fail('registration.no-encryption', 'Pushdeck cannot protect the pairing secret: this system offers no encryption for stored secrets.', 'Unlock or set up the system keychain (on Linux: a Secret Service such as GNOME Keyring), then try again.')
    }
    this.sealed.write({ sealed: this.secrets.encrypt(secret) })
    this.unsealed = secret
    return ok(null)
  }

  private urls(port: number, host: string): string[] {
    if (host === '127.0.0.1') return [`http://127.0.0.1:${port}`]
    const lan = Object.values((this.options.interfaces ?? networkInterfaces)())
      .flat()
      .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
      .map((a) => `http://${a!.address}:${port}`)
    return [...lan, `http://127.0.0.1:${port}`]
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work)
    this.queue = next.catch(() => {})
    return next
  }
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error)
    server.once('error', onError)
    server.listen(port, host, () => {
      server.off('error', onError)
      resolve()
    })
  })
}

function listenError(error: NodeJS.ErrnoException, port: number, host: string): { message: string; hint: string } {
  switch (error.code) {
    case 'EADDRINUSE':
      return { message: `Port ${port} is already in use by another program, so the registration endpoint is not listening.`, hint: `Choose another port (the snippet and QR code follow it), or quit the program using port ${port}.` }
    case 'EACCES':
      return { message: `Pushdeck is not allowed to listen on port ${port}.`, hint: 'Choose a port from 1024 up.' }
    case 'EADDRNOTAVAIL':
      return { message: `The address ${host} is not available on this machine.`, hint: 'Turn off LAN access, or check the network connection.' }
    default:
      return { message: `The registration endpoint could not start on ${host}:${port} (${error.code ?? error.message}).`, hint: 'Choose another port and try again.' }
  }
}
