import { createPublicKey, randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createSecureServer } from 'node:http2'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ProviderPool } from '../../src/core/apns/provider-pool'
import { PushSender } from '../../src/core/apns/push-sender'
import { ResponseHeaderTap } from '../../src/core/apns/response-header-tap'
import { createEmulatorTlsIdentity, startEmulator } from '../../src/core/emulator'
import { silentLogger } from '../../src/core/ports'
import type { SendRequest, SendResult } from '../../src/shared/domain'
import type { EmulatorFault } from '../../src/shared/emulator-types'
import { makeP256Key } from '../support/keys'
import { makeP12, makePushCertificate } from '../support/push-certificates'
import { createTestApp, type TestApp } from '../support/test-app'

/** The reference's test matrix (apns-reference.md §4.5) through Pushdeck's own send path. */
const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

async function demoApp(overrides: Parameters<typeof createTestApp>[0] = {}) {
  const app = createTestApp(overrides)
  cleanups.push(() => app.dispose())
  const setup = await app.router['demo:setup'](undefined)
  if (!setup.ok) throw new Error(setup.error.message)
  return { app, credentialId: setup.value.credential.id, token: setup.value.devices[0]!.token }
}
const push = (credentialId: string, deviceToken: string, overrides: Partial<SendRequest> = {}): SendRequest => ({
  credentialId, environment: 'emulator', deviceToken, bundleId: 'dev.pushdeck.demo', pushType: 'alert', priority: 10,
  payloadText: '{"aps":{"alert":"Hi"}}', topicOverride: null, expiration: { mode: 'none' }, collapseId: '', apnsId: '', variables: {}, ...overrides
})
async function sendWithFault(app: TestApp, credentialId: string, token: string, fault: EmulatorFault): Promise<SendResult> {
  const armed = await app.router['emulator:injectFault']({ target: { scope: 'next' }, fault })
  if (!armed.ok) throw new Error(armed.error.message)
  const result = await app.router['push:send'](push(credentialId, token))
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

describe('retries follow Pushdeck\'s policy, not node-apn\'s', () => {
  it('503 with Retry-After: waits as asked, then succeeds on the second attempt', async () => {
    const { app, credentialId, token } = await demoApp()
    const started = Date.now()
    const result = await sendWithFault(app, credentialId, token, { kind: 'status', status: 503, retryAfterSeconds: 1 })
    expect(result).toMatchObject({ outcome: 'accepted', status: 200, attempts: 2 })
    expect(result.retryNotes).toEqual(['503 ServiceUnavailable: retried after 1 s (Retry-After).'])
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
    expect((await app.emulator.requests()).map((r) => r.status)).toEqual([503, 200])
  })

  it('429 asking for 15 minutes is reported, not waited for or hammered', async () => {
    const { app, credentialId, token } = await demoApp()
    const result = await sendWithFault(app, credentialId, token, { kind: 'status', status: 429, retryAfterSeconds: 900 })
    expect(result).toMatchObject({ outcome: 'rejected', status: 429, reason: 'TooManyRequests', attempts: 1 })
    expect(result.retryNotes.join(' ')).toContain('900 s')
    expect(await app.emulator.requests()).toHaveLength(1)
  })

  it('400, 410 and 413 are never retried', async () => {
    const { app, credentialId, token } = await demoApp()
    for (const status of [400, 410, 413] as const) {
      const result = await sendWithFault(app, credentialId, token, { kind: 'status', status })
      expect(result).toMatchObject({ outcome: 'rejected', status, attempts: 1 })
    }
    expect(await app.emulator.requests()).toHaveLength(3)
  })

  it('GOAWAY mid-request: retried once on a new connection', async () => {
    const { app, credentialId, token } = await demoApp()
    const result = await sendWithFault(app, credentialId, token, { kind: 'goaway' })
    expect(result).toMatchObject({ outcome: 'accepted', status: 200, attempts: 2 })
    expect(result.retryNotes.join(' ')).toContain('new connection')
    const connections = (await app.emulator.requests()).map((r) => r.connectionId)
    expect(new Set(connections).size).toBe(2)
  })

  it('a dropped connection: retried once on a new connection (C-22)', async () => {
    const { app, credentialId, token } = await demoApp()
    const result = await sendWithFault(app, credentialId, token, { kind: 'drop-connection' })
    expect(result).toMatchObject({ outcome: 'accepted', attempts: 2 })
  })

  it('a hung stream times out with a clear message, is not retried, and the next send uses a fresh connection', async () => {
    const { app, credentialId, token } = await demoApp({ requestTimeoutMs: 500 })
    const result = await sendWithFault(app, credentialId, token, { kind: 'hang' })
    expect(result).toMatchObject({ outcome: 'failed', status: null, attempts: 1 })
    expect(result.explanation).toContain('did not answer in time')
    const next = await app.router['push:send'](push(credentialId, token))
    expect(next.ok && next.value.status).toBe(200)
    const [hung, answered] = await app.emulator.requests()
    expect(answered!.connectionId).not.toBe(hung!.connectionId)
  })

  it('after sleep or a network change the app drops connections and the next send reconnects (C-22)', async () => {
    const { app, credentialId, token } = await demoApp()
    await app.router['push:send'](push(credentialId, token))
    app.dropConnections()
    const again = await app.router['push:send'](push(credentialId, token))
    expect(again.ok && again.value.status).toBe(200)
    const [first, second] = await app.emulator.requests()
    expect(second!.connectionId).not.toBe(first!.connectionId)
  })
})

describe('ExpiredProviderToken', () => {
  it('once: a fresh token is made and the send succeeds transparently', async () => {
    const key = makeP256Key()
    let skewMs = 2 * 3600 * 1000
    const emulator = await startEmulator({ tls: createEmulatorTlsIdentity(), resolveKey: () => createPublicKey(key.publicKeyPem), now: () => Date.now() + skewMs })
    cleanups.push(() => emulator.close())
    const app = createTestApp({ endpoints: async () => ({ environment: 'sandbox', address: emulator.host, port: emulator.port, ca: emulator.caPem, production: false }) })
    cleanups.push(() => app.dispose())
    const added = await app.router['credentials:addTokenKey']({ label: 'k', keyId: 'KEY1234567', teamId: 'TEAM123456', key: { text: key.privateKeyPem } })
    if (!added.ok) throw new Error(added.error.message)
    const token = randomBytes(32).toString('hex')
    // The emulator's clock runs two hours ahead for the first request only.
    const sending = app.router['push:send'](push(added.value.id, token, { environment: 'sandbox', bundleId: 'com.example.pushdemo' }))
    const watcher = setInterval(() => {
      if (emulator.requests().length > 0) skewMs = 0
    }, 1)
    const result = await sending
    clearInterval(watcher)
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value).toMatchObject({ outcome: 'accepted', attempts: 2 })
    expect(emulator.requests().map((r) => r.reason)).toEqual(['ExpiredProviderToken', null])
  })

  it('persistent (clock skew): one fresh try, then the clock is named', async () => {
    const key = makeP256Key()
    const emulator = await startEmulator({ tls: createEmulatorTlsIdentity(), resolveKey: () => createPublicKey(key.publicKeyPem), now: () => Date.now() + 2 * 3600 * 1000 })
    cleanups.push(() => emulator.close())
    const app = createTestApp({ endpoints: async () => ({ environment: 'sandbox', address: emulator.host, port: emulator.port, ca: emulator.caPem, production: false }) })
    cleanups.push(() => app.dispose())
    const added = await app.router['credentials:addTokenKey']({ label: 'k', keyId: 'KEY1234567', teamId: 'TEAM123456', key: { text: key.privateKeyPem } })
    if (!added.ok) throw new Error(added.error.message)
    const result = await app.router['push:send'](push(added.value.id, randomBytes(32).toString('hex'), { environment: 'sandbox', bundleId: 'com.example.pushdemo' }))
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value).toMatchObject({ status: 403, reason: 'ExpiredProviderToken', attempts: 2 })
    expect(result.value.retryNotes.join(' ')).toContain('clock')
    expect(result.value.explanation).toContain('clock')
  })
})

