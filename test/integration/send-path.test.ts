import { createPublicKey, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { PushSender } from '../../src/core/apns/push-sender'
import { ProviderPool } from '../../src/core/apns/provider-pool'
import { ResponseHeaderTap } from '../../src/core/apns/response-header-tap'
import { createEmulatorTlsIdentity, startEmulator, type RunningEmulator } from '../../src/core/emulator'
import { silentLogger } from '../../src/core/ports'
import type { SendRequest } from '../../src/shared/domain'
import { makeP256Key } from '../support/keys'
import { createTestApp, type TestApp } from '../support/test-app'
import { createTestSecretBox } from '../support/test-secret-box'

const BUNDLE = 'dev.pushdeck.demo'
const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

function track<T extends { dispose(): Promise<void> } | RunningEmulator>(thing: T): T {
  cleanups.push(() => ('dispose' in thing ? thing.dispose() : thing.close()))
  return thing
}

async function demoApp(): Promise<{ app: TestApp; credentialId: string; active: string; deleted: string }> {
  const app = track(createTestApp())
  const setup = await app.router['demo:setup'](undefined)
  if (!setup.ok) throw new Error(setup.error.message)
  const [active, deleted] = setup.value.devices
  return { app, credentialId: setup.value.credential.id, active: active!.token, deleted: deleted!.token }
}

function request(overrides: Partial<SendRequest>): SendRequest {
  return {
    credentialId: '',
    environment: 'emulator',
    deviceToken: '',
    bundleId: BUNDLE,
    pushType: 'alert',
    priority: 10,
    payloadText: '{"aps":{"alert":{"title":"Hi","body":"Test"}},"orderId":"A-1"}',
    topicOverride: null,
    expiration: { mode: 'none' },
    collapseId: '',
    apnsId: '', variables: {},
    ...overrides
  }
}

async function send(app: TestApp, input: SendRequest) {
  return app.router['push:send'](input)
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

describe('the send path against the local emulator', () => {
  it('200: the JWT is verified, apns-id and apns-unique-id come back, the body arrives byte for byte (C-13)', async () => {
    const { app, credentialId, active } = await demoApp()
    const result = await send(app, request({ credentialId, deviceToken: `<${active.toUpperCase()}>` }))
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value).toMatchObject({ outcome: 'accepted', status: 200, reason: null, environment: 'emulator', attempts: 1 })
    expect(result.value.apnsId).toMatch(/^[0-9a-f-]{36}$/)
    expect(result.value.apnsUniqueId).toMatch(/^[0-9a-f-]{36}$/)
    expect(result.value.request.path).toBe(`/3/device/${active}`)
    expect(result.value.request.headers).toMatchObject({ 'apns-topic': BUNDLE, 'apns-push-type': 'alert', 'apns-priority': '10' })
    expect(result.value.request.headers.authorization).not.toMatch(/eyJ/)

    const [received] = await app.emulator.requests()
    expect(received!.status).toBe(200)
    expect(received!.apnsId).toBe(result.value.apnsId)
    expect(received!.body).toBe('{"aps":{"alert":{"title":"Hi","body":"Test"}},"orderId":"A-1"}')
    expect(received!.jwt?.header).toMatchObject({ alg: 'ES256', kid: 'DEMOKEY001' })
    expect(received!.jwt?.claims).toMatchObject({ iss: 'DEMOTEAM01' })
  })

  it('C-14: types are sent as written and each send carries its own body (no cached compile)', async () => {
    const { app, credentialId, active } = await demoApp()
    await send(app, request({ credentialId, deviceToken: active, payloadText: '{"aps":{"alert":"one","badge":"3"}}' }))
    await send(app, request({ credentialId, deviceToken: active, payloadText: '{"aps":{"alert":"two","badge":3}}' }))
    const bodies = (await app.emulator.requests()).map((r) => r.body)
    expect(bodies).toEqual(['{"aps":{"alert":"one","badge":"3"}}', '{"aps":{"alert":"two","badge":3}}'])
  })

  it('C-18: repeated sends reuse one connection and one JWT', async () => {
    const { app, credentialId, active } = await demoApp()
    for (let i = 0; i < 5; i++) {
      const result = await send(app, request({ credentialId, deviceToken: active }))
      expect(result.ok && result.value.status).toBe(200)
    }
    const received = await app.emulator.requests()
    expect(new Set(received.map((r) => r.connectionId)).size).toBe(1)
    expect(new Set(received.map((r) => JSON.stringify(r.jwt?.claims))).size).toBe(1)
  })

  it('400 BadDeviceToken is explained with the environment mismatch (C-07)', async () => {
    const { app, credentialId } = await demoApp()
    const token = randomBytes(32).toString('hex')
    app.emulator.seedDevice(token, { state: 'bad' })
    const result = await send(app, request({ credentialId, deviceToken: token }))
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value).toMatchObject({ outcome: 'rejected', status: 400, reason: 'BadDeviceToken' })
    expect(result.value.fix).toContain('other environment')
  })

  it('410 Unregistered carries the timestamp and marks the saved device (C-23)', async () => {
    const { app, credentialId, deleted } = await demoApp()
    const result = await send(app, request({ credentialId, deviceToken: deleted }))
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value).toMatchObject({ outcome: 'rejected', status: 410, reason: 'Unregistered' })
    expect(Date.parse(result.value.unregisteredAt!)).toBeLessThan(Date.now())
    const devices = await app.router['devices:list'](undefined)
    const marked = devices.ok ? devices.value.find((d) => d.token === deleted) : undefined
    expect(marked?.unregisteredAt).toBe(result.value.unregisteredAt)
  })

  it('a push that went out is reported as sent even when its device\'s inactive mark and history cannot be saved, with a warning not to resend', async () => {
    const { app, credentialId, deleted } = await demoApp()
    // Folders where the files should be: every write to them fails, as on a full or locked disk.
    for (const path of [join(app.dataDir, 'devices.json'), join(app.dataDir, 'history', 'history.jsonl')]) {
      rmSync(path, { force: true })
      mkdirSync(path)
    }
    const result = await send(app, request({ credentialId, deviceToken: deleted }))
    if (!result.ok) throw new Error(`reported as not sent: ${result.error.message}`)
    expect(result.value).toMatchObject({ outcome: 'rejected', status: 410 })
    expect((await app.emulator.requests()).some((r) => r.path.endsWith(deleted))).toBe(true)
    const warning = result.value.warnings.find((w) => w.id === 'storage.not-saved')
    expect(warning?.message).toContain("The push was sent, but Pushdeck could not save the saved device's inactive mark")
    expect(warning?.message).toContain('its history entry')
    expect(warning?.fix).toContain("Don't send it again")
  })

  it('403 InvalidProviderToken when the key does not match the Key ID APNs knows (C-17)', async () => {
    const other = makeP256Key()
    const emulator = track(await startEmulator({ tls: createEmulatorTlsIdentity(), resolveKey: () => createPublicKey(other.publicKeyPem) }))
    const app = track(createTestApp({ endpoints: async () => ({ environment: 'sandbox', address: emulator.host, port: emulator.port, ca: emulator.caPem, production: false }) }))
    const mine = makeP256Key()
    const added = await app.router['credentials:addTokenKey']({ label: 'Mine', keyId: 'KEY1234567', teamId: 'TEAM123456', key: { text: mine.privateKeyPem } })
    if (!added.ok) throw new Error(added.error.message)
    const result = await send(app, request({ credentialId: added.value.id, environment: 'sandbox', deviceToken: randomBytes(32).toString('hex') }))
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value).toMatchObject({ outcome: 'rejected', status: 403, reason: 'InvalidProviderToken' })
    expect(result.value.checklist.join(' ')).toContain('swapped')
  })

  it('413 PayloadTooLarge from the server is normalised (the checker normally stops it first)', async () => {
    const key = makeP256Key()
    const emulator = track(await startEmulator({ tls: createEmulatorTlsIdentity(), resolveKey: () => createPublicKey(key.publicKeyPem) }))
    const pool = new ProviderPool(silentLogger)
    cleanups.push(() => pool.shutdown())
    const sender = new PushSender(pool, new ResponseHeaderTap(), silentLogger)
    const signingKey = { kind: 'token' as const, summary: { id: 'k', kind: 'token' as const, label: 'k', keyId: 'KEY1234567', teamId: 'TEAM123456', createdAt: '', demo: false }, privateKeyPem: key.privateKeyPem, fingerprint: 'f' }
    const endpoint = { environment: 'sandbox' as const, address: emulator.host, port: emulator.port, ca: emulator.caPem, production: false }
    const body = JSON.stringify({ aps: { alert: 'x' }, pad: 'p'.repeat(4097 - 30) })
    expect(Buffer.byteLength(body)).toBe(4097)
    const report = await sender.deliver(signingKey, endpoint, { token: randomBytes(32).toString('hex'), topic: BUNDLE, pushType: 'alert', priority: 10, body, apnsId: '', expiration: null, collapseId: '' })
    expect(report).toMatchObject({ outcome: 'rejected', status: 413, reason: 'PayloadTooLarge' })
    expect(report.request.bytes).toBe(4097)
  })

  it('a closed port gives a clear connection error, not a hang', async () => {
    const port = await freePort()
    const app = track(createTestApp({ endpoints: async () => ({ environment: 'sandbox', address: '127.0.0.1', port, production: false }) }))
    const added = await app.router['credentials:addTokenKey']({ label: 'Mine', keyId: 'KEY1234567', teamId: 'TEAM123456', key: { text: makeP256Key().privateKeyPem } })
    if (!added.ok) throw new Error(added.error.message)
    const result = await send(app, request({ credentialId: added.value.id, environment: 'sandbox', deviceToken: randomBytes(32).toString('hex') }))
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value).toMatchObject({ outcome: 'failed', status: null, reason: null })
    expect(result.value.explanation).toContain('refused')
    expect(result.value.latencyMs).toBeLessThan(15_000)
  })

  it('C-21: with two credentials each request is signed by its own key, A then B then A', async () => {
    const emulatorKeys = new Map<string, string>()
    const emulator = track(await startEmulator({ tls: createEmulatorTlsIdentity(), resolveKey: (kid) => (emulatorKeys.has(kid) ? createPublicKey(emulatorKeys.get(kid)!) : undefined) }))
    const app = track(createTestApp({ endpoints: async () => ({ environment: 'sandbox', address: emulator.host, port: emulator.port, ca: emulator.caPem, production: false }) }))
    const ids: Record<string, string> = {}
    for (const [label, keyId] of [['A', 'KEYAAAAAAA'], ['B', 'KEYBBBBBBB']] as const) {
      const key = makeP256Key()
      emulatorKeys.set(keyId, key.publicKeyPem)
      const added = await app.router['credentials:addTokenKey']({ label, keyId, teamId: 'TEAM123456', key: { text: key.privateKeyPem } })
      if (!added.ok) throw new Error(added.error.message)
      ids[label] = added.value.id
    }
    for (const label of ['A', 'B', 'A']) {
      const result = await send(app, request({ credentialId: ids[label]!, environment: 'sandbox', deviceToken: randomBytes(32).toString('hex') }))
      expect(result.ok && result.value.credentialLabel).toBe(label)
      expect(result.ok && result.value.status).toBe(200)
    }
    expect(emulator.requests().map((r) => r.jwt?.header.kid)).toEqual(['KEYAAAAAAA', 'KEYBBBBBBB', 'KEYAAAAAAA'])
  })

  it('main enforces the checker: a background push with priority 10 is not sent (C-10)', async () => {
    const { app, credentialId, active } = await demoApp()
    const result = await send(app, request({ credentialId, deviceToken: active, pushType: 'background', priority: 10, payloadText: '{"aps":{"content-available":1}}' }))
    expect(result).toMatchObject({ ok: false, error: { code: 'send.blocked.background.priority', hint: 'Set priority 5.' } })
    expect(await app.emulator.requests()).toEqual([])
  })

  it('the demo key is refused for Apple environments before anything is sent', async () => {
    const { app, credentialId, active } = await demoApp()
    const result = await send(app, request({ credentialId, deviceToken: active, environment: 'sandbox' }))
    expect(result).toMatchObject({ ok: false, error: { code: 'send.blocked.credential.demo-outside-emulator' } })
  })
})

