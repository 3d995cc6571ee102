import { randomUUID } from 'node:crypto'
import { Notification, Provider, type ProviderOptions } from '@parse/node-apn'
import forge from 'node-forge'
import { afterEach, describe, expect, it } from 'vitest'
import { nextRemoteSettings, type ClientCredentials } from '../support/emulator-client'
import { bearer, emulatorHarness, expectRejection, hexToken, pushOn, UUID_LOWER } from '../support/emulator-harness'
import { signProviderToken } from '../support/emulator-jwt'
import { makeP12, makePushCertificate, type PushCertificate, type PushCertificateOptions } from '../support/push-certificates'

/**
 * Certificate authentication over mutual TLS (apns-reference.md §1.7, §4.4): the client presents
 * an Apple-shaped push certificate (RSA, UID, environment OIDs, topic list) in the handshake, and
 * the emulator answers as the development environment would.
 */

const BUNDLE = 'com.example.pushdemo'
const DAY_MS = 24 * 3600 * 1000
const harness = emulatorHarness()

afterEach(() => harness.cleanUp())

function credentials(certificate: PushCertificate): ClientCredentials {
  return { cert: certificate.certPem, key: certificate.keyPem }
}

/** A universal (sandbox + production) certificate for BUNDLE with VoIP and complication topics. */
function universalCertificate(options: PushCertificateOptions = {}): PushCertificate {
  return makePushCertificate({
    bundleId: BUNDLE,
    extraTopics: [
      [`${BUNDLE}.voip`, ['voip']],
      [`${BUNDLE}.complication`, ['complication']]
    ],
    ...options
  })
}

async function certificateSession(certificate: PushCertificate = universalCertificate(), emulatorOptions = {}) {
  const emulator = await harness.emulator(emulatorOptions)
  const session = await harness.client(emulator, credentials(certificate))
  return { emulator, session }
}

