import { describe, expect, it } from 'vitest'
import type { NormalisedResponse } from '../../src/core/apns/normalise-response'
import { parseRetryAfter } from '../../src/core/apns/response-header-tap'
import { decideRetry } from '../../src/core/apns/retry-policy'

const rejected = (status: number, reason: string | null): NormalisedResponse => ({ outcome: 'rejected', status, reason, apnsId: null, apnsUniqueId: null, unregisteredAt: null, transportError: null })
const failed: NormalisedResponse = { outcome: 'failed', status: null, reason: null, apnsId: null, apnsUniqueId: null, unregisteredAt: null, transportError: 'stream ended unexpectedly' }
const decide = (response: NormalisedResponse, retriesSoFar = 0, retryAfterSeconds: number | null = null, connectionLost = false) => decideRetry({ response, retriesSoFar, retryAfterSeconds, connectionLost })

describe('retry policy', () => {
  it('never retries answers another attempt cannot change', () => {
    for (const [status, reason] of [[400, 'BadDeviceToken'], [410, 'Unregistered'], [413, 'PayloadTooLarge'], [400, 'DeviceTokenNotForTopic'], [403, 'InvalidProviderToken'], [429, 'TooManyProviderTokenUpdates']] as const) {
      expect(decide(rejected(status, reason)).retry).toBe(false)
    }
  })

  it('ExpiredProviderToken: once with a fresh token, then names the clock', () => {
    expect(decide(rejected(403, 'ExpiredProviderToken'))).toMatchObject({ retry: true, delayMs: 0 })
    const second = decide(rejected(403, 'ExpiredProviderToken'), 1)
    expect(second).toMatchObject({ retry: false })
    expect(second.note).toContain('clock')
  })

  it('429, 500 and 503 back off a bounded number of times', () => {
    for (const [status, reason] of [[429, 'TooManyRequests'], [500, 'InternalServerError'], [503, 'ServiceUnavailable']] as const) {
      expect(decide(rejected(status, reason), 0)).toMatchObject({ retry: true, delayMs: 1000 })
      expect(decide(rejected(status, reason), 1)).toMatchObject({ retry: true, delayMs: 3000 })
      expect(decide(rejected(status, reason), 2).retry).toBe(false)
    }
  })

  it('honours Retry-After, and reports a wait too long for a person at the button instead of waiting', () => {
    expect(decide(rejected(503, 'ServiceUnavailable'), 0, 2)).toMatchObject({ retry: true, delayMs: 2000 })
    expect(decide(rejected(503, 'ServiceUnavailable'), 0, 2).note).toContain('Retry-After')
    const long = decide(rejected(429, 'TooManyRequests'), 0, 900)
    expect(long).toMatchObject({ retry: false })
    expect(long.note).toContain('900 s')
  })

  it('a lost connection is retried once on a fresh connection; a refused one is not', () => {
    expect(decide(failed, 0, null, true)).toMatchObject({ retry: true, freshConnection: true })
    expect(decide(failed, 1, null, true).retry).toBe(false)
    expect(decide(failed, 0, null, false).retry).toBe(false)
  })

  it('parses Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-12-03T12:00:00Z')
    expect(parseRetryAfter('120', now)).toBe(120)
    expect(parseRetryAfter('Thu, 03 Dec 2026 12:00:30 GMT', now)).toBe(30)
    expect(parseRetryAfter('soon', now)).toBeNull()
    expect(parseRetryAfter(undefined, now)).toBeNull()
  })
})
