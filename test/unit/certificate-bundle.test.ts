import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import forge from 'node-forge'
import { describe, expect, it } from 'vitest'
import { parseCertificateFiles, type CertificateFile } from '../../src/core/credentials/certificate-bundle'
import { makeP256Key } from '../support/keys'
import { makeP12, makePushCertificate, testRsaKeys } from '../support/push-certificates'

const now = new Date()
const file = (fileName: string, bytes: Buffer | string): CertificateFile => ({ fileName, base64: Buffer.from(bytes).toString('base64') })

function parsed(files: CertificateFile[], passphrase: string | null) {
  const result = parseCertificateFiles(files, passphrase, now)
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value
}
function problem(files: CertificateFile[], passphrase: string | null): { code: string; message: string; hint?: string } {
  const result = parseCertificateFiles(files, passphrase, now)
  if (result.ok) throw new Error('expected a problem')
  return result.error
}

describe('push certificate import', () => {
  const certificate = makePushCertificate({ bundleId: 'com.example.pushdemo', teamId: 'TEAM123456', extraTopics: [['com.example.pushdemo.voip', ['voip']], ['com.example.pushdemo.complication', ['complication']]] })

  it('reads a .p12 with its passphrase: subject, bundle ID, team, topics, environments, expiry', () => {
    const value = parsed([file('push.p12', makeP12(certificate, 'secret'))], 'secret')
    expect(value.info).toMatchObject({
      subject: 'Apple Push Services: com.example.pushdemo',
      bundleId: 'com.example.pushdemo',
      teamId: 'TEAM123456',
      environments: ['sandbox', 'production'],
      topics: [
        { topic: 'com.example.pushdemo', pushTypes: ['app'] },
        { topic: 'com.example.pushdemo.voip', pushTypes: ['voip'] },
        { topic: 'com.example.pushdemo.complication', pushTypes: ['complication'] }
      ]
    })
    expect(value.info.fingerprint).toMatch(/^([0-9A-F]{2}:){19}[0-9A-F]{2}$/)
    expect(value.certPem).toContain('BEGIN CERTIFICATE')
    expect(value.keyPem).toContain('BEGIN PRIVATE KEY')
    expect(value.notes).toEqual([])
  })

  it('C-19: a .p12 exported with an empty passphrase opens with the field left empty', () => {
    expect(parsed([file('push.p12', makeP12(certificate, ''))], null).info.bundleId).toBe('com.example.pushdemo')
    expect(parsed([file('push.p12', makeP12(certificate, null))], '').info.bundleId).toBe('com.example.pushdemo')
  })

  it('C-19: a wrong passphrase and a missing one are told apart', () => {
    const p12 = makeP12(certificate, 'secret')
    expect(problem([file('push.p12', p12)], 'Secret').code).toBe('certificate.wrong-passphrase')
    expect(problem([file('push.p12', p12)], null).code).toBe('certificate.passphrase-needed')
  })

  it('C-20: a legacy RC2-40 .p12 that OpenSSL 3 refuses is converted on import, with a note', () => {
    const legacy = readFileSync(join(import.meta.dirname, '../fixtures/legacy-rc2.p12'))
    const value = parsed([file('old-keychain-export.p12', legacy)], 'legacy-pass')
    expect(value.info.bundleId).toBe('com.example.legacy')
    expect(value.notes.join(' ')).toContain('legacy RC2')
    expect(problem([file('old.p12', legacy)], 'wrong').code).toBe('certificate.wrong-passphrase')
  })

  it('reads a .pem holding both, and a certificate plus a separate key file', () => {
    expect(parsed([file('push.pem', certificate.certPem + certificate.keyPem)], null).info.bundleId).toBe('com.example.pushdemo')
    expect(parsed([file('aps.cer', certificate.certDer), file('key.pem', certificate.keyPem.replace(/\n/g, '\r\n'))], null).info.bundleId).toBe('com.example.pushdemo')
  })

  it('an encrypted key .pem needs and checks its passphrase', () => {
    const encrypted = forge.pki.encryptRsaPrivateKey(certificate.keys.privateKey, 'pw', { algorithm: 'aes256' })
    expect(problem([file('c.pem', certificate.certPem), file('k.pem', encrypted)], null).code).toBe('certificate.key-needs-passphrase')
    expect(problem([file('c.pem', certificate.certPem), file('k.pem', encrypted)], 'nope').code).toBe('certificate.wrong-passphrase')
    expect(parsed([file('c.pem', certificate.certPem), file('k.pem', encrypted)], 'pw').info.bundleId).toBe('com.example.pushdemo')
  })

  it('refuses a certificate without its private key, and says how to export both (Knuff #102)', () => {
    const error = problem([file('aps.cer', certificate.certDer)], null)
    expect(error.code).toBe('certificate.no-private-key')
    expect(error.hint).toContain('Keychain Access')
    const certOnlyP12 = Buffer.from(forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(null, [certificate.cert], 'x')).getBytes(), 'binary')
    expect(problem([file('cert-only.p12', certOnlyP12)], 'x').code).toBe('certificate.no-private-key')
  })

  it('refuses several private keys', () => {
    const other = forge.pki.privateKeyToPem(forge.pki.rsa.generateKeyPair(1024).privateKey)
    expect(problem([file('both.pem', certificate.certPem + certificate.keyPem + other)], null).code).toBe('certificate.several-keys')
  })

  it('refuses a key that belongs to another certificate', () => {
    const stranger = forge.pki.privateKeyToPem(forge.pki.rsa.generateKeyPair(1024).privateKey)
    expect(problem([file('c.pem', certificate.certPem), file('k.pem', stranger)], null).code).toBe('certificate.key-mismatch')
  })

  it('refuses an expired certificate with its date', () => {
    const expired = makePushCertificate({ keys: testRsaKeys(), notBefore: new Date('2020-01-01'), notAfter: new Date('2021-01-01') })
    const error = problem([file('old.p12', makeP12(expired, 'pw'))], 'pw')
    expect(error).toMatchObject({ code: 'certificate.expired' })
    expect(error.message).toContain('2021-01-01')
  })

  it('refuses a certificate that is not an Apple push certificate', () => {
    const keys = testRsaKeys()
    const cert = forge.pki.createCertificate()
    cert.publicKey = keys.publicKey
    cert.serialNumber = '01'
    cert.validity.notBefore = new Date(Date.now() - 1000)
    cert.validity.notAfter = new Date(Date.now() + 86400000)
    cert.setSubject([{ name: 'commonName', value: 'iPhone Developer: Jane' }])
    cert.setIssuer(cert.subject.attributes)
    cert.sign(keys.privateKey, forge.md.sha256.create())
    const error = problem([file('dev.pem', forge.pki.certificateToPem(cert) + forge.pki.privateKeyToPem(keys.privateKey))], null)
    expect(error.code).toBe('certificate.not-push')
    expect(error.message).toContain('iPhone Developer: Jane')
  })

  it('C-16: a .p8 token key given as a certificate is named', () => {
    expect(problem([file('AuthKey_KEY1234567.p8', makeP256Key().privateKeyPem)], null).code).toBe('certificate.is-token-key')
  })

  it('a file that is nothing of the sort is named', () => {
    expect(problem([file('notes.txt', 'hello')], null).code).toBe('certificate.unknown-file')
    expect(problem([file('random.bin', Buffer.from([0x01, 0x82, 0x01, 0x00, 0xff, 0x00, 0x13]))], null).code).toBe('certificate.unknown-file')
    // A DER file that ends before its own declared length was cut off in transit.
    expect(problem([file('push.p12', makeP12(certificate, 'pw').subarray(0, 500))], 'pw').code).toBe('certificate.truncated')
  })

  it('a damaged certificate block is named, not reported as an internal error', () => {
    expect(problem([file('both.pem', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n' + certificate.keyPem)], null).code).toBe('certificate.damaged')
  })

  it('a .p12 asking for millions of key-derivation rounds is refused before it can freeze the app', () => {
    const asn1 = forge.pkcs12.toPkcs12Asn1(certificate.keys.privateKey, [certificate.cert], 'pw', { algorithm: '3des', count: 150_000 } as never)
    const started = performance.now()
    const error = problem([file('slow.p12', Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'))], 'pw')
    expect(error.code).toBe('certificate.too-many-iterations')
    expect(error.message).toContain('150,000')
    expect(performance.now() - started).toBeLessThan(60_000)
  })

  it('a PEM saved as UTF-16, with lower-case armour or a comment line still reads', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(certificate.certPem + certificate.keyPem, 'utf16le')])
    expect(parsed([file('push.pem', utf16)], null).info.bundleId).toBe('com.example.pushdemo')
    const lower = (certificate.certPem + certificate.keyPem).replace(/-----(BEGIN|END) ([A-Z ]+)-----/g, (_m, a: string, b: string) => `-----${a.toLowerCase()} ${b.toLowerCase()}-----`)
    expect(parsed([file('push.pem', lower)], null).info.bundleId).toBe('com.example.pushdemo')
    expect(parsed([file('push.pem', '# clé de test\n' + certificate.certPem + certificate.keyPem)], null).info.bundleId).toBe('com.example.pushdemo')
  })
})

