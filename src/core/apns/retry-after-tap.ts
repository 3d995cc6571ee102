import type apn from '@parse/node-apn'

/**
 * node-apn looks for a 'Retry-After' header with capital letters, which HTTP/2 (always lower
 * case) never delivers, so its result never carries the server's wait. This tap wraps each
 * HTTP/2 session node-apn opens and records retry-after per apns-id, which Pushdeck always sets.
 */
const TAPPED = Symbol('pushdeck.retryAfterTap')

interface TappableSession {
  request(headers: Record<string, unknown>, options?: unknown): { once(event: 'response', listener: (headers: Record<string, unknown>) => void): unknown }
  [TAPPED]?: true
}

export class RetryAfterTap {
  private readonly waits = new Map<string, number>()

  constructor(private readonly now: () => number = Date.now) {}

  attach(provider: apn.Provider): void {
    const client = (provider as unknown as { client?: { session?: TappableSession | null } }).client
    if (!client) return
    let current = client.session ?? null
    const wrap = (session: TappableSession | null) => (session ? this.wrap(session) : undefined)
    wrap(current)
    Object.defineProperty(client, 'session', {
      configurable: true,
      enumerable: true,
      get: () => current,
      set: (session: TappableSession | null) => {
        current = session
        wrap(session)
      }
    })
  }

  /** Seconds the server asked to wait before retrying the request with this apns-id, if it did. */
  take(apnsId: string): number | null {
    const seconds = this.waits.get(apnsId)
    this.waits.delete(apnsId)
    return seconds ?? null
  }

  private wrap(session: TappableSession): void {
    if (session[TAPPED]) return
    session[TAPPED] = true
    const request = session.request.bind(session)
    session.request = (headers, options) => {
      const stream = request(headers, options)
      const apnsId = headers['apns-id']
      if (typeof apnsId === 'string') {
        stream.once('response', (responseHeaders) => {
          const seconds = parseRetryAfter(responseHeaders['retry-after'], this.now())
          if (seconds !== null) this.waits.set(apnsId, seconds)
        })
      }
      return stream
    }
  }
}

/** Retry-After is either delay-seconds or an HTTP date. */
export function parseRetryAfter(value: unknown, nowMs: number): number | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null
  const text = String(value).trim()
  if (/^\d+$/.test(text)) return Number(text)
  const date = Date.parse(text)
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - nowMs) / 1000))
}
