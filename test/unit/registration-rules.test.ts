import { describe, expect, it } from 'vitest'
import { carriesSecret, newPairingSecret } from '../../src/core/registration/pairing-secret'
import { RateLimiter } from '../../src/core/registration/rate-limiter'
import { openedBodySchema, registerBodySchema } from '../../src/core/registration/request-bodies'
import { pairingPayload, swiftSnippet } from '../../src/shared/registration/swift-snippet'
import { formatTapRate, tapRate } from '../../src/shared/tap-rate'

describe('tap rate', () => {
  const tap = { at: '2026-12-03T10:00:00.000Z', action: 'com.apple.UNNotificationDefaultActionIdentifier' }
  it('counts taps among accepted sends only, matching apns-ids without case', () => {
    const results = [
      { outcome: 'accepted', apnsId: 'aaaaaaaa-0000-0000-0000-000000000001' },
      { outcome: 'accepted', apnsId: 'aaaaaaaa-0000-0000-0000-000000000002' },
      { outcome: 'accepted', apnsId: null },
      { outcome: 'rejected', apnsId: 'aaaaaaaa-0000-0000-0000-000000000003' },
      { outcome: 'failed', apnsId: null }
    ]
    const taps = { 'AAAAAAAA-0000-0000-0000-000000000001': tap, 'aaaaaaaa-0000-0000-0000-000000000003': tap }
    const rate = tapRate(results, taps)
    expect(rate).toEqual({ delivered: 3, tapped: 1, rate: 1 / 3 })
    expect(formatTapRate(rate)).toBe('1 of 3 opened (33%)')
  })
  it('has no rate when nothing was delivered', () => {
    const rate = tapRate([{ outcome: 'failed', apnsId: null }], {})
    expect(rate.rate).toBeNull()
    expect(formatTapRate(rate)).toBe('No delivered pushes')
  })
})

describe('pairing secret', () => {
  it('is random and URL-safe', () => {
    const a = newPairingSecret()
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(newPairingSecret()).not.toBe(a)
  })
  it('is accepted only as the exact Bearer credential', () => {
    const secret = newPairingSecret()
    expect(carriesSecret(`Bearer ${secret}`, secret)).toBe(true)
    expect(carriesSecret(`bearer ${secret}`, secret)).toBe(true)
    for (const header of [undefined, '', secret, `Basic ${secret}`, `Bearer ${secret} extra`, `Bearer ${secret.toUpperCase()}`, `Bearer ${secret}=`, 'Bearer']) {
      expect(carriesSecret(header, secret), String(header)).toBe(false)
    }
    expect(carriesSecret(`Bearer ${secret}`, null)).toBe(false)
  })
})

describe('rate limiter', () => {
  it('allows a burst per client, then asks it to wait as long as a token takes to come back', () => {
    let now = 0
    const limiter = new RateLimiter({ burst: 2, perSecond: 0.5, now: () => now })
    expect(limiter.take('a')).toEqual({ allowed: true })
    expect(limiter.take('a')).toEqual({ allowed: true })
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 2 })
    // Another client has its own bucket.
    expect(limiter.take('b')).toEqual({ allowed: true })
    now = 2000
    expect(limiter.take('a')).toEqual({ allowed: true })
    expect(limiter.take('a').allowed).toBe(false)
  })
})

describe('Swift snippet', () => {
  const url = 'http://192.168.1.20:47800'
  const secret = 'abc_DEF-123'
  const swift = swiftSnippet(url, secret)

  it('fills in the URL and secret and keeps everything Pushdeck inside #if DEBUG', () => {
    expect(swift).toContain(`static let baseURL = "${url}"`)
    expect(swift).toContain(`static let secret = "${secret}"`)
    expect(swift.match(/#if DEBUG/g)).toHaveLength(3)
    expect(swift.match(/#endif/g)).toHaveLength(3)
    // Every call into Pushdeck sits between an #if DEBUG and its #endif.
    const outside = swift.replace(/#if DEBUG[\s\S]*?#endif/g, '')
    expect(outside).not.toMatch(/Pushdeck\.|enum Pushdeck/)
    expect(swift).toContain('deviceToken.map { String(format: "%02x", $0) }.joined()')
    expect(swift).toContain('"Bearer \\(secret)"')
  })

  it('escapes what a Swift string literal cannot hold', () => {
    expect(swiftSnippet('http://h:1', 'a"b\\c')).toContain('static let secret = "a\\"b\\\\c"')
  })

  it('sends exactly the fields the endpoint accepts', () => {
    // Lines commented out (the optional account) are not sent.
    const keysIn = (fn: string) => [...swift.slice(swift.indexOf(fn)).split('post(')[1]!.split('])')[0]!.replace(/^\s*\/\/.*$/gm, '').matchAll(/"(\w+)":/g)].map((m) => m[1]!)
    const registerKeys = keysIn('static func register')
    const sample: Record<string, unknown> = { token: 'a'.repeat(64), bundleId: 'com.example.app', environment: 'sandbox', deviceName: 'iPhone', tags: ['self-registered'] }
    expect(registerKeys.sort()).toEqual(Object.keys(sample).sort())
    expect(registerBodySchema.safeParse(sample).success).toBe(true)
    const openedKeys = [...swift.slice(swift.indexOf('static func reportOpened')).split('post("/v1/opened"')[0]!.matchAll(/"(\w+)":/g)].map((m) => m[1]!)
    expect(openedKeys.sort()).toEqual(['action', 'apnsId', 'token'])
    expect(openedBodySchema.safeParse({ apnsId: 'X', token: 'a'.repeat(64), action: 'A', notificationId: 'n' }).success).toBe(true)
  })

  it('the QR code holds the URL and secret as JSON', () => {
    expect(JSON.parse(pairingPayload(url, secret))).toEqual({ pushdeck: 1, url, secret })
  })
})