describe('credentials at rest', () => {
  it('key material never reaches the renderer and is encrypted in the store file', async () => {
    const app = track(createTestApp())
    const key = makeP256Key()
    const body = key.privateKeyPem.split('\n')[1]!
    const added = await app.router['credentials:addTokenKey']({ label: 'Team key', keyId: 'key1234567 ', teamId: ' team123456', key: { fileName: 'AuthKey_KEY1234567.p8', base64: Buffer.from(key.privateKeyPem).toString('base64') } })
    if (!added.ok) throw new Error(added.error.message)
    expect(added.value).toMatchObject({ keyId: 'KEY1234567', teamId: 'TEAM123456', kind: 'token', demo: false })
    const listed = await app.router['credentials:list'](undefined)
    const wire = JSON.stringify([added, listed])
    expect(wire).not.toContain('PRIVATE KEY')
    expect(wire).not.toContain(body)
    const onDisk = readdirSync(app.dataDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => readFileSync(join(e.parentPath, e.name), 'utf8')).join('\n')
    expect(onDisk).not.toContain('PRIVATE KEY')
    expect(onDisk).not.toContain(body)
  })

  it('without OS encryption the key is refused and nothing is saved', async () => {
    const app = track(createTestApp({ secrets: createTestSecretBox(false) }))
    const result = await app.router['credentials:addTokenKey']({ label: 'x', keyId: 'KEY1234567', teamId: 'TEAM123456', key: { text: makeP256Key().privateKeyPem } })
    expect(result).toMatchObject({ ok: false, error: { code: 'secrets.unavailable' } })
    expect(await app.router['credentials:list'](undefined)).toEqual({ ok: true, value: [] })
  })

  it('C-17: IDs are required, ten characters, and not the same', async () => {
    const app = track(createTestApp())
    const key = { text: makeP256Key().privateKeyPem }
    expect(await app.router['credentials:addTokenKey']({ label: '', keyId: '', teamId: 'TEAM123456', key })).toMatchObject({ ok: false, error: { code: 'credential.bad-id', message: 'Key ID is required.' } })
    expect(await app.router['credentials:addTokenKey']({ label: '', keyId: 'KEY123', teamId: 'TEAM123456', key })).toMatchObject({ ok: false, error: { code: 'credential.bad-id' } })
    expect(await app.router['credentials:addTokenKey']({ label: '', keyId: 'TEAM123456', teamId: 'team123456', key })).toMatchObject({ ok: false, error: { code: 'credential.same-ids' } })
  })

  it('an unreadable store file is moved aside, the user is told, and the app keeps working', async () => {
    const first = createTestApp()
    const dir = first.dataDir
    await first.router['demo:setup'](undefined)
    await first.shutdown()
    const original = readFileSync(join(dir, 'devices.json'), 'utf8')
    writeFileSync(join(dir, 'devices.json'), original.slice(0, original.length / 2))
    const second = track(createTestApp({}, dir))
    cleanups.push(() => first.dispose())
    const notices = await second.router['app:notices'](undefined)
    expect(notices.ok && notices.value.join(' ')).toContain('moved to')
    const aside = readdirSync(dir).find((f) => f.startsWith('devices.unreadable-'))
    expect(aside).toBeDefined()
    expect(readFileSync(join(dir, aside!), 'utf8')).toBe(original.slice(0, original.length / 2))
    expect(await second.router['devices:list'](undefined)).toEqual({ ok: true, value: [] })
    expect(existsSync(join(dir, 'credentials.json'))).toBe(true)
    expect((await second.router['credentials:list'](undefined)).ok).toBe(true)
  })
})