describe('certificate connections', () => {
  it('accepts a push from a sandbox-capable certificate without any authorization header', async () => {
    const { session } = await certificateSession()
    const response = await pushOn(session, { headers: { 'apns-topic': BUNDLE } })

    expect(response.status).toBe(200)
    expect(response.headers['apns-id']).toMatch(UUID_LOWER)
    expect(response.headers['apns-unique-id']).toMatch(UUID_LOWER)
  })

  it('records authMode certificate with the subject, topics and environments, and no JWT', async () => {
    const { emulator, session } = await certificateSession()
    const apnsId = randomUUID()
    await pushOn(session, { headers: { 'apns-topic': `${BUNDLE}.voip`, 'apns-push-type': 'voip', 'apns-id': apnsId } })

    const entry = emulator.requests().find((r) => r.apnsId === apnsId)
    expect(entry).toMatchObject({
      authMode: 'certificate',
      status: 200,
      reason: null,
      jwt: null,
      fault: null,
      certificate: {
        subject: `Apple Push Services: ${BUNDLE}`,
        topics: [BUNDLE, `${BUNDLE}.voip`, `${BUNDLE}.complication`],
        environments: ['sandbox', 'production']
      }
    })
  })

  it('ignores the authorization header, even an invalid token', async () => {
    const { emulator, session } = await certificateSession()
    const response = await pushOn(session, { headers: { 'apns-topic': BUNDLE, authorization: 'bearer not.a.jwt' } })

    expect(response.status).toBe(200)
    const entry = emulator.requests().at(-1)!
    expect(entry).toMatchObject({ authMode: 'certificate', jwt: null })
    expect(entry.headers.authorization).toBe('bearer <redacted>')
  })

  it('raises the stream limit at once: the handshake already authenticated the connection', async () => {
    const { session } = await certificateSession()
    if (session.remoteSettings.maxConcurrentStreams !== 1000) await nextRemoteSettings(session)
    expect(session.remoteSettings.maxConcurrentStreams).toBe(1000)

    const responses = await Promise.all(Array.from({ length: 20 }, () => pushOn(session, { headers: { 'apns-topic': BUNDLE } })))
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200))
  })

  it("defaults a missing apns-topic to a single-topic certificate's UID", async () => {
    const single = makePushCertificate({ bundleId: 'com.example.single' })
    const token = hexToken()
    const { emulator, session } = await certificateSession(single)
    // The registry compares topics, so a 200 here means the default was the UID.
    emulator.devices.set(token, { state: 'active', topic: 'com.example.single' })

    expect((await pushOn(session, { token })).status).toBe(200)
    emulator.devices.set(token, { state: 'active', topic: 'com.example.elsewhere' })
    expectRejection(await pushOn(session, { token }), 400, 'DeviceTokenNotForTopic')
  })

  it('answers 400 MissingTopic without apns-topic when the certificate has several topics', async () => {
    const { session } = await certificateSession()
    expectRejection(await pushOn(session), 400, 'MissingTopic')
  })

  it("answers 400 TopicDisallowed for a topic the certificate does not list, and accepts the ones it does", async () => {
    const { session } = await certificateSession()
    expectRejection(await pushOn(session, { headers: { 'apns-topic': 'com.example.other' } }), 400, 'TopicDisallowed')
    expectRejection(await pushOn(session, { headers: { 'apns-topic': `${BUNDLE}.push-type.liveactivity` } }), 400, 'TopicDisallowed')
    expect((await pushOn(session, { headers: { 'apns-topic': `${BUNDLE}.complication`, 'apns-push-type': 'complication' } })).status).toBe(200)
  })

  it('answers 403 BadCertificateEnvironment for a production-only certificate', async () => {
    const { emulator, session } = await certificateSession(universalCertificate({ environments: ['production'] }))
    expectRejection(await pushOn(session, { headers: { 'apns-topic': BUNDLE } }), 403, 'BadCertificateEnvironment')
    expect(emulator.requests().at(-1)).toMatchObject({ authMode: 'certificate', certificate: { environments: ['production'] } })
  })

  it('accepts a development-only certificate', async () => {
    const { session } = await certificateSession(universalCertificate({ environments: ['sandbox'] }))
    expect((await pushOn(session, { headers: { 'apns-topic': BUNDLE } })).status).toBe(200)
  })

  it('answers 403 BadCertificate for an expired certificate', async () => {
    const expired = universalCertificate({ notBefore: new Date(Date.now() - 400 * DAY_MS), notAfter: new Date(Date.now() - DAY_MS) })
    const { session } = await certificateSession(expired)
    expectRejection(await pushOn(session, { headers: { 'apns-topic': BUNDLE } }), 403, 'BadCertificate')
  })

  it("judges expiry by the emulator's clock, and checks the certificate before the environment", async () => {
    const productionOnly = universalCertificate({ environments: ['production'], notAfter: new Date(Date.now() + 30 * DAY_MS) })
    const { session } = await certificateSession(productionOnly, { now: () => Date.now() + 60 * DAY_MS })
    expectRejection(await pushOn(session, { headers: { 'apns-topic': BUNDLE } }), 403, 'BadCertificate')
  })

  it('answers 403 BadCertificate for a certificate that is not a push certificate (no UID, no topics)', async () => {
    const { session } = await certificateSession(notAPushCertificate())
    expectRejection(await pushOn(session, { headers: { 'apns-topic': BUNDLE } }), 403, 'BadCertificate')
  })

  it('answers 400 BadTopic for a topic that is not bundle-ID-like, on both kinds of connection', async () => {
    const { emulator, session } = await certificateSession()
    expectRejection(await pushOn(session, { headers: { 'apns-topic': 'com.example pushdemo' } }), 400, 'BadTopic')
    expectRejection(await pushOn(session, { headers: { 'apns-topic': `<${BUNDLE}>` } }), 400, 'BadTopic')

    const tokenSession = await harness.client(emulator)
    const jwt = bearer(signProviderToken(harness.key))
    expectRejection(await pushOn(tokenSession, { headers: { ...jwt, 'apns-topic': 'com..example' } }), 400, 'BadTopic')
    expect((await pushOn(tokenSession, { headers: { ...jwt, 'apns-topic': `${BUNDLE}.push-type.liveactivity` } })).status).toBe(200)
  })

  it('computes lint for certificate pushes, against the topic the push went to', async () => {
    const voipOnly = makePushCertificate({ bundleId: 'com.example.caller.voip' })
    const { emulator, session } = await certificateSession(voipOnly)
    const apnsId = randomUUID()
    // No apns-topic: the UID (ending in .voip) fits push type voip, so the only warning is the payload's.
    await pushOn(session, { headers: { 'apns-push-type': 'voip', 'apns-id': apnsId }, body: JSON.stringify({ caller: 'x' }) })

    const entry = emulator.requests().find((r) => r.apnsId === apnsId)!
    expect(entry.status).toBe(200)
    expect(entry.lint).toEqual(['The payload has no "aps" dictionary.'])

    const background = randomUUID()
    const { session: other, emulator: second } = await certificateSession()
    await pushOn(other, { headers: { 'apns-topic': BUNDLE, 'apns-push-type': 'background', 'apns-id': background }, body: JSON.stringify({ aps: { 'content-available': 1 } }) })
    expect(second.requests().find((r) => r.apnsId === background)!.lint).toEqual([expect.stringMatching(/priority 5/)])
  })

  it('keeps token connections working next to certificate connections on the same emulator', async () => {
    const { emulator, session } = await certificateSession()
    const tokenSession = await harness.client(emulator)
    expectRejection(await pushOn(tokenSession, { headers: { 'apns-topic': BUNDLE } }), 403, 'MissingProviderToken')
    expect((await pushOn(session, { headers: { 'apns-topic': BUNDLE } })).status).toBe(200)
    expect(emulator.requests().map((r) => r.authMode)).toEqual(['none', 'certificate'])
  })
})