describe('certificate credentials end to end', () => {
  it('a .p12 with passphrase, added through the router, sends over mutual TLS', async () => {
    const { app } = await demoApp()
    const certificate = makePushCertificate({ bundleId: 'dev.pushdeck.demo' })
    const added = await app.router['credentials:addCertificate']({ label: '', files: [{ fileName: 'push.p12', base64: makeP12(certificate, 'secret').toString('base64') }], passphrase: 'secret' })
    if (!added.ok) throw new Error(added.error.message)
    expect(added.value).toMatchObject({ kind: 'certificate', bundleId: 'dev.pushdeck.demo', environments: ['sandbox', 'production'] })
    const result = await app.router['push:send'](push(added.value.id, randomBytes(32).toString('hex')))
    expect(result.ok && result.value).toMatchObject({ status: 200, credentialLabel: 'Apple Push Services: dev.pushdeck.demo' })
    const [received] = await app.emulator.requests()
    expect(received).toMatchObject({ authMode: 'certificate', certificate: { topics: ['dev.pushdeck.demo'] } })
    expect(received!.headers.authorization).toBeUndefined()
  })

  it('C-20: a legacy RC2 .p12 that OpenSSL 3 refuses sends after conversion on import', async () => {
    const { app } = await demoApp()
    const legacy = readFileSync(join(import.meta.dirname, '../fixtures/legacy-rc2.p12'))
    const added = await app.router['credentials:addCertificate']({ label: 'old', files: [{ fileName: 'old.p12', base64: legacy.toString('base64') }], passphrase: 'legacy-pass' })
    if (!added.ok) throw new Error(added.error.message)
    expect(added.value.kind === 'certificate' && added.value.importNotes.join(' ')).toContain('legacy RC2')
    const result = await app.router['push:send'](push(added.value.id, randomBytes(32).toString('hex'), { bundleId: 'com.example.legacy' }))
    expect(result.ok && result.value.status).toBe(200)
  })

  it('a production-only certificate against the development emulator: node-apn refuses at construction, explained', async () => {
    const emulator = await startEmulator({ tls: createEmulatorTlsIdentity(), resolveKey: () => undefined })
    cleanups.push(() => emulator.close())
    const pool = new ProviderPool(silentLogger)
    cleanups.push(() => pool.shutdown())
    const sender = new PushSender(pool, new ResponseHeaderTap(), silentLogger)
    const certificate = makePushCertificate({ environments: ['production'] })
    const identity = {
      kind: 'certificate' as const, certPem: certificate.certPem, keyPem: certificate.keyPem, fingerprint: 'f',
      summary: { id: 'c', kind: 'certificate' as const, label: 'prod', createdAt: '', demo: false, subject: '', bundleId: 'com.example.pushdemo', teamId: null, topics: [], environments: ['production' as const], notBefore: '', notAfter: '', fingerprint: '', importNotes: [] }
    }
    const report = await sender.deliver(identity, { environment: 'emulator', address: emulator.host, port: emulator.port, ca: emulator.caPem, production: false }, { token: randomBytes(32).toString('hex'), topic: 'com.example.pushdemo', pushType: 'alert', priority: 10, body: '{"aps":{}}', apnsId: '', expiration: null, collapseId: '' })
    expect(report).toMatchObject({ outcome: 'failed', attempts: 1 })
    expect(report.explanation).toContain('not valid for the chosen environment')
    expect(emulator.requests()).toHaveLength(0)
  })
})

