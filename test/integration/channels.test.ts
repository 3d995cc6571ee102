import { createServer } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../src/core/ipc-dispatch'
import { silentLogger } from '../../src/core/ports'
import type { BroadcastRequest, ChannelListResult, ChannelScope } from '../../src/shared/channel-types'
import type { Result } from '../../src/shared/result'
import { createTestApp, type TestApp } from '../support/test-app'

/**
 * Broadcast channels through the app's router and node-apn's channel API against the local
 * emulator: what the user does in the Channels panel, and what goes on the wire.
 */

const BUNDLE = 'dev.pushdeck.demo'
const apps: TestApp[] = []
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.dispose()))
})

async function demo(): Promise<{ app: TestApp; scope: ChannelScope }> {
  const app = createTestApp()
  apps.push(app)
  const setup = await app.router['demo:setup'](undefined)
  if (!setup.ok) throw new Error(setup.error.message)
  return { app, scope: { credentialId: setup.value.credential.id, environment: 'emulator', bundleId: BUNDLE } }
}

function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

const update = (minutesLeft: number) => JSON.stringify({ aps: { event: 'update', timestamp: '{{now}}', 'content-state': { minutesLeft } } }).replace('"{{now}}"', '{{now}}')

describe('channels through node-apn against the emulator', () => {
  it('create, list, delete: per app, with the storage policy, and Apple\'s create body on the wire', async () => {
    const { app, scope } = await demo()
    const stored = value(await app.router['channels:create']({ ...scope, policy: 1 }))
    expect(stored).toMatchObject({ outcome: 'accepted', channel: { policy: 1 } })
    expect(stored.requestId).toMatch(/^[0-9a-f-]{36}$/)
    const unstored = value(await app.router['channels:create']({ ...scope, policy: 0 }))

    const requests = await app.emulator.requests()
    const createRequest = requests.find((r) => r.method === 'POST' && r.path === `/1/apps/${BUNDLE}/channels`)!
    // Not node-apn's lowercase default, and the policy as a number.
    expect(JSON.parse(createRequest.body)).toEqual({ 'message-storage-policy': 1, 'push-type': 'LiveActivity' })
    expect(createRequest.headers['apns-request-id']).toBe(stored.requestId)
    expect(createRequest.jwt?.claims).toMatchObject({ iss: expect.any(String) })

    const list = value(await app.router['channels:list'](scope))
    expect(list.outcome).toBe('accepted')
    expect(list.channels).toEqual(expect.arrayContaining([{ id: stored.channel!.id, policy: 1 }, { id: unstored.channel!.id, policy: 0 }]))
    expect(list.channels).toHaveLength(2)
    expect(value(await app.router['channels:list']({ ...scope, bundleId: 'dev.pushdeck.other' })).channels).toEqual([])

    const removed = value(await app.router['channels:delete']({ ...scope, channelId: stored.channel!.id }))
    expect(removed).toMatchObject({ outcome: 'accepted', reason: null })
    expect(value(await app.router['channels:list'](scope)).channels).toEqual([{ id: unstored.channel!.id, policy: 0 }])
    const again = value(await app.router['channels:delete']({ ...scope, channelId: stored.channel!.id }))
    expect(again).toMatchObject({ outcome: 'rejected', status: 400, reason: 'ChannelNotRegistered' })
    expect(again.explanation).toContain('other environment')
    expect(again.requestId).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('a bundle ID pasted with a trailing newline or spaces reaches the same channels, as it does for a push', async () => {
    const { app, scope } = await demo()
    const created = value(await app.router['channels:create']({ ...scope, policy: 1 }))
    for (const pasted of [`${BUNDLE}\n`, ` ${BUNDLE} `]) {
      const listed = (await dispatch(app.router, 'channels:list', { ...scope, bundleId: pasted }, silentLogger)) as Result<ChannelListResult>
      expect(listed.ok && listed.value.channels.map((c) => c.id), JSON.stringify(pasted)).toEqual([created.channel!.id])
    }
  })

  it('a fault armed for the next device push is left for that push: channel requests and broadcasts are never faulted', async () => {
    const { app, scope } = await demo()
    value(await app.router['emulator:injectFault']({ target: { scope: 'next' }, fault: { kind: 'status', status: 500, reason: 'InternalServerError' } }))
    const channel = value(await app.router['channels:create']({ ...scope, policy: 1 })).channel!
    const broadcast = value(await app.router['channels:broadcast']({ ...scope, channelId: channel.id, payloadText: update(5), priority: 5, expirationSeconds: Math.floor(Date.now() / 1000) + 3600 }))
    expect(broadcast.outcome).toBe('accepted')
    const inbox = value(await app.router['emulator:inbox'](undefined))
    expect(inbox.faults).toHaveLength(1)
  })

  it('a broadcast goes out with liveactivity, an explicit expiration and priority, no topic, and the timestamp in seconds', async () => {
    const { app, scope } = await demo()
    const channel = value(await app.router['channels:create']({ ...scope, policy: 1 })).channel!
    const expiration = Math.floor(Date.now() / 1000) + 3600
    const before = Math.floor(Date.now() / 1000)
    const result = value(await app.router['channels:broadcast']({ ...scope, channelId: channel.id, payloadText: update(5), priority: 5, expirationSeconds: expiration }))
    expect(result).toMatchObject({ outcome: 'accepted', reason: null })
    expect(result.uniqueId).toMatch(/^[0-9a-f-]{36}$/)
    expect(result.requestId).toMatch(/^[0-9a-f-]{36}$/)

    const received = (await app.emulator.requests()).find((r) => r.path === `/4/broadcasts/apps/${BUNDLE}`)!
    expect(received.status).toBe(200)
    expect(received.headers).toMatchObject({ 'apns-push-type': 'liveactivity', 'apns-expiration': String(expiration), 'apns-priority': '5', 'apns-channel-id': channel.id, 'apns-request-id': result.requestId })
    expect(received.headers['apns-topic']).toBeUndefined()
    const aps = JSON.parse(received.body).aps
    expect(aps.timestamp).toBeGreaterThanOrEqual(before)
    expect(aps.timestamp).toBeLessThan(1e11)
    expect(result.request.headers['apns-expiration']).toBe(String(expiration))
  })

  it('each broadcast error comes back with its reason, an explanation, a fix and the apns-request-id', async () => {
    const { app, scope } = await demo()
    const unstored = value(await app.router['channels:create']({ ...scope, policy: 0 })).channel!
    const send = (overrides: Partial<BroadcastRequest>) => app.router['channels:broadcast']({ ...scope, channelId: unstored.id, payloadText: update(1), priority: 10, expirationSeconds: 0, ...overrides })

    const stored = value(await send({ expirationSeconds: Math.floor(Date.now() / 1000) + 600 }))
    expect(stored).toMatchObject({ outcome: 'rejected', status: 400, reason: 'BadExpirationDate' })
    expect(stored.fix).toContain('policy 0')
    const unknown = value(await send({ channelId: 'AAAAAAAAAAAAAAAAAAAAAA==' }))
    expect(unknown).toMatchObject({ outcome: 'rejected', reason: 'ChannelNotRegistered' })
    for (const answer of [stored, unknown]) {
      expect(answer.requestId).toMatch(/^[0-9a-f-]{36}$/)
      expect(answer.explanation.length).toBeGreaterThan(20)
    }
    expect(value(await send({})).outcome).toBe('accepted')
  })

  it('refuses before sending what APNs would refuse or iOS would drop, naming the fix', async () => {
    const { app, scope } = await demo()
    const channelId = value(await app.router['channels:create']({ ...scope, policy: 0 })).channel!.id
    const base = { ...scope, channelId, payloadText: update(1), priority: 10 as const, expirationSeconds: 0 }
    const refused = async (overrides: Partial<BroadcastRequest>) => {
      const result = await app.router['channels:broadcast']({ ...base, ...overrides })
      expect(result.ok).toBe(false)
      return result.ok ? null : result.error
    }
    expect((await refused({ channelId: 'not a channel id' }))!.code).toBe('channels.bad-channel-id')
    expect((await refused({ bundleId: `${BUNDLE}.push-type.liveactivity` }))!.code).toBe('channels.topic-suffix')
    expect((await refused({ payloadText: '{"aps":' }))!.code).toBe('channels.payload-syntax')
    expect((await refused({ payloadText: '[]' }))!.code).toBe('channels.payload-not-object')
    expect((await refused({ payloadText: JSON.stringify({ aps: { event: 'update', timestamp: 1, 'content-state': { t: 'x'.repeat(5200) } } }) }))!.code).toBe('channels.payload-too-large')
    expect((await refused({ payloadText: update(1).replace('"update"', '"start"') }))!.code).toBe('channels.liveactivity.channel-cannot-start')
    expect((await refused({ payloadText: JSON.stringify({ aps: { event: 'update', timestamp: Date.now(), 'content-state': {} } }) }))!.code).toBe('channels.liveactivity.timestamp-milliseconds')
    expect((await refused({ credentialId: 'missing' }))!.code).toBe('credential.not-found')
    // Nothing refused here reached the emulator.
    expect((await app.emulator.requests()).filter((r) => r.path.startsWith('/4/'))).toEqual([])
  })

  it('the demo key is refused outside the local emulator, before anything is sent', async () => {
    const { app, scope } = await demo()
    const result = await app.router['channels:list']({ ...scope, environment: 'sandbox' })
    expect(result.ok ? null : result.error.code).toBe('channels.demo-outside-emulator')
  })

  it('a management host that refuses connections is a failure with the cause, not a crash', async () => {
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const deadPort = (server.address() as { port: number }).port
    await new Promise<void>((resolve) => server.close(() => resolve()))
    const app = createTestApp({ endpoints: async () => ({ environment: 'emulator', address: '127.0.0.1', port: deadPort, production: false, manageAddress: '127.0.0.1', managePort: deadPort }) })
    apps.push(app)
    const setup = value(await app.router['demo:setup'](undefined))
    const failed = value(await app.router['channels:list']({ credentialId: setup.credential.id, environment: 'emulator', bundleId: BUNDLE }))
    expect(failed).toMatchObject({ outcome: 'failed', status: null, channels: [] })
    expect(failed.explanation).toContain('refused')
    expect(failed.host).toBe(`127.0.0.1:${deadPort}`)
  })
})
