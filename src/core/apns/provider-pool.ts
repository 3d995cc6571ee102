import apn from '@parse/node-apn'
import type { Logger } from '../ports'
import type { SigningIdentity } from '../credentials/credential-service'
import type { ApnsEndpoint } from './endpoint'

/** How long one stream may stay silent before node-apn gives up on it. */
export const REQUEST_TIMEOUT_MS = 10_000

export type ProviderFactory = (options: apn.ProviderOptions) => apn.Provider

interface PoolEntry {
  credentialId: string
  provider: apn.Provider
}

/**
 * One node-apn Provider per credential and endpoint, reused across sends: a Provider mints its
 * JWT once and refreshes it every 55 minutes, so a new Provider per send would trip APNs'
 * TooManyProviderTokenUpdates (C-18). Providers are never mutated; an edited or removed
 * credential gets its providers shut down (C-21).
 */
export class ProviderPool {
  private readonly entries = new Map<string, PoolEntry>()
  /** Each identity object's last cache key and endpoint: a fan-out asks thousands of times with the same two objects. */
  private readonly recentKeys = new WeakMap<SigningIdentity, { endpoint: ApnsEndpoint; cacheKey: string }>()
  /** Credentials removed since the app started (ids are never reused). */
  private readonly removed = new Set<string>()

  constructor(
    private readonly logger: Logger,
    private readonly factory: ProviderFactory = (options) => new apn.Provider(options),
    private readonly onCreate: (provider: apn.Provider) => void = () => {},
    /** How long one stream may stay silent; tests shorten it. */
    readonly requestTimeoutMs = REQUEST_TIMEOUT_MS
  ) {}

  /** Throws what node-apn's constructor throws (e.g. a certificate for the other environment). */
  acquire(identity: SigningIdentity, endpoint: ApnsEndpoint): apn.Provider {
    if (this.removed.has(identity.summary.id)) throw new Error(`"${identity.summary.label}" was removed`)
    const cacheKey = this.cacheKeyOf(identity, endpoint)
    const cached = this.entries.get(cacheKey)
    if (cached) return cached.provider
    const provider = this.factory({
      // PEM strings, never paths: node-apn would resolve a path against an unpredictable cwd.
      ...(identity.kind === 'token'
        ? { token: { key: identity.privateKeyPem, keyId: identity.summary.keyId, teamId: identity.summary.teamId } }
        : { cert: identity.certPem, key: identity.keyPem }),
      address: endpoint.address,
      port: endpoint.port,
      production: endpoint.production,
      ...(endpoint.ca ? { ca: [endpoint.ca] } : {}),
      ...(endpoint.manageAddress ? { manageChannelsAddress: endpoint.manageAddress, manageChannelsPort: endpoint.managePort } : {}),
      requestTimeout: this.requestTimeoutMs,
      // node-apn retries immediately and ignores Retry-After; Pushdeck decides about retries itself.
      connectionRetryLimit: 0,
      // APNs allows one stream until the first valid token; without this a fan-out on a fresh
      // connection loses requests to REFUSED_STREAM (apns-reference.md §1.8).
      peerMaxConcurrentStreams: 1
    } as unknown as apn.ProviderOptions)
    this.onCreate(provider)
    this.entries.set(cacheKey, { credentialId: identity.summary.id, provider })
    return provider
  }

  private cacheKeyOf(identity: SigningIdentity, endpoint: ApnsEndpoint): string {
    const recent = this.recentKeys.get(identity)
    if (recent?.endpoint === endpoint) return recent.cacheKey
    const cacheKey = [identity.summary.id, identity.fingerprint, endpoint.address, endpoint.port, endpoint.production, endpoint.manageAddress, endpoint.managePort].join('|')
    this.recentKeys.set(identity, { endpoint, cacheKey })
    return cacheKey
  }

  /** node-apn never notices a dead connection; dropping the session makes the next send reconnect. */
  dropSessions(): void {
    for (const { provider } of this.entries.values()) destroySession(provider)
  }

  dropSessionOf(provider: apn.Provider): void {
    destroySession(provider)
  }

  /**
   * The credential was removed: its connections close, and it never gets a new one (a send of a
   * group still in flight would otherwise reopen one and sign with a removed key).
   */
  async releaseCredential(credentialId: string): Promise<void> {
    this.removed.add(credentialId)
    const doomed = [...this.entries].filter(([, e]) => e.credentialId === credentialId)
    doomed.forEach(([k]) => this.entries.delete(k))
    await Promise.all(doomed.map(([, e]) => shutdown(e.provider)))
  }

  async shutdown(): Promise<void> {
    const all = [...this.entries.values()]
    this.entries.clear()
    await Promise.all(all.map((e) => shutdown(e.provider)))
    this.logger.info(`closed ${all.length} APNs connection(s)`)
  }

  get size(): number {
    return this.entries.size
  }
}

function destroySession(provider: apn.Provider): void {
  const session = (provider as unknown as { client?: { session?: { destroy(): void } } }).client?.session
  session?.destroy()
}

const SHUTDOWN_GRACE_MS = 2_000

/**
 * node-apn's shutdown returns undefined despite its typings; only the callback tells when it is
 * done, and a peer that never answers the close must not keep the app from quitting.
 */
function shutdown(provider: apn.Provider): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      destroySession(provider)
      resolve()
    }, SHUTDOWN_GRACE_MS)
    timer.unref()
    const done = () => {
      clearTimeout(timer)
      resolve()
    }
    try {
      void provider.shutdown(done)
    } catch {
      done()
    }
  })
}
