import type apn from '@parse/node-apn'

/**
 * node-apn drops response headers Pushdeck needs: it looks for 'Retry-After' with capital
 * letters, which HTTP/2 (always lower case) never delivers, and it loses the status of an
 * answer whose body is not JSON (a proxy's HTML page). This tap wraps each HTTP/2 session
 * node-apn opens and records those headers per apns-id, which Pushdeck always sets.
 */
const TAPPED = Symbol('pushdeck.responseHeaderTap')

export interface TappedResponse {
  status: number | null
  /** Seconds the server asked to wait before retrying, if it did. */
  retryAfterSeconds: number | null
  contentType: string | null
}

interface TappableSession {
  request(headers: Record<string, unknown>, options?: unknown): { on(event: 'response', listener: (headers: Record<string, unknown>) => void): unknown }
  [TAPPED]?: true
}

export class ResponseHeaderTap {
  private readonly responses = new Map<string, TappedResponse>()
  /** When each provider's connection last answered anything: a live connection is not a dead one. */
  private readonly lastAnswer = new WeakMap<object, number>()

  constructor(private readonly now: () => number = Date.now) {}

  attach(provider: apn.Provider): void {
    const client = (provider as unknown as { client?: { session?: TappableSession | null } }).client
    if (!client) return
    let current = client.session ?? null
    const wrap = (session: TappableSession | null) => (session ? this.wrap(session, provider) : undefined)
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

  /** What the server answered to the request with this apns-id; forgotten once taken. */
  take(apnsId: string): TappedResponse | null {
    const response = this.responses.get(apnsId) ?? null
    this.responses.delete(apnsId)
    return response
  }

  /** Epoch ms of the provider's last answer, or 0. */
  lastAnswerAt(provider: apn.Provider): number {
    return this.lastAnswer.get(provider) ?? 0
  }

  private wrap(session: TappableSession, provider: apn.Provider): void {
    if (session[TAPPED]) return
    session[TAPPED] = true
    const request = session.request.bind(session)
    session.request = (headers, options) => {
      const stream = request(headers, options)
      const apnsId = headers['apns-id']
      if (typeof apnsId === 'string') {
        // 'response' fires once per stream (1xx answers come as 'headers'); on() spares once()'s wrapper.
        stream.on('response', (responseHeaders) => {
          this.lastAnswer.set(provider, this.now())
          const status = Number(responseHeaders[':status'])
          const contentType = responseHeaders['content-type']
          // A bodiless 200 is all node-apn needs to report an acceptance: nothing to keep (and
          // nothing for a fan-out of thousands to store and take back).
          if (status === 200 && contentType === undefined) return
          this.responses.set(apnsId, {
            status: Number.isInteger(status) ? status : null,
            retryAfterSeconds: parseRetryAfter(responseHeaders['retry-after'], this.now()),
            contentType: typeof contentType === 'string' ? contentType.slice(0, 100) : null
          })
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
