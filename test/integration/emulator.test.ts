import { randomBytes, randomUUID } from 'node:crypto'
import type { ClientHttp2Session, IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http2'
import { connect } from 'node:net'
import { Notification, Provider, type ProviderOptions } from '@parse/node-apn'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createEmulatorTlsIdentity, startEmulator, type EmulatorOptions, type EmulatorTlsIdentity, type RunningEmulator } from '../../src/core/emulator'
import { destroyClient, nextRemoteSettings, openClient, payloadOfBytes, send, type RawResponse } from '../support/emulator-client'
import { createTestSigningKey, resolverFor, signProviderToken, type TestSigningKey } from '../support/emulator-jwt'

/**
 * The emulator over real TLS + HTTP/2, with real ES256 tokens: what a client sees is what these
 * tests assert (status, reason, headers, timestamp), never the emulator's internals.
 */

const TOPIC = 'com.example.pushdeck'
const UUID_LOWER = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const ALERT = JSON.stringify({ aps: { alert: 'Hello' } })

let tls: EmulatorTlsIdentity
let key: TestSigningKey
let emulator: RunningEmulator
const clients: ClientHttp2Session[] = []
const extraEmulators: RunningEmulator[] = []

beforeAll(async () => {
  tls = createEmulatorTlsIdentity()
  key = createTestSigningKey('KEY1234567', 'TEAM123456')
  emulator = await startEmulator({ tls, resolveKey: resolverFor(key) })
})

afterEach(async () => {
  clients.splice(0).forEach(destroyClient)
  await Promise.all(extraEmulators.splice(0).map((e) => e.close()))
})

afterAll(async () => {
  await emulator?.close()
})

function hexToken(hexDigits = 64): string {
  return randomBytes(hexDigits / 2).toString('hex')
}

async function client(target: RunningEmulator = emulator): Promise<ClientHttp2Session> {
  const session = await openClient(target)
  clients.push(session)
  return session
}

async function otherEmulator(options: Partial<EmulatorOptions> = {}): Promise<RunningEmulator> {
  const started = await startEmulator({ tls, resolveKey: resolverFor(key), ...options })
  extraEmulators.push(started)
  return started
}

let sharedJwt: string | undefined
/**
 * One provider token for the run, reused as a real client reuses its JWT: ES256 signatures are
 * randomised, so signing per push would put a *different* token on the connection every time
 * (429 TooManyProviderTokenUpdates within 20 minutes).
 */
function providerToken(): string {
  return (sharedJwt ??= signProviderToken(key))
}

interface PushOptions {
  token?: string
  /** Merged over a valid authorization + apns-topic; a header set to undefined is left out. */
  headers?: Record<string, string | string[] | undefined>
  body?: string
  method?: string
  path?: string
  target?: RunningEmulator
  session?: ClientHttp2Session
}

/** A push that is valid unless the options break it, on a fresh connection unless one is given. */
async function push(options: PushOptions = {}): Promise<RawResponse> {
  const headers: OutgoingHttpHeaders = {
    authorization: `bearer ${providerToken()}`,
    'apns-topic': TOPIC
  }
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === undefined) delete headers[name]
    else headers[name] = value
  }
  const session = options.session ?? (await client(options.target))
  return send(session, {
    method: options.method,
    path: options.path ?? `/3/device/${options.token ?? hexToken()}`,
    headers,
    body: options.body ?? ALERT
  })
}

function expectRejection(response: RawResponse, status: number, reason: string): void {
  expect({ status: response.status, body: JSON.parse(response.body) as unknown }).toEqual({ status, body: { reason } })
  expect(response.headers['content-type']).toBe('application/json')
  expect(response.headers['apns-id']).toMatch(UUID_LOWER)
}

