export interface RateLimitOptions {
  /** Requests a client may make in a burst. */
  burst: number
  /** Requests per second a client regains, up to the burst. */
  perSecond: number
  now?: () => number
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number }

/** A generous default: an app registers at launch and reports the odd tap. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { burst: 60, perSecond: 1 }

/** At most this many clients are tracked; the ones idle longest are forgotten first. */
const MAX_CLIENTS = 1000

/** A token bucket per client address. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>()
  private readonly now: () => number

  constructor(private readonly options: RateLimitOptions = DEFAULT_RATE_LIMIT) {
    this.now = options.now ?? Date.now
  }

  take(client: string): RateDecision {
    const now = this.now()
    const bucket = this.buckets.get(client) ?? { tokens: this.options.burst, at: now }
    const tokens = Math.min(this.options.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.options.perSecond)
    // Re-inserting keeps the map in least-recently-seen order for the eviction below.
    this.buckets.delete(client)
    if (tokens < 1) {
      this.buckets.set(client, { tokens, at: now })
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / this.options.perSecond)) }
    }
    this.buckets.set(client, { tokens: tokens - 1, at: now })
    if (this.buckets.size > MAX_CLIENTS) this.buckets.delete(this.buckets.keys().next().value!)
    return { allowed: true }
  }
}
