import { createPrivateKey, randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../src/core/ipc-dispatch'
import type { Logger } from '../../src/core/ports'
import type { ChannelInput } from '../../src/shared/ipc'
import type { Channel } from '../../src/shared/ipc-channels'
import type { Result } from '../../src/shared/result'
import { hashFolder, readFolder } from '../support/data-folder-hash'
import { makeP256Key } from '../support/keys'
import { makeP12, makePushCertificate } from '../support/push-certificates'
import { createTestApp, type TestApp } from '../support/test-app'
import { createTestSecretBox } from '../support/test-secret-box'

/**
 * After adding one credential of each kind (.p8 token key, .p12 with a passphrase, certificate
 * and key .pem files), sending with each to the local emulator and exporting everything, no
 * form of the key material may be found in what the renderer received, the files on disk
 * (stores and history), the exports, the events or the log.
 */
const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

function capturingLogger(): Logger & { lines: string[] } {
  const lines: string[] = []
  return { lines, info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) }
}

/** What the renderer would receive: every answer of every call, through the real dispatch. */
function rendererView(app: TestApp, logger: Logger) {
  const received: string[] = []
  app.events.subscribe((name, payload) => received.push(JSON.stringify({ name, payload })))
  // Loosely typed on purpose: the audit reads answers of many channels and only needs their text.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async function call<C extends Channel>(channel: C, input?: ChannelInput<C>): Promise<any> {
    const result: Result<unknown> = await dispatch(app.router, channel, input, logger)
    received.push(JSON.stringify(result))
    return result
  }
  return { received, call }
}

/** Every way a secret could show up: whole, by PEM line, and its bytes as base64, base64url and hex. */
function forms(secret: { text?: string; bytes?: Buffer; pem?: string }): string[] {
  const out: string[] = []
  if (secret.text) out.push(secret.text)
  if (secret.bytes) out.push(secret.bytes.toString('base64'), secret.bytes.toString('base64url'), secret.bytes.toString('hex'))
  if (secret.pem) {
    const body = secret.pem.split(/\r?\n/).filter((line) => line && !line.startsWith('-----'))
    out.push(...body.filter((line) => line.length >= 40), body.join(''))
    out.push(...forms({ bytes: Buffer.from(secret.pem) }))
  }
  return out
}

/** The private scalars of a key (EC d; RSA d, p, q), as base64url and hex. */
function scalars(privatePem: string): string[] {
  const jwk = createPrivateKey(privatePem).export({ format: 'jwk' }) as Record<string, string | undefined>
  return ['d', 'p', 'q', 'dp', 'dq', 'qi'].flatMap((k) => (jwk[k] ? [jwk[k]!, Buffer.from(jwk[k]!, 'base64url').toString('hex')] : []))
}

const push = (credentialId: string, deviceToken: string, bundleId: string): ChannelInput<'push:send'> => ({
  credentialId, environment: 'emulator', deviceToken, bundleId, pushType: 'alert', priority: 10,
  payloadText: '{"aps":{"alert":"Audit"}}', topicOverride: null, expiration: { mode: 'none' }, collapseId: '', apnsId: '', variables: {}
})

