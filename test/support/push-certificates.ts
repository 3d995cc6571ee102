import forge from 'node-forge'

/**
 * Push certificates shaped like Apple's, for tests: RSA keys, UID=<bundle id> in the subject,
 * the environment OIDs node-apn checks (1.2.840.113635.100.6.3.1 development, .2 production)
 * and the topic list extension 1.2.840.113635.100.6.3.6.
 */
export const OID_DEVELOPMENT = '1.2.840.113635.100.6.3.1'
export const OID_PRODUCTION = '1.2.840.113635.100.6.3.2'
export const OID_TOPICS = '1.2.840.113635.100.6.3.6'

export interface PushCertificateOptions {
  bundleId?: string
  teamId?: string
  environments?: ('sandbox' | 'production')[]
  /** Extra topics with their push types, e.g. [['com.x.voip', ['voip']]]; the bundle ID comes first with ['app']. */
  extraTopics?: [string, string[]][]
  notBefore?: Date
  notAfter?: Date
  /** Reuse a key (2048-bit RSA generation is slow). */
  keys?: forge.pki.rsa.KeyPair
}

export interface PushCertificate {
  certPem: string
  keyPem: string
  certDer: Buffer
  keys: forge.pki.rsa.KeyPair
  cert: forge.pki.Certificate
}

let sharedKeys: forge.pki.rsa.KeyPair | null = null
export function testRsaKeys(): forge.pki.rsa.KeyPair {
  sharedKeys ??= forge.pki.rsa.generateKeyPair(2048)
  return sharedKeys
}

function utf8(value: string): forge.asn1.Asn1 {
  return forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.UTF8, false, forge.util.encodeUtf8(value))
}

/** Apple's encoding: SEQUENCE of alternating UTF8String topic and SEQUENCE { UTF8String type, ... }. */
function topicsExtensionValue(topics: [string, string[]][]): string {
  const items = topics.flatMap(([topic, types]) => [utf8(topic), forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SEQUENCE, true, types.map(utf8))])
  return forge.asn1.toDer(forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SEQUENCE, true, items)).getBytes()
}

export function makePushCertificate(options: PushCertificateOptions = {}): PushCertificate {
  const bundleId = options.bundleId ?? 'com.example.pushdemo'
  const environments = options.environments ?? ['sandbox', 'production']
  const keys = options.keys ?? testRsaKeys()
  const cert = forge.pki.createCertificate()
  cert.publicKey = keys.publicKey
  // A DER INTEGER must be minimal and positive: a first byte of 0x01-0x7f is both, whatever follows.
  cert.serialNumber = (1 + Math.floor(Math.random() * 0x7f)).toString(16).padStart(2, '0') + forge.util.bytesToHex(forge.random.getBytesSync(8))
  cert.validity.notBefore = options.notBefore ?? new Date(Date.now() - 24 * 3600 * 1000)
  cert.validity.notAfter = options.notAfter ?? new Date(Date.now() + 365 * 24 * 3600 * 1000)
  const subject = [
    { type: '0.9.2342.19200300.100.1.1', value: bundleId },
    { name: 'commonName', value: `Apple Push Services: ${bundleId}` },
    { name: 'organizationalUnitName', value: options.teamId ?? 'TEAM123456' },
    { name: 'organizationName', value: 'Example Ltd' },
    { name: 'countryName', value: 'US' }
  ]
  cert.setSubject(subject)
  cert.setIssuer([{ name: 'commonName', value: 'Apple Worldwide Developer Relations Certification Authority (test)' }])
  const extensions: object[] = [{ name: 'basicConstraints', cA: false }]
  if (environments.includes('sandbox')) extensions.push({ id: OID_DEVELOPMENT, value: forge.asn1.toDer(forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.NULL, false, '')).getBytes() })
  if (environments.includes('production')) extensions.push({ id: OID_PRODUCTION, value: forge.asn1.toDer(forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.NULL, false, '')).getBytes() })
  extensions.push({ id: OID_TOPICS, value: topicsExtensionValue([[bundleId, ['app']], ...(options.extraTopics ?? [])]) })
  cert.setExtensions(extensions)
  cert.sign(keys.privateKey, forge.md.sha256.create())
  return {
    cert,
    keys,
    certPem: forge.pki.certificateToPem(cert),
    keyPem: forge.pki.privateKeyToPem(keys.privateKey),
    certDer: Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary')
  }
}

/** A .p12 of a push certificate, as modern Keychain and OpenSSL 3 exports write it. */
export function makeP12(certificate: PushCertificate, passphrase: string | null, algorithm: '3des' | 'aes256' = '3des'): Buffer {
  const asn1 = forge.pkcs12.toPkcs12Asn1(certificate.keys.privateKey, [certificate.cert], passphrase, { algorithm, generateLocalKeyId: true, friendlyName: 'Apple Push Services' })
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary')
}