describe('with @parse/node-apn as a certificate client', () => {
  async function sendWith(options: Partial<ProviderOptions>, topic = BUNDLE) {
    const emulator = await harness.emulator()
    const apn = new Provider({
      address: '127.0.0.1',
      port: emulator.port,
      ca: [emulator.caPem],
      production: false,
      connectionRetryLimit: 0,
      peerMaxConcurrentStreams: 1,
      ...options
    } as ProviderOptions)
    try {
      const note = new Notification()
      note.topic = topic
      note.alert = 'Certificate push'
      const token = hexToken()
      const result = await apn.send(note, token)
      return { emulator, token, result }
    } finally {
      await apn.shutdown()
    }
  }

  it('gets 200 with a PEM certificate carrying the development OID', async () => {
    const certificate = universalCertificate({ environments: ['sandbox'] })
    const { emulator, token, result } = await sendWith({ cert: certificate.certPem, key: certificate.keyPem })

    expect(result.failed).toEqual([])
    expect(result.sent).toEqual([{ device: token, 'apns-id': expect.stringMatching(UUID_LOWER), 'apns-unique-id': expect.stringMatching(UUID_LOWER) }])
    expect(emulator.requests().at(-1)).toMatchObject({ authMode: 'certificate', jwt: null, status: 200, certificate: { subject: `Apple Push Services: ${BUNDLE}` } })
  })

  it('gets 200 with the same certificate as a .p12', async () => {
    const certificate = universalCertificate()
    const { result } = await sendWith({ pfx: makeP12(certificate, 'secret', 'aes256'), passphrase: 'secret' })
    expect(result.failed).toEqual([])
    expect(result.sent).toHaveLength(1)
  })

  it("surfaces TopicDisallowed for another app's topic", async () => {
    const certificate = universalCertificate()
    const { token, result } = await sendWith({ cert: certificate.certPem, key: certificate.keyPem }, 'com.example.other')
    expect(result.failed).toMatchObject([{ device: token, status: 400, response: { reason: 'TopicDisallowed' } }])
  })
})

/** An RSA client certificate with neither UID nor Apple's extensions, e.g. someone's TLS client cert. */
function notAPushCertificate(): PushCertificate {
  const base = makePushCertificate()
  const { cert, keys } = base
  cert.setSubject([{ name: 'commonName', value: 'Just a client' }])
  cert.setExtensions([{ name: 'basicConstraints', cA: false }])
  cert.sign(keys.privateKey, forge.md.sha256.create())
  return { ...base, certPem: forge.pki.certificateToPem(cert) }
}