describe('secrets audit', () => {
  it('no key material, passphrase or key file appears anywhere outside the sealed store entry', async () => {
    const logger = capturingLogger()
    const app = createTestApp({ logger })
    cleanups.push(() => app.dispose())
    const { received, call } = rendererView(app, logger)

    const tokenKey = makeP256Key()
    const p8Bytes = Buffer.from(tokenKey.privateKeyPem)
    const p12Certificate = makePushCertificate({ bundleId: 'com.example.audit' })
    const passphrase = `pass-${randomBytes(12).toString('hex')}`
    const p12Bytes = makeP12(p12Certificate, passphrase)
    const pemCertificate = makePushCertificate({ bundleId: 'com.example.pem' })
    const keyFileBytes = Buffer.from(pemCertificate.keyPem)

    const token = await call('credentials:addTokenKey', { label: 'Audit key', keyId: 'AUDIT12345', teamId: 'TEAM123456', key: { fileName: 'AuthKey_AUDIT12345.p8', base64: p8Bytes.toString('base64') } })
    const p12 = await call('credentials:addCertificate', { label: 'Audit p12', files: [{ fileName: 'push.p12', base64: p12Bytes.toString('base64') }], passphrase })
    const pem = await call('credentials:addCertificate', { label: 'Audit pem', files: [{ fileName: 'cert.pem', base64: Buffer.from(pemCertificate.certPem).toString('base64') }, { fileName: 'key.pem', base64: keyFileBytes.toString('base64') }], passphrase: null })
    for (const added of [token, p12, pem]) if (!added.ok) throw new Error(added.error.message)

    // Devices, a profile and a template, so exports have content; then a send with each credential.
    const deviceToken = randomBytes(32).toString('hex')
    await call('devices:save', { name: 'Audit phone', token: deviceToken, bundleId: 'com.example.audit', environment: 'emulator', tags: ['audit'] })
    await call('profiles:save', { label: 'Audit profile', credentialId: token.value.id, bundleId: 'com.example.audit', environment: 'emulator' })
    const template = await call('templates:save', { name: 'Audit', group: '', pushType: 'alert', priority: 10, expiration: { mode: 'none' }, collapseId: '', payloadText: '{"aps":{"alert":"x"}}', variables: [] })
    for (const [credential, bundleId] of [[token, 'com.example.audit'], [p12, 'com.example.audit'], [pem, 'com.example.pem']] as const) {
      const sent = await call('push:send', push(credential.value.id, deviceToken, bundleId))
      expect(sent.ok && sent.value.status, `send with ${credential.value.label}`).toBe(200)
      await call('push:curl', push(credential.value.id, deviceToken, bundleId))
    }
    // A rejected and a blocked send too, so failure paths (and their logging) are covered.
    await call('emulator:injectFault', { target: { scope: 'next' }, fault: { kind: 'status', status: 403, reason: 'InvalidProviderToken' } })
    const rejected = await call('push:send', push(token.value.id, deviceToken, 'com.example.audit'))
    expect(rejected.ok && rejected.value.status).toBe(403)
    expect((await call('push:send', push(token.value.id, 'zz', 'com.example.audit'))).ok).toBe(false)

    const exports = [
      await call('library:export'),
      await call('history:export', { format: 'csv', query: {} }),
      await call('history:export', { format: 'json', query: {} }),
      await call('templates:exportApns', { id: template.value.id, bundleId: 'com.example.audit' })
    ]
    for (const exported of exports) expect(exported.ok).toBe(true)
    const history = await call('history:query', {})
    for (const item of history.value.items) await call('history:get', { id: item.id })
    for (const channel of ['credentials:list', 'devices:list', 'profiles:list', 'templates:list', 'emulator:inbox', 'app:notices'] as const) await call(channel)
    expect(history.value.total).toBe(4)

    const secrets: [string, string[]][] = [
      ['.p8 file', forms({ pem: tokenKey.privateKeyPem })],
      ['.p8 private scalar', scalars(tokenKey.privateKeyPem)],
      ['.p12 file', forms({ bytes: p12Bytes })],
      ['.p12 passphrase', forms({ text: passphrase })],
      ['.p12 private key', [...forms({ pem: p12Certificate.keyPem }), ...scalars(p12Certificate.keyPem)]],
      ['key .pem file', [...forms({ pem: pemCertificate.keyPem }), ...forms({ bytes: keyFileBytes })]],
      ['key .pem private scalars', scalars(pemCertificate.keyPem)]
    ]
    const places: [string, string][] = [
      ['what the renderer received', received.join('\n')],
      ['the log', logger.lines.join('\n')],
      ...readFolder(app.dataDir).map(({ path, text }): [string, string] => [`the file ${path}`, text])
    ]
    // The audit looks where the secrets could be: the log has lines, disk has the history file.
    expect(readFolder(app.dataDir).some((f) => /history/.test(f.path))).toBe(true)
    const leaks = places.flatMap(([place, text]) => secrets.flatMap(([secret, variants]) => (variants.some((v) => text.includes(v)) ? [`${secret} in ${place}`] : [])))
    expect(leaks).toEqual([])
    // No private key in any other form either. The one exception is the local emulator's own TLS
    // server key (emulator-tls.json): generated on this machine, serving 127.0.0.1 only, trusted by
    // nothing but Pushdeck, and not a credential the user gave.
    const withPem = places.filter(([place, text]) => place !== 'the file emulator-tls.json' && /PRIVATE KEY/.test(text)).map(([place]) => place)
    expect(withPem).toEqual([])
  })
})

describe('without OS encryption', () => {
  const refused = { ok: false, error: { code: 'secrets.unavailable', message: expect.stringContaining('no encrypted storage') } }

  it.each(['.p8 key', '.p12', 'certificate and key .pem', 'the demo key'])('%s is refused with the reason, and nothing is written', async (kind) => {
    const app = createTestApp({ secrets: createTestSecretBox(false) })
    cleanups.push(() => app.dispose())
    const before = hashFolder(app.dataDir)
    const certificate = makePushCertificate()
    const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64')
    const attempt = {
      '.p8 key': () => app.router['credentials:addTokenKey']({ label: '', keyId: 'KEY1234567', teamId: 'TEAM123456', key: { fileName: 'AuthKey_KEY1234567.p8', base64: b64(makeP256Key().privateKeyPem) } }),
      '.p12': () => app.router['credentials:addCertificate']({ label: '', files: [{ fileName: 'push.p12', base64: b64(makeP12(certificate, 'pw')) }], passphrase: 'pw' }),
      'certificate and key .pem': () => app.router['credentials:addCertificate']({ label: '', files: [{ fileName: 'c.pem', base64: b64(certificate.certPem) }, { fileName: 'k.pem', base64: b64(certificate.keyPem) }], passphrase: null }),
      'the demo key': () => app.router['demo:setup'](undefined)
    }[kind]!
    const result = await attempt()
    expect(result).toMatchObject(refused)
    expect(!result.ok && result.error.hint).toMatch(/keychain/)
    expect(await app.router['credentials:list'](undefined)).toEqual({ ok: true, value: [] })
    expect(hashFolder(app.dataDir)).toBe(before)
  })
})
