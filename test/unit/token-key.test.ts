import { generateKeyPairSync } from 'node:crypto'
import forge from 'node-forge'
import { describe, expect, it } from 'vitest'
import { parseTokenKey } from '../../src/core/credentials/token-key'
import { makeP256Key } from '../support/keys'

const { privateKeyPem, publicKeyPem } = makeP256Key()
const body = privateKeyPem.split('\n').filter((l) => l && !l.startsWith('-----')).join('')

function expectParsed(result: ReturnType<typeof parseTokenKey>): void {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  expect(result.value.privateKeyPem).toBe(privateKeyPem)
  expect(result.value.publicKeyPem).toBe(publicKeyPem)
}
function expectProblem(result: ReturnType<typeof parseTokenKey>, code: string): string {
  if (result.ok) throw new Error('expected a problem')
  expect(result.error.code).toBe(code)
  return result.error.message
}

describe('.p8 token key parsing', () => {
  it('reads the file as Apple ships it', () => {
    expectParsed(parseTokenKey({ text: privateKeyPem }))
    expectParsed(parseTokenKey({ fileName: 'AuthKey_KEY1234567.p8', base64: Buffer.from(privateKeyPem).toString('base64') }))
  })

  it('C-15: bare base64 body, literal \\n, CRLF, one line, BOM and quotes are all normalised', () => {
    expectParsed(parseTokenKey({ text: body }))
    expectParsed(parseTokenKey({ text: privateKeyPem.trim().replace(/\n/g, '\\n') }))
    expectParsed(parseTokenKey({ text: privateKeyPem.replace(/\n/g, '\r\n') }))
    expectParsed(parseTokenKey({ text: `-----BEGIN PRIVATE KEY----- ${body} -----END PRIVATE KEY-----` }))
    expectParsed(parseTokenKey({ text: '\uFEFF' + privateKeyPem }))
    expectParsed(parseTokenKey({ text: `"${privateKeyPem.trim().replace(/\n/g, '\\n')}"` }))
  })

  it('C-15: pasted text is never read as a file path', () => {
    expect(expectProblem(parseTokenKey({ text: '/etc/passwd' }), 'key.not-pem')).toContain('not a key')
    expectProblem(parseTokenKey({ text: 'AuthKey_KEY1234567.p8' }), 'key.not-pem')
  })

  it('C-15: a key cut off before its END line or damaged inside is named', () => {
    expectProblem(parseTokenKey({ text: privateKeyPem.split('-----END')[0]! }), 'key.no-footer')
    expectProblem(parseTokenKey({ text: privateKeyPem.replace(body.slice(20, 40), 'A'.repeat(5)) }), 'key.unreadable')
    expectProblem(parseTokenKey({ text: privateKeyPem.replace(body.slice(10, 12), '#!') }), 'key.bad-body')
  })

  it('C-16: a certificate, an RSA key, another curve and a .p12 are each named', () => {
    const keys = forge.pki.rsa.generateKeyPair(1024)
    const cert = forge.pki.createCertificate()
    cert.publicKey = keys.publicKey
    cert.serialNumber = '01'
    cert.validity.notBefore = new Date()
    cert.validity.notAfter = new Date(Date.now() + 86400000)
    cert.setSubject([{ name: 'commonName', value: 'Apple Push Services: com.example.pushdemo' }])
    cert.setIssuer(cert.subject.attributes)
    cert.sign(keys.privateKey, forge.md.sha256.create())
    const certPem = forge.pki.certificateToPem(cert)
    const certDer = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary')
    const p12Der = Buffer.from(forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert], 'secret', { algorithm: '3des' })).getBytes(), 'binary')

    expect(expectProblem(parseTokenKey({ text: certPem }), 'key.is-certificate')).toContain('certificate')
    expectProblem(parseTokenKey({ fileName: 'aps.cer', base64: certDer.toString('base64') }), 'key.is-certificate')
    expect(expectProblem(parseTokenKey({ fileName: 'Certificates.p12', base64: p12Der.toString('base64') }), 'key.is-p12')).toContain('.p12')
    expectProblem(parseTokenKey({ text: forge.pki.privateKeyToPem(keys.privateKey) }), 'key.is-rsa')
    const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    expect(expectProblem(parseTokenKey({ text: p384 }), 'key.wrong-curve')).toContain('secp384r1')
    const ed = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    expectProblem(parseTokenKey({ text: ed }), 'key.not-ec')
    expectProblem(parseTokenKey({ text: publicKeyPem }), 'key.is-public')
  })

  it('an empty file or empty text is named', () => {
    expectProblem(parseTokenKey({ text: '  \n' }), 'key.empty')
    expectProblem(parseTokenKey({ fileName: 'AuthKey_X.p8', base64: '' }), 'key.empty')
  })
})