describe('answers that are not from APNs', () => {
  /** A TLS + HTTP/2 server on loopback that answers every request the same way, and an app pointed at it. */
  async function appAgainst(status: number, contentType: string, body: string) {
    const tls = createEmulatorTlsIdentity()
    const server = createSecureServer({ key: tls.keyPem, cert: tls.certPem })
    server.on('stream', (stream) => {
      stream.respond({ ':status': status, 'content-type': contentType })
      stream.end(body)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())))
    const port = (server.address() as { port: number }).port
    const app = createTestApp({ endpoints: async () => ({ environment: 'sandbox', address: '127.0.0.1', port, ca: tls.certPem, production: false }) })
    cleanups.push(() => app.dispose())
    const added = await app.router['credentials:addTokenKey']({ label: 'k', keyId: 'KEY1234567', teamId: 'TEAM123456', key: { text: makeP256Key().privateKeyPem } })
    if (!added.ok) throw new Error(added.error.message)
    return { app, credentialId: added.value.id }
  }

  it('a proxy\'s HTML error page is reported as a non-APNs HTTP 500, not a network failure', async () => {
    const { app, credentialId } = await appAgainst(500, 'text/html', '<html>oops</html>')
    const result = await app.router['push:send'](push(credentialId, randomBytes(32).toString('hex'), { environment: 'sandbox', bundleId: 'com.example.pushdemo' }))
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value).toMatchObject({ outcome: 'rejected', status: 500, reason: null, attempts: 1 })
    expect(result.value.explanation).toContain('text/html page')
    expect(result.value.explanation).toContain('proxy')
  })

  it('an absurd 410 timestamp does not break the result; the device is still marked', async () => {
    const { app, credentialId } = await appAgainst(410, 'application/json', '{"reason":"Unregistered","timestamp":1e300}')
    const token = randomBytes(32).toString('hex')
    await app.router['devices:save']({ name: 'Old', token, bundleId: 'com.example.pushdemo', environment: 'sandbox' })
    const result = await app.router['push:send'](push(credentialId, token, { environment: 'sandbox', bundleId: 'com.example.pushdemo' }))
    expect(result.ok && result.value).toMatchObject({ status: 410, reason: 'Unregistered', unregisteredAt: null })
    const devices = await app.router['devices:list'](undefined)
    expect(devices.ok && devices.value[0]!.unregisteredAt).toMatch(/^\d{4}-/)
  })
})