describe('accepted pushes', () => {
  it('answers 200 with the apns-id it was sent and an apns-unique-id, and no body', async () => {
    const apnsId = '123e4567-e89b-12d3-a456-4266554400a0'
    const response = await push({ headers: { 'apns-id': apnsId, 'apns-push-type': 'alert', 'apns-priority': '10' } })

    expect(response.status).toBe(200)
    expect(response.headers['apns-id']).toBe(apnsId)
    expect(response.headers['apns-unique-id']).toMatch(UUID_LOWER)
    expect(response.body).toBe('')
  })

  it('makes up a lowercase apns-id when the request has none', async () => {
    const first = await push()
    const second = await push()

    expect(first.status).toBe(200)
    expect(first.headers['apns-id']).toMatch(UUID_LOWER)
    expect(first.headers['apns-unique-id']).toMatch(UUID_LOWER)
    expect(second.headers['apns-id']).not.toBe(first.headers['apns-id'])
  })

  it('accepts a 160-hex-digit Simulator-length token', async () => {
    expect((await push({ token: hexToken(160) })).status).toBe(200)
  })

  it('accepts upper-case hex in the token and matches it against the registry', async () => {
    const token = hexToken()
    emulator.devices.set(token, { state: 'bad' })
    expectRejection(await push({ token: token.toUpperCase() }), 400, 'BadDeviceToken')
  })

  it('accepts apns-expiration 0 and a collapse id of exactly 64 bytes', async () => {
    const response = await push({ headers: { 'apns-expiration': '0', 'apns-collapse-id': 'c'.repeat(64) } })
    expect(response.status).toBe(200)
  })
})

describe('device tokens', () => {
  it.each([
    ['too short (62 hex digits)', hexToken(62)],
    ['odd length (65 hex digits)', hexToken(64) + 'a'],
    ['not hex', 'z'.repeat(64)],
    ['base64 instead of hex', Buffer.from(hexToken(64), 'hex').toString('base64').replace(/[+/=]/g, 'A')]
  ])('refuses a token that is %s with 400 BadDeviceToken', async (_label, token) => {
    expectRejection(await push({ token }), 400, 'BadDeviceToken')
  })

  it('answers 400 MissingDeviceToken when the path has no token', async () => {
    expectRejection(await push({ path: '/3/device/' }), 400, 'MissingDeviceToken')
  })

  it('answers 400 BadDeviceToken for a token the registry marks bad', async () => {
    const token = hexToken()
    emulator.devices.set(token, { state: 'bad' })
    expectRejection(await push({ token }), 400, 'BadDeviceToken')
  })

  it('answers 410 Unregistered with the timestamp the registry holds', async () => {
    const token = hexToken()
    const since = Date.UTC(2026, 0, 15, 12, 30)
    emulator.devices.set(token, { state: 'unregistered', since })

    const response = await push({ token })

    expect(response.status).toBe(410)
    expect(JSON.parse(response.body)).toEqual({ reason: 'Unregistered', timestamp: since })
    expect(response.headers['content-type']).toBe('application/json')
  })

  it("answers 400 DeviceTokenNotForTopic for another app's topic, but accepts the same app's VoIP topic", async () => {
    const token = hexToken()
    emulator.devices.set(token, { state: 'active', topic: 'com.example.other' })

    expectRejection(await push({ token }), 400, 'DeviceTokenNotForTopic')
    expect((await push({ token, headers: { 'apns-topic': 'com.example.other' } })).status).toBe(200)
    expect((await push({ token, headers: { 'apns-topic': 'com.example.other.voip', 'apns-push-type': 'voip' } })).status).toBe(200)
  })

  it('forgets a deleted token', async () => {
    const token = hexToken()
    emulator.devices.set(token, { state: 'bad' })
    emulator.devices.delete(token)
    expect(emulator.devices.get(token)).toBeUndefined()
    expect((await push({ token })).status).toBe(200)
  })

  it("refuses unknown tokens with BadDeviceToken when unknownTokens is 'bad-device-token'", async () => {
    const strict = await otherEmulator({ unknownTokens: 'bad-device-token' })
    const known = hexToken()
    strict.devices.set(known, { state: 'active' })

    expectRejection(await push({ target: strict }), 400, 'BadDeviceToken')
    expect((await push({ target: strict, token: known })).status).toBe(200)
  })
})

