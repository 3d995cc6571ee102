import type { ClientHttp2Session, OutgoingHttpHeaders } from 'node:http2'
import { afterEach, describe, expect, it } from 'vitest'
import type { RunningEmulator } from '../../src/core/emulator'
import { send, type RawResponse } from '../support/emulator-client'
import { bearer, emulatorHarness, UUID_LOWER } from '../support/emulator-harness'
import { signProviderToken } from '../support/emulator-jwt'
import { makePushCertificate } from '../support/push-certificates'

/**
 * The emulator's broadcast channels as Apple specifies them (apns-reference.md §2.1–2.3): the
 * management host on its own port, broadcasts on the push host, and every documented reason.
 * Raw HTTP/2 here, so each header is exactly what the test sends.
 */

const BUNDLE = 'com.example.scores'
const harness = emulatorHarness()
afterEach(() => harness.cleanUp())

const UPDATE = JSON.stringify({ aps: { event: 'update', timestamp: Math.floor(Date.now() / 1000), 'content-state': { home: 1, away: 0 } } })

interface Hosts {
  emulator: RunningEmulator
  push: ClientHttp2Session
  manage: ClientHttp2Session
  auth: OutgoingHttpHeaders
}

async function hosts(options: Parameters<typeof harness.emulator>[0] = {}): Promise<Hosts> {
  const emulator = await harness.emulator(options)
  const push = await harness.client(emulator)
  const manage = await harness.client({ ...emulator, port: emulator.managementPort })
  return { emulator, push, manage, auth: bearer(signProviderToken(harness.key)) }
}

function create(h: Hosts, body: unknown = { 'message-storage-policy': 1, 'push-type': 'LiveActivity' }, headers: OutgoingHttpHeaders = {}, bundleId = BUNDLE): Promise<RawResponse> {
  return send(h.manage, { method: 'POST', path: `/1/apps/${bundleId}/channels`, headers: { ...h.auth, ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) })
}

async function createdChannel(h: Hosts, policy: 0 | 1 = 1): Promise<string> {
  const response = await create(h, { 'message-storage-policy': policy, 'push-type': 'LiveActivity' })
  expect(response.status).toBe(201)
  return String(response.headers['apns-channel-id'])
}

function broadcast(h: Hosts, headers: OutgoingHttpHeaders, body = UPDATE, bundleId = BUNDLE): Promise<RawResponse> {
  return send(h.push, { method: 'POST', path: `/4/broadcasts/apps/${bundleId}`, headers: { ...h.auth, ...headers }, body })
}

function broadcastHeaders(channelId: string, overrides: OutgoingHttpHeaders = {}): OutgoingHttpHeaders {
  return { 'apns-channel-id': channelId, 'apns-push-type': 'liveactivity', 'apns-expiration': '0', 'apns-priority': '10', ...overrides }
}

function expectReason(response: RawResponse, status: number, reason: string): void {
  expect({ status: response.status, body: JSON.parse(response.body || 'null') as unknown }).toEqual({ status, body: { reason } })
  expect(response.headers['apns-request-id']).toMatch(UUID_LOWER)
}