describe('size limits at the server', () => {
  it('VoIP: 5120 bytes pass, 5121 get 413', async () => {
    const key = makeP256Key()
    const emulator = await startEmulator({ tls: createEmulatorTlsIdentity(), resolveKey: () => createPublicKey(key.publicKeyPem) })
    cleanups.push(() => emulator.close())
    const pool = new ProviderPool(silentLogger)
    cleanups.push(() => pool.shutdown())
    const sender = new PushSender(pool, new ResponseHeaderTap(), silentLogger)
    const identity = { kind: 'token' as const, privateKeyPem: key.privateKeyPem, fingerprint: 'f', summary: { id: 'k', kind: 'token' as const, label: 'k', keyId: 'KEY1234567', teamId: 'TEAM123456', createdAt: '', demo: false } }
    const endpoint = { environment: 'sandbox' as const, address: emulator.host, port: emulator.port, ca: emulator.caPem, production: false }
    for (const [size, status] of [[5120, 200], [5121, 413]] as const) {
      const body = JSON.stringify({ aps: {}, pad: 'p'.repeat(size - 19) })
      expect(Buffer.byteLength(body)).toBe(size)
      const report = await sender.deliver(identity, endpoint, { token: randomBytes(32).toString('hex'), topic: 'com.example.pushdemo.voip', pushType: 'voip', priority: 10, body, apnsId: '', expiration: null, collapseId: '' })
      expect(report.status).toBe(status)
    }
  })
})