describe('provider token (JWT) authentication', () => {
  it('answers 403 MissingProviderToken without an authorization header', async () => {
    expectRejection(await push({ headers: { authorization: undefined } }), 403, 'MissingProviderToken')
  })

  it('answers 403 MissingProviderToken for "bearer" with nothing after it', async () => {
    expectRejection(await push({ headers: { authorization: 'bearer ' } }), 403, 'MissingProviderToken')
  })

  it('answers 403 MissingProviderToken for another auth scheme', async () => {
    expectRejection(await push({ headers: { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` } }), 403, 'MissingProviderToken')
  })

  it('answers 403 InvalidProviderToken for a valid token with junk after it', async () => {
    const jwt = signProviderToken(key)
    expectRejection(await push({ headers: { authorization: `bearer ${jwt} extra` } }), 403, 'InvalidProviderToken')
    expect((await push({ headers: { authorization: `Bearer ${jwt}` } })).status).toBe(200)
  })

  it('answers 403 InvalidProviderToken for a token signed with another key', async () => {
    const impostor = createTestSigningKey(key.keyId, key.teamId)
    const jwt = signProviderToken(key, { signWith: impostor.privateKey })
    expectRejection(await push({ headers: { authorization: `bearer ${jwt}` } }), 403, 'InvalidProviderToken')
  })

  it.each([
    ['garbage', 'not-a-jwt'],
    ['three dots of junk', 'a.b.c'],
    ['non-JSON header', `${Buffer.from('{').toString('base64url')}.e30.AAAA`]
  ])('answers 403 InvalidProviderToken for a %s token', async (_label, jwt) => {
    expectRejection(await push({ headers: { authorization: `bearer ${jwt}` } }), 403, 'InvalidProviderToken')
  })

  it('answers 403 InvalidProviderToken for an unknown key id or team', async () => {
    const unknownKid = signProviderToken(key, { header: { kid: 'UNKNOWN000' } })
    const unknownTeam = signProviderToken(key, { claims: { iss: 'OTHERTEAM0' } })
    expectRejection(await push({ headers: { authorization: `bearer ${unknownKid}` } }), 403, 'InvalidProviderToken')
    expectRejection(await push({ headers: { authorization: `bearer ${unknownTeam}` } }), 403, 'InvalidProviderToken')
  })

  it('answers 403 InvalidProviderToken for a token that is not ES256', async () => {
    const jwt = signProviderToken(key, { header: { alg: 'HS256' } })
    expectRejection(await push({ headers: { authorization: `bearer ${jwt}` } }), 403, 'InvalidProviderToken')
  })

  it('answers 403 ExpiredProviderToken for a token issued two hours ago', async () => {
    const jwt = signProviderToken(key, { iat: Math.floor(Date.now() / 1000) - 2 * 3600 })
    expectRejection(await push({ headers: { authorization: `bearer ${jwt}` } }), 403, 'ExpiredProviderToken')
  })

  it("judges a token's age by the emulator's clock", async () => {
    const twoHoursAhead = await otherEmulator({ now: () => Date.now() + 2 * 3600 * 1000 })
    expectRejection(await push({ target: twoHoursAhead }), 403, 'ExpiredProviderToken')

    const fiftyMinutesAhead = await otherEmulator({ now: () => Date.now() + 50 * 60 * 1000 })
    expect((await push({ target: fiftyMinutesAhead })).status).toBe(200)
  })

  it('answers 403 InvalidProviderToken for a token issued more than a minute in the future, but tolerates a little skew', async () => {
    const nowSeconds = Math.floor(Date.now() / 1000)
    const farFuture = signProviderToken(key, { iat: nowSeconds + 5 * 60 })
    const nearFuture = signProviderToken(key, { iat: nowSeconds + 20 })
    expectRejection(await push({ headers: { authorization: `bearer ${farFuture}` } }), 403, 'InvalidProviderToken')
    expect((await push({ headers: { authorization: `bearer ${nearFuture}` } })).status).toBe(200)
  })
})

describe('headers', () => {
  it('answers 400 MissingTopic without apns-topic', async () => {
    expectRejection(await push({ headers: { 'apns-topic': undefined } }), 400, 'MissingTopic')
  })

  it.each(['0', '11', 'high', ''])('answers 400 BadPriority for apns-priority %j', async (priority) => {
    expectRejection(await push({ headers: { 'apns-priority': priority } }), 400, 'BadPriority')
  })

  it.each(['1', '5', '10'])('accepts apns-priority %s', async (priority) => {
    expect((await push({ headers: { 'apns-priority': priority } })).status).toBe(200)
  })

  it.each(['123e4567e89b12d3a4564266554400a0', 'not-a-uuid', '123e4567-e89b-12d3-a456-4266554400a'])(
    'answers 400 BadMessageId for apns-id %j, with a fresh apns-id in the answer',
    async (apnsId) => {
      const response = await push({ headers: { 'apns-id': apnsId } })
      expectRejection(response, 400, 'BadMessageId')
      expect(response.headers['apns-id']).not.toBe(apnsId)
    }
  )

  it.each(['Alert', 'notification', 'VOIP'])('answers 400 InvalidPushType for apns-push-type %j', async (pushType) => {
    expectRejection(await push({ headers: { 'apns-push-type': pushType } }), 400, 'InvalidPushType')
  })

  it.each(['-1', '1.5', 'tomorrow'])('answers 400 BadExpirationDate for apns-expiration %j', async (expiration) => {
    expectRejection(await push({ headers: { 'apns-expiration': expiration } }), 400, 'BadExpirationDate')
  })

  it('answers 400 BadCollapseId past 64 bytes, counting bytes rather than characters', async () => {
    expectRejection(await push({ headers: { 'apns-collapse-id': 'c'.repeat(65) } }), 400, 'BadCollapseId')
    // Node's http2 client writes header strings as latin1, one byte per character; to put real
    // UTF-8 on the wire, hand it the UTF-8 bytes as a latin1 string. 33 × "é" is 66 bytes.
    const utf8OnTheWire = (text: string): string => Buffer.from(text, 'utf8').toString('latin1')
    expectRejection(await push({ headers: { 'apns-collapse-id': utf8OnTheWire('é'.repeat(33)) } }), 400, 'BadCollapseId')
    expect((await push({ headers: { 'apns-collapse-id': utf8OnTheWire('é'.repeat(32)) } })).status).toBe(200)
  })

  it('answers 400 DuplicateHeaders when a header is sent twice', async () => {
    expectRejection(await push({ headers: { 'apns-topic': [TOPIC, TOPIC] } }), 400, 'DuplicateHeaders')
  })
})

describe('routing', () => {
  it.each(['/3/devices/abc', '/4/device/' + 'a'.repeat(64), '/', '/3/device/' + 'a'.repeat(64) + '/extra'])(
    'answers 404 BadPath for %s',
    async (path) => {
      expectRejection(await push({ path }), 404, 'BadPath')
    }
  )

  it.each(['GET', 'PUT', 'DELETE'])('answers 405 MethodNotAllowed for %s', async (method) => {
    expectRejection(await push({ method, body: '' }), 405, 'MethodNotAllowed')
  })
})

describe('payload', () => {
  it('answers 400 PayloadEmpty for an empty body', async () => {
    expectRejection(await push({ body: '' }), 400, 'PayloadEmpty')
  })

  it('accepts exactly 4096 bytes and answers 413 PayloadTooLarge at 4097', async () => {
    expect((await push({ body: payloadOfBytes(4096) })).status).toBe(200)
    expectRejection(await push({ body: payloadOfBytes(4097) }), 413, 'PayloadTooLarge')
  })

  it('allows VoIP pushes 5120 bytes and answers 413 at 5121', async () => {
    const voip = { 'apns-push-type': 'voip', 'apns-topic': `${TOPIC}.voip` }
    expect((await push({ headers: voip, body: payloadOfBytes(5120) })).status).toBe(200)
    expectRejection(await push({ headers: voip, body: payloadOfBytes(5121) }), 413, 'PayloadTooLarge')
  })

  it('counts bytes, not characters', async () => {
    // 2048 × "é" is 2048 characters but 4096 bytes of body text, plus the JSON around it.
    expectRejection(await push({ body: JSON.stringify({ aps: { alert: 'é'.repeat(2048) } }) }), 413, 'PayloadTooLarge')
  })
})

describe('validation order (the first failure wins)', () => {
  it('reports the method before anything else', async () => {
    expectRejection(await push({ method: 'GET', path: '/nowhere', headers: { authorization: undefined } }), 405, 'MethodNotAllowed')
  })

  it('reports a bad apns-id before missing authentication', async () => {
    const response = await push({ headers: { 'apns-id': 'nope', authorization: undefined } })
    expectRejection(response, 400, 'BadMessageId')
  })

  it('reports authentication before header, token and payload problems', async () => {
    const response = await push({
      token: 'zz',
      body: '',
      headers: { authorization: undefined, 'apns-priority': '7', 'apns-topic': undefined }
    })
    expectRejection(response, 403, 'MissingProviderToken')
  })

  it('reports the device token before the payload', async () => {
    expectRejection(await push({ token: 'abc', body: '' }), 400, 'BadDeviceToken')
  })
})

describe('HTTP/2 connection behaviour', () => {
  it('advertises one stream on a fresh connection and raises it to 1000 after the first accepted push', async () => {
    const session = await client()
    expect(session.remoteSettings.maxConcurrentStreams).toBe(1)

    // A rejected push does not lift the limit: it needs a valid token.
    expectRejection(await push({ session, headers: { authorization: undefined } }), 403, 'MissingProviderToken')
    expect(session.remoteSettings.maxConcurrentStreams).toBe(1)

    const raised = nextRemoteSettings(session)
    expect((await push({ session })).status).toBe(200)
    if (session.remoteSettings.maxConcurrentStreams !== 1000) await raised
    expect(session.remoteSettings.maxConcurrentStreams).toBe(1000)
  })

  it('answers many concurrent pushes once the limit is raised', async () => {
    const session = await client()
    expect((await push({ session })).status).toBe(200)
    const responses = await Promise.all(Array.from({ length: 50 }, () => push({ session })))
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(200))
  })

  it('answers 413 to a body far past the cap without waiting for the rest, and keeps serving', async () => {
    const session = await client()
    const apnsId = randomUuid()
    const stream = session.request({
      ':method': 'POST',
      ':path': `/3/device/${hexToken()}`,
      authorization: `bearer ${signProviderToken(key)}`,
      'apns-topic': TOPIC,
      'apns-id': apnsId
    })
    stream.on('error', () => undefined)
    // 200 KiB and never ended: a server that waited for the whole body would never answer.
    stream.write(Buffer.alloc(200 * 1024, 'x'))
    const headers = await new Promise<IncomingHttpHeaders>((resolve) => stream.once('response', resolve))
    expect(headers[':status']).toBe(413)

    const entry = emulator.requests().find((r) => r.apnsId === apnsId)
    expect(entry).toMatchObject({ status: 413, reason: 'PayloadTooLarge' })
    expect(entry!.bytes).toBeGreaterThan(64 * 1024)
    expect(entry!.body.length).toBeLessThanOrEqual(64 * 1024)
    expect((await push()).status).toBe(200)
  })

  it('answers 413 to a complete oversized body sent in one go', async () => {
    const huge = JSON.stringify({ aps: { alert: 'x'.repeat(1024 * 1024) } })
    expectRejection(await push({ body: huge }), 413, 'PayloadTooLarge')
  })

  it('survives a client that resets its stream mid-body', async () => {
    const session = await client()
    const stream = session.request({ ':method': 'POST', ':path': `/3/device/${hexToken()}`, 'apns-topic': TOPIC })
    stream.on('error', () => undefined)
    stream.write('{"aps":')
    await new Promise((resolve) => setTimeout(resolve, 50))
    stream.close()
    await new Promise((resolve) => stream.once('close', resolve))

    expect((await push()).status).toBe(200)
  })

  it('answers 500 InternalServerError when something inside the emulator throws', async () => {
    const broken = await otherEmulator({
      resolveKey: () => {
        throw new Error('key store exploded')
      }
    })
    expectRejection(await push({ target: broken }), 500, 'InternalServerError')
    // The emulator itself keeps answering.
    expectRejection(await push({ target: broken, headers: { authorization: undefined } }), 403, 'MissingProviderToken')
  })

  it('close() resolves even while a client keeps its connection open with a request half sent', async () => {
    const closable = await otherEmulator()
    const session = await client(closable)
    expect((await push({ session })).status).toBe(200)
    const dangling = session.request({ ':method': 'POST', ':path': `/3/device/${hexToken()}` })
    dangling.on('error', () => undefined)
    dangling.write('{')
    // Streams are handled in order, so once this later push is answered the emulator holds the
    // dangling one too (a GOAWAY alone would not end it).
    expect((await push({ session })).status).toBe(200)

    const closed = closable.close()
    await expect(closed).resolves.toBeUndefined()
    await new Promise((resolve) => (session.destroyed ? resolve(undefined) : session.once('close', resolve)))
    expect(session.destroyed).toBe(true)
    await expect(openClient(closable)).rejects.toThrow()
  })

  it('close() resolves while a client sits in the TLS handshake', async () => {
    const closable = await otherEmulator()
    const socket = connect(closable.port, closable.host)
    socket.on('error', () => undefined)
    await new Promise((resolve) => socket.once('connect', resolve))
    // A few bytes of a ClientHello that never completes; give the emulator time to accept.
    socket.write(Buffer.from([0x16, 0x03, 0x01]))
    await new Promise((resolve) => setTimeout(resolve, 50))

    await expect(closable.close()).resolves.toBeUndefined()
    await new Promise((resolve) => (socket.destroyed ? resolve(undefined) : socket.once('close', resolve)))
  })
})

describe('inbox', () => {
  it('records the request with the authorization redacted and the JWT decoded', async () => {
    const apnsId = randomUuid()
    const token = hexToken()
    const jwt = signProviderToken(key)
    const body = JSON.stringify({ aps: { alert: 'Recorded' } })
    const before = Date.now()

    await push({ token, body, headers: { authorization: `bearer ${jwt}`, 'apns-id': apnsId, 'apns-push-type': 'alert' } })

    const entry = emulator.requests().find((r) => r.apnsId === apnsId)
    expect(entry).toMatchObject({
      method: 'POST',
      path: `/3/device/${token}`,
      body,
      bytes: Buffer.byteLength(body),
      status: 200,
      reason: null,
      apnsId,
      jwt: { header: { alg: 'ES256', kid: key.keyId }, claims: { iss: key.teamId } },
      lint: []
    })
    expect(entry!.headers).toMatchObject({ authorization: 'bearer <redacted>', 'apns-topic': TOPIC, 'apns-id': apnsId })
    expect(entry!.apnsUniqueId).toMatch(UUID_LOWER)
    expect(entry!.receivedAt).toBeGreaterThanOrEqual(before)
    expect(entry!.connectionId).toBeGreaterThan(0)
    const signature = jwt.split('.')[2]
    expect(JSON.stringify(emulator.requests())).not.toContain(signature)
  })

  it('records rejections with their reason, and keeps connections apart', async () => {
    const apnsId = randomUuid()
    const session = await client()
    await push({ session, headers: { 'apns-id': apnsId, authorization: 'bearer a.b.c' } })
    await push({ session, headers: { 'apns-id': randomUuid() } })
    await push({ headers: { 'apns-id': randomUuid() } })

    const entries = emulator.requests().slice(-3)
    expect(entries[0]).toMatchObject({ apnsId, status: 403, reason: 'InvalidProviderToken', apnsUniqueId: null })
    expect(entries[0].headers.authorization).toBe('bearer <redacted>')
    expect(entries[0].jwt).toBeNull()
    expect(entries[1].connectionId).toBe(entries[0].connectionId)
    expect(entries[2].connectionId).not.toBe(entries[0].connectionId)
    expect(entries[1].id).toBeGreaterThan(entries[0].id)
  })

  it('attaches lint warnings to pushes APNs would accept but mishandle', async () => {
    const apnsId = randomUuid()
    await push({
      headers: { 'apns-id': apnsId, 'apns-push-type': 'background', 'apns-priority': '10' },
      body: JSON.stringify({ aps: { 'content-available': 1, alert: 'visible' } })
    })
    const lint = emulator.requests().find((r) => r.apnsId === apnsId)!.lint
    expect(lint).toEqual([expect.stringMatching(/priority 5/), expect.stringMatching(/background push/i)])
  })

  it('keeps only the last 500 requests', async () => {
    const small = await otherEmulator()
    const session = await client(small)
    expect((await push({ session })).status).toBe(200)
    await Promise.all(Array.from({ length: 504 }, () => push({ session })))

    const entries = small.requests()
    expect(entries).toHaveLength(500)
    expect(entries[0].id).toBe(6)
    expect(entries[499].id).toBe(505)
  })
})

describe('with @parse/node-apn as the client', () => {
  function provider(target: RunningEmulator = emulator): Provider {
    const options: ProviderOptions & { peerMaxConcurrentStreams: number } = {
      token: { key: key.privateKeyPem, keyId: key.keyId, teamId: key.teamId },
      address: '127.0.0.1',
      port: target.port,
      ca: [target.caPem],
      connectionRetryLimit: 0,
      // Passed through to http2.connect: wait for the emulator's SETTINGS instead of opening
      // streams it would refuse on a fresh connection (apns-reference.md §1.8).
      peerMaxConcurrentStreams: 1
    }
    return new Provider(options)
  }

  it('delivers a push and the emulator verifies its JWT', async () => {
    const token = hexToken()
    const apn = provider()
    try {
      const note = new Notification()
      note.topic = TOPIC
      note.pushType = 'alert'
      note.alert = 'From node-apn'
      const result = await apn.send(note, token)

      expect(result.failed).toEqual([])
      expect(result.sent).toEqual([{ device: token, 'apns-id': expect.stringMatching(UUID_LOWER), 'apns-unique-id': expect.stringMatching(UUID_LOWER) }])
      const entry = emulator.requests().findLast((r) => r.path === `/3/device/${token}`)
      expect(entry).toMatchObject({
        status: 200,
        headers: { authorization: 'bearer <redacted>', 'apns-topic': TOPIC, 'apns-push-type': 'alert' },
        jwt: { header: { alg: 'ES256', kid: key.keyId }, claims: { iss: key.teamId } }
      })
      expect(JSON.parse(entry!.body)).toEqual({ aps: { alert: 'From node-apn' } })
    } finally {
      await apn.shutdown()
    }
  })

  // Without peerMaxConcurrentStreams the same send loses 19 of 20 to NGHTTP2_REFUSED_STREAM,
  // because node-apn opens every stream before the emulator's one-stream SETTINGS arrive.
  it('fans out to 20 devices on a fresh connection without refused streams', async () => {
    const fresh = await otherEmulator()
    const tokens = Array.from({ length: 20 }, () => hexToken())
    const apn = provider(fresh)
    try {
      const note = new Notification()
      note.topic = TOPIC
      note.alert = 'Fan-out'
      const result = await apn.send(note, tokens)

      expect(result.failed).toEqual([])
      expect(result.sent.map((r) => r.device).sort()).toEqual([...tokens].sort())
      expect(new Set(fresh.requests().map((r) => r.connectionId)).size).toBe(1)
    } finally {
      await apn.shutdown()
    }
  })

  it('surfaces the status and reason of a rejection to node-apn', async () => {
    const token = hexToken()
    const since = 1_700_000_000_000
    emulator.devices.set(token, { state: 'unregistered', since })
    const apn = provider()
    try {
      const note = new Notification()
      note.topic = TOPIC
      note.alert = 'Gone'
      const result = await apn.send(note, token)

      expect(result.sent).toEqual([])
      expect(result.failed).toMatchObject([{ device: token, status: 410, response: { reason: 'Unregistered', timestamp: since } }])
    } finally {
      await apn.shutdown()
    }
  })
})

function randomUuid(): string {
  return randomUUID()
}