describe('channel management host', () => {
  it('creates a channel: 201 with a base64 apns-channel-id and the echoed apns-request-id, empty body', async () => {
    const h = await hosts()
    const requestId = '8f0b5b3e-1d8a-4c1e-9a54-0d3f4b2a1c11'
    const response = await create(h, undefined, { 'apns-request-id': requestId })
    expect(response.status).toBe(201)
    expect(response.body).toBe('')
    expect(response.headers['apns-request-id']).toBe(requestId)
    expect(Buffer.from(String(response.headers['apns-channel-id']), 'base64')).toHaveLength(16)
  })

  it('reads, lists and deletes channels per app; a deleted channel is gone', async () => {
    const h = await hosts()
    const stored = await createdChannel(h, 1)
    const unstored = await createdChannel(h, 0)
    const other = await create(h, undefined, {}, 'com.example.other')
    expect(other.status).toBe(201)

    const read = await send(h.manage, { method: 'GET', path: `/1/apps/${BUNDLE}/channels`, headers: { ...h.auth, 'apns-channel-id': unstored } })
    expect(read.status).toBe(200)
    expect(JSON.parse(read.body)).toEqual({ 'message-storage-policy': 0, 'push-type': 'LiveActivity' })

    const list = await send(h.manage, { method: 'GET', path: `/1/apps/${BUNDLE}/all-channels`, headers: h.auth })
    expect(list.status).toBe(200)
    expect(new Set(JSON.parse(list.body).channels)).toEqual(new Set([stored, unstored]))

    const deleted = await send(h.manage, { method: 'DELETE', path: `/1/apps/${BUNDLE}/channels`, headers: { ...h.auth, 'apns-channel-id': stored } })
    expect(deleted.status).toBe(204)
    expect(deleted.headers['apns-request-id']).toMatch(UUID_LOWER)
    const after = await send(h.manage, { method: 'GET', path: `/1/apps/${BUNDLE}/all-channels`, headers: h.auth })
    expect(JSON.parse(after.body).channels).toEqual([unstored])
    expectReason(await send(h.manage, { method: 'GET', path: `/1/apps/${BUNDLE}/channels`, headers: { ...h.auth, 'apns-channel-id': stored } }), 400, 'ChannelNotRegistered')
  })

  it('refuses bad create bodies with the documented reason', async () => {
    const h = await hosts()
    expectReason(await create(h, ''), 400, 'PayloadEmpty')
    expectReason(await create(h, '{"message-storage-policy":1,'), 400, 'BadRequestPayload')
    expectReason(await create(h, '[1]'), 400, 'BadRequestPayload')
    expectReason(await create(h, { 'message-storage-policy': 1 }), 400, 'MissingPushType')
    // Apple documents "LiveActivity"; node-apn's default lowercase body is refused by default.
    for (const pushType of ['liveactivity', 'alert', 1]) expectReason(await create(h, { 'message-storage-policy': 1, 'push-type': pushType }), 400, 'InvalidPushType')
    for (const policy of ['1', 2, -1, null, undefined]) expectReason(await create(h, { 'message-storage-policy': policy, 'push-type': 'LiveActivity' }), 400, 'BadRequestParams')
    expectReason(await create(h, { 'message-storage-policy': 1, 'push-type': 'LiveActivity', name: 'finals' }), 400, 'BadRequestParams')
  })

  it('the push-type case rule is a switch, since APNs is unverified on it', async () => {
    const h = await hosts({ channels: { createPushTypeCase: 'insensitive' } })
    expect((await create(h, { 'message-storage-policy': 1, 'push-type': 'liveactivity' })).status).toBe(201)
  })

  it('CannotCreateChannelConfig at the per-app limit; other apps are unaffected', async () => {
    const h = await hosts({ channels: { limit: 2 } })
    await createdChannel(h)
    await createdChannel(h)
    expectReason(await create(h), 400, 'CannotCreateChannelConfig')
    expect((await create(h, undefined, {}, 'com.example.other')).status).toBe(201)
  })

  it('channel-id, path, method, header and credential errors', async () => {
    const h = await hosts({ channels: { featureEnabled: (bundleId) => bundleId !== 'com.example.nobroadcast' } })
    const get = (headers: OutgoingHttpHeaders, path = `/1/apps/${BUNDLE}/channels`, method = 'GET') => send(h.manage, { method, path, headers: { ...h.auth, ...headers } })
    expectReason(await get({}), 400, 'MissingChannelId')
    expectReason(await get({ 'apns-channel-id': 'not base64!' }), 400, 'BadChannelId')
    expectReason(await get({ 'apns-channel-id': 'AAAAAAAAAAAAAAAAAAAAAA==' }), 400, 'ChannelNotRegistered')
    expectReason(await get({}, `/1/apps/${BUNDLE}/channel`), 404, 'BadPath')
    expectReason(await get({}, `/1/apps/${BUNDLE}/all-channels`, 'DELETE'), 405, 'MethodNotAllowed')
    expectReason(await get({ 'apns-request-id': 'not-a-uuid' }, `/1/apps/${BUNDLE}/all-channels`), 400, 'BadMessageId')
    expectReason(await get({}, '/1/apps/com.example.nobroadcast/all-channels'), 400, 'FeatureNotEnabled')
    expectReason(await send(h.manage, { method: 'GET', path: `/1/apps/${BUNDLE}/all-channels` }), 403, 'MissingProviderToken')
    expectReason(await send(h.manage, { method: 'GET', path: `/1/apps/${BUNDLE}/all-channels`, headers: bearer('a.b.c') }), 403, 'InvalidProviderToken')
  })

  it('a certificate for another app gets TopicMismatch; for this app it works', async () => {
    const emulator = await harness.emulator()
    const certificate = makePushCertificate({ bundleId: BUNDLE })
    const manage = await harness.client({ ...emulator, port: emulator.managementPort }, { cert: certificate.certPem, key: certificate.keyPem })
    const body = JSON.stringify({ 'message-storage-policy': 0, 'push-type': 'LiveActivity' })
    expect((await send(manage, { method: 'POST', path: `/1/apps/${BUNDLE}/channels`, body })).status).toBe(201)
    expectReason(await send(manage, { method: 'POST', path: '/1/apps/com.example.other/channels', body }), 403, 'TopicMismatch')
  })

  it('is a separate host: the push listener does not serve management paths', async () => {
    const h = await hosts()
    const response = await send(h.push, { method: 'GET', path: `/1/apps/${BUNDLE}/all-channels`, headers: h.auth })
    expect(response.status).toBe(405)
  })
})

