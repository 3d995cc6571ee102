import { afterEach, describe, expect, it } from 'vitest'
import { bearer, emulatorHarness, expectRejection, hexToken, pushOn } from '../support/emulator-harness'
import { createTestSigningKey, resolverFor, signProviderToken, type TestSigningKey } from '../support/emulator-jwt'

/**
 * Provider-token rules that belong to the connection (apns-reference.md §1.6, §4.4): the first
 * valid token binds team and key, a new token within 20 minutes is refused, keys may be scoped
 * to one environment. Plus the device-token state ExpiredToken.
 */

const TOPIC = 'com.example.pushdeck'
const MINUTE_MS = 60 * 1000
const harness = emulatorHarness()

afterEach(() => harness.cleanUp())

const teamA = createTestSigningKey('KEYA000001', 'TEAMAAAAAA')
const teamASecondKey = createTestSigningKey('KEYA000002', 'TEAMAAAAAA')
const teamB = createTestSigningKey('KEYB000001', 'TEAMBBBBBB')
const allKeys = resolverFor(teamA, teamASecondKey, teamB)

function headersFor(key: TestSigningKey, jwt = signProviderToken(key)) {
  return { ...bearer(jwt), 'apns-topic': TOPIC }
}

describe('team and key binding', () => {
  it('answers 403 InvalidProviderToken when another team pushes on a connection bound to the first', async () => {
    const emulator = await harness.emulator({ resolveKey: allKeys })
    const session = await harness.client(emulator)
    const jwtA = signProviderToken(teamA)

    expect((await pushOn(session, { headers: headersFor(teamA, jwtA) })).status).toBe(200)
    expectRejection(await pushOn(session, { headers: headersFor(teamB) }), 403, 'InvalidProviderToken')
    // The connection stays bound to team A, and team B is fine on its own connection.
    expect((await pushOn(session, { headers: headersFor(teamA, jwtA) })).status).toBe(200)
    expect((await pushOn(await harness.client(emulator), { headers: headersFor(teamB) })).status).toBe(200)
  })

  it('answers 403 UnrelatedKeyIdInToken for another key of the same team on the connection', async () => {
    const emulator = await harness.emulator({ resolveKey: allKeys })
    const session = await harness.client(emulator)

    expect((await pushOn(session, { headers: headersFor(teamA) })).status).toBe(200)
    expectRejection(await pushOn(session, { headers: headersFor(teamASecondKey) }), 403, 'UnrelatedKeyIdInToken')
    expect((await pushOn(await harness.client(emulator), { headers: headersFor(teamASecondKey) })).status).toBe(200)
  })

  it('binds on the first valid token even when that push is refused for another reason', async () => {
    const emulator = await harness.emulator({ resolveKey: allKeys })
    const session = await harness.client(emulator)

    expectRejection(await pushOn(session, { headers: headersFor(teamA), token: 'abc' }), 400, 'BadDeviceToken')
    expectRejection(await pushOn(session, { headers: headersFor(teamB) }), 403, 'InvalidProviderToken')
  })

  it('does not bind on a token it refused', async () => {
    const emulator = await harness.emulator({ resolveKey: allKeys })
    const session = await harness.client(emulator)
    const forged = signProviderToken(teamA, { signWith: teamB.privateKey })

    expectRejection(await pushOn(session, { headers: headersFor(teamA, forged) }), 403, 'InvalidProviderToken')
    expect((await pushOn(session, { headers: headersFor(teamB) })).status).toBe(200)
  })
})