describe('broadcasts on the push host', () => {
  it('200 with apns-request-id and apns-unique-id, recorded in the inbox with its headers', async () => {
    const h = await hosts()
    const channelId = await createdChannel(h, 1)
    const response = await broadcast(h, broadcastHeaders(channelId, { 'apns-expiration': String(Math.floor(Date.now() / 1000) + 3600), 'apns-priority': '5' }))
    expect(response.status).toBe(200)
    expect(response.headers['apns-request-id']).toMatch(UUID_LOWER)
    expect(response.headers['apns-unique-id']).toMatch(UUID_LOWER)
    const recorded = h.emulator.requests().at(-1)!
    expect(recorded).toMatchObject({ path: `/4/broadcasts/apps/${BUNDLE}`, status: 200, lint: [] })
    expect(recorded.headers).toMatchObject({ 'apns-channel-id': channelId, 'apns-push-type': 'liveactivity', 'apns-priority': '5' })
  })

  it('answers each broadcast error with its documented reason, in APNs order', async () => {
    const h = await hosts({ channels: { featureEnabled: (bundleId) => bundleId !== 'com.example.nobroadcast' } })
    const policy0 = await createdChannel(h, 0)
    const policy1 = await createdChannel(h, 1)
    const cases: [string, OutgoingHttpHeaders, string | undefined, number, string][] = [
      ['no channel id', { ...broadcastHeaders(policy0), 'apns-channel-id': undefined }, undefined, 400, 'MissingChannelId'],
      ['malformed channel id', broadcastHeaders('%%%'), undefined, 400, 'BadChannelId'],
      ['no push type', { ...broadcastHeaders(policy0), 'apns-push-type': undefined }, undefined, 400, 'MissingPushType'],
      ['wrong push type', broadcastHeaders(policy0, { 'apns-push-type': 'alert' }), undefined, 400, 'InvalidPushType'],
      ['no expiration (node-apn omits it by default)', { ...broadcastHeaders(policy1), 'apns-expiration': undefined }, undefined, 400, 'BadExpirationDate'],
      ['expiration not a number', broadcastHeaders(policy1, { 'apns-expiration': 'tomorrow' }), undefined, 400, 'BadExpirationDate'],
      ['non-zero expiration on a No-Message-Stored channel', broadcastHeaders(policy0, { 'apns-expiration': '1999999999' }), undefined, 400, 'BadExpirationDate'],
      ['no priority', { ...broadcastHeaders(policy0), 'apns-priority': undefined }, undefined, 400, 'BadPriority'],
      ['priority 7', broadcastHeaders(policy0, { 'apns-priority': '7' }), undefined, 400, 'BadPriority'],
      ['unknown channel', broadcastHeaders('AAAAAAAAAAAAAAAAAAAAAA=='), undefined, 400, 'ChannelNotRegistered'],
      ['empty body', broadcastHeaders(policy0), '', 400, 'PayloadEmpty'],
      ['not JSON', broadcastHeaders(policy0), '{"aps":', 400, 'BadRequestPayload'],
      ['over 5120 bytes', broadcastHeaders(policy0), JSON.stringify({ aps: { event: 'update', 'content-state': { text: 'x'.repeat(5200) } } }), 413, 'PayloadTooLarge'],
      ['request id not a UUID', broadcastHeaders(policy0, { 'apns-request-id': 'abc' }), undefined, 400, 'BadMessageId']
    ]
    for (const [label, headers, body, status, reason] of cases) {
      const response = await broadcast(h, headers, body)
      expect({ label, status: response.status, body: response.body }).toEqual({ label, status, body: JSON.stringify({ reason }) })
      expect(response.headers['apns-request-id'], label).toMatch(UUID_LOWER)
    }
    // Just under the limit is fine: 5120 bytes, not 4096 as for device pushes.
    const big = JSON.stringify({ aps: { event: 'update', timestamp: Math.floor(Date.now() / 1000), 'content-state': { text: '' } } })
    const padded = big.replace('"text":""', `"text":"${'x'.repeat(5120 - big.length)}"`)
    expect(Buffer.byteLength(padded)).toBe(5120)
    expect((await broadcast(h, broadcastHeaders(policy0), padded)).status).toBe(200)

    expectReason(await broadcast(h, broadcastHeaders(policy0), UPDATE, `${BUNDLE}.push-type.liveactivity`), 400, 'TopicDisallowed')
    expectReason(await broadcast(h, broadcastHeaders(policy0), UPDATE, 'com.example.nobroadcast'), 400, 'FeatureNotEnabled')
    expectReason(await send(h.push, { method: 'POST', path: `/4/broadcasts/apps/${BUNDLE}`, headers: broadcastHeaders(policy0), body: UPDATE }), 403, 'MissingProviderToken')
    expectReason(await send(h.push, { method: 'GET', path: `/4/broadcasts/apps/${BUNDLE}`, headers: { ...h.auth, ...broadcastHeaders(policy0) } }), 405, 'MethodNotAllowed')
    expectReason(await send(h.push, { method: 'POST', path: `/4/broadcasts/apps/${BUNDLE}/x`, headers: { ...h.auth, ...broadcastHeaders(policy0) }, body: UPDATE }), 404, 'BadPath')
  })

  it('accepts a broadcast that iOS would mishandle, with the problems in the inbox', async () => {
    const h = await hosts()
    const channelId = await createdChannel(h, 0)
    const body = JSON.stringify({ aps: { event: 'start', timestamp: Date.now(), 'content-state': { a: null } } })
    expect((await broadcast(h, broadcastHeaders(channelId), body)).status).toBe(200)
    const lint = h.emulator.requests().at(-1)!.lint.join('\n')
    expect(lint).toContain('cannot start')
    expect(lint).toContain('milliseconds')
    expect(lint).toContain('null')
  })
})

describe('Live Activity device pushes', () => {
  it('are accepted as APNs does, with what iOS would drop named in the inbox', async () => {
    const h = await hosts()
    const headers = { ...h.auth, 'apns-topic': `${BUNDLE}.push-type.liveactivity`, 'apns-push-type': 'liveactivity' }
    const good = JSON.stringify({ aps: { event: 'update', timestamp: Math.floor(Date.now() / 1000), 'content-state': { home: 2 } } })
    expect((await send(h.push, { method: 'POST', path: `/3/device/${'ab'.repeat(32)}`, headers, body: good })).status).toBe(200)
    expect(h.emulator.requests().at(-1)!.lint).toEqual([])
    const bad = JSON.stringify({ aps: { event: 'update', timestamp: Date.now(), 'content-state': { home: null }, 'stale-date': '2026-12-03' } })
    expect((await send(h.push, { method: 'POST', path: `/3/device/${'ab'.repeat(32)}`, headers, body: bad })).status).toBe(200)
    const lint = h.emulator.requests().at(-1)!.lint.join('\n')
    expect(lint).toContain('milliseconds')
    expect(lint).toContain('content-state.home')
    expect(lint).toContain('"stale-date"')
  })
})