describe('token updates on one connection', () => {
  it('answers 429 TooManyProviderTokenUpdates for a different valid token within 20 minutes, and keeps the old one working', async () => {
    const emulator = await harness.emulator({ resolveKey: allKeys })
    const session = await harness.client(emulator)
    const first = signProviderToken(teamA)
    const second = signProviderToken(teamA)
    expect(second).not.toBe(first) // ES256 signatures are randomised: same claims, different token

    expect((await pushOn(session, { headers: headersFor(teamA, first) })).status).toBe(200)
    expectRejection(await pushOn(session, { headers: headersFor(teamA, second) }), 429, 'TooManyProviderTokenUpdates')
    expect((await pushOn(session, { headers: headersFor(teamA, first) })).status).toBe(200)
    // Another connection is another story.
    expect((await pushOn(await harness.client(emulator), { headers: headersFor(teamA, second) })).status).toBe(200)
  })

  it('accepts the new token once 20 minutes have passed since the previous token was first used', async () => {
    let clockOffset = 0
    const emulator = await harness.emulator({ resolveKey: allKeys, now: () => Date.now() + clockOffset })
    const session = await harness.client(emulator)
    const nowSeconds = Math.floor(Date.now() / 1000)
    const first = signProviderToken(teamA, { iat: nowSeconds })

    expect((await pushOn(session, { headers: headersFor(teamA, first) })).status).toBe(200)

    clockOffset = 19 * MINUTE_MS
    const early = signProviderToken(teamA, { iat: nowSeconds + 19 * 60 })
    expectRejection(await pushOn(session, { headers: headersFor(teamA, early) }), 429, 'TooManyProviderTokenUpdates')
    // Still the first token's use that counts, not the refused attempt.
    expect((await pushOn(session, { headers: headersFor(teamA, first) })).status).toBe(200)

    clockOffset = 20 * MINUTE_MS + 1000
    const onTime = signProviderToken(teamA, { iat: nowSeconds + 20 * 60 })
    expect((await pushOn(session, { headers: headersFor(teamA, onTime) })).status).toBe(200)
    // And from then on the clock runs from the new token's first use.
    clockOffset = 25 * MINUTE_MS
    const tooSoonAgain = signProviderToken(teamA, { iat: nowSeconds + 25 * 60 })
    expectRejection(await pushOn(session, { headers: headersFor(teamA, tooSoonAgain) }), 429, 'TooManyProviderTokenUpdates')
  })
})

describe('environment-scoped keys', () => {
  const productionKey = createTestSigningKey('KEYPROD001', 'TEAMAAAAAA')
  const sandboxKey = createTestSigningKey('KEYSAND001', 'TEAMAAAAAA')
  const scoped = {
    resolveKey: resolverFor(teamA, productionKey, sandboxKey),
    keyEnvironment: (keyId: string) => (keyId === productionKey.keyId ? 'production' : keyId === sandboxKey.keyId ? 'sandbox' : 'both') as 'production' | 'sandbox' | 'both'
  }

  it('answers 403 BadEnvironmentKeyIdInToken (the documented spelling) for a production-only key', async () => {
    const emulator = await harness.emulator(scoped)
    expectRejection(await pushOn(await harness.client(emulator), { headers: headersFor(productionKey) }), 403, 'BadEnvironmentKeyIdInToken')
    expect((await pushOn(await harness.client(emulator), { headers: headersFor(sandboxKey) })).status).toBe(200)
    expect((await pushOn(await harness.client(emulator), { headers: headersFor(teamA) })).status).toBe(200)
  })

  it("answers 403 BadEnvironmentKeyInToken with environmentKeyReasonSpelling 'observed'", async () => {
    const emulator = await harness.emulator({ ...scoped, environmentKeyReasonSpelling: 'observed' })
    expectRejection(await pushOn(await harness.client(emulator), { headers: headersFor(productionKey) }), 403, 'BadEnvironmentKeyInToken')
  })

  it('does not bind the connection to a key it refused for its environment', async () => {
    const emulator = await harness.emulator(scoped)
    const session = await harness.client(emulator)
    expectRejection(await pushOn(session, { headers: headersFor(productionKey) }), 403, 'BadEnvironmentKeyIdInToken')
    expect((await pushOn(session, { headers: headersFor(sandboxKey) })).status).toBe(200)
  })
})

describe('the inbox on token connections', () => {
  it("shows authMode token for a bearer token and 'none' without one, and no certificate", async () => {
    const emulator = await harness.emulator({ resolveKey: allKeys })
    const session = await harness.client(emulator)
    await pushOn(session, { headers: { 'apns-topic': TOPIC } })
    await pushOn(session, { headers: headersFor(teamA) })

    expect(emulator.requests().map((r) => ({ authMode: r.authMode, certificate: r.certificate, fault: r.fault, status: r.status }))).toEqual([
      { authMode: 'none', certificate: null, fault: null, status: 403 },
      { authMode: 'token', certificate: null, fault: null, status: 200 }
    ])
  })
})

describe('device token states', () => {
  it("answers 410 ExpiredToken without a timestamp for a token in state 'expired'", async () => {
    const emulator = await harness.emulator({ resolveKey: allKeys })
    const token = hexToken()
    emulator.devices.set(token, { state: 'expired' })

    const response = await pushOn(await harness.client(emulator), { token, headers: headersFor(teamA) })
    expect(response.status).toBe(410)
    expect(JSON.parse(response.body)).toEqual({ reason: 'ExpiredToken' })
    expect(response.headers['content-type']).toBe('application/json')
    expect(emulator.requests().at(-1)).toMatchObject({ status: 410, reason: 'ExpiredToken' })
  })
})
