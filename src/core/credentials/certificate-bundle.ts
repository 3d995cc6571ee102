import { createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from 'node:crypto'
import { createSecureContext } from 'node:tls'
import forge from 'node-forge'
import { fail, ok, type Result } from '../../shared/result'
import { inspectPushCertificate, type PushCertificateInfo } from '../certificates/push-certificate-info'
import { decodeText, isDerCertificate, isPkcs12, looksLikeText, pemBlocks } from './der-sniffing'

/**
 * Reads a push certificate and its private key from what Keychain and OpenSSL export: a .p12
 * (with a passphrase, an empty one, or none; legacy RC2 included, C-19, C-20), a .pem holding
 * both, or a certificate plus a key file. Everything is converted to PEM here, so node-apn never
 * parses a .p12 itself (its errors would only surface at send time).
 */
export interface CertificateFile {
  fileName: string
  base64: string
}

export interface ParsedCertificate {
  certPem: string
  /** Unencrypted PKCS#8; the caller seals it. */
  keyPem: string
  info: PushCertificateInfo & { bundleId: string }
  notes: string[]
}

interface Collected {
  certificates: Buffer[]
  keys: KeyObject[]
  notes: string[]
}

const EXPORT_HINT = 'In Keychain Access, select the "Apple Push Services: <bundle ID>" certificate together with its private key and export both as one .p12.'

export function parseCertificateFiles(files: CertificateFile[], passphrase: string | null, now: Date): Result<ParsedCertificate> {
  const collected: Collected = { certificates: [], keys: [], notes: [] }
  for (const file of files) {
    const bytes = Buffer.from(file.base64, 'base64')
    if (bytes.length === 0) return fail('certificate.empty-file', `${file.fileName || 'The file'} is empty.`, EXPORT_HINT)
    const read = looksLikeText(bytes) ? readPemFile(decodeText(bytes), file.fileName, passphrase, collected) : readDerFile(bytes, file.fileName, passphrase, collected)
    if (!read.ok) return read
  }
  return assemble(collected, now)
}

function readPemFile(text: string, fileName: string, passphrase: string | null, into: Collected): Result<null> {
  const blocks = pemBlocks(text)
  if (blocks.length === 0) return fail('certificate.unknown-file', `${fileName || 'This text'} holds no certificate or key.`, EXPORT_HINT)
  for (const block of blocks) {
    if (block.label === 'CERTIFICATE') {
      if (!isDerCertificate(block.der)) return fail('certificate.damaged', `The certificate in ${fileName || 'the text'} is damaged or cut off.`, EXPORT_HINT)
      into.certificates.push(block.der)
      continue
    }
    if (!/PRIVATE KEY$/.test(block.label)) continue
    const encrypted = block.label.startsWith('ENCRYPTED') || block.pem.includes('Proc-Type: 4,ENCRYPTED')
    if (encrypted && !passphrase) return fail('certificate.key-needs-passphrase', `The private key in ${fileName || 'the file'} is encrypted.`, 'Enter its passphrase.')
    try {
      into.keys.push(createPrivateKey(encrypted ? { key: block.pem, passphrase: passphrase! } : block.pem))
    } catch {
      return encrypted
        ? fail('certificate.wrong-passphrase', `The passphrase does not open the private key in ${fileName || 'the file'}.`, 'Check the passphrase (it is case-sensitive).')
        : fail('certificate.key-unreadable', `The private key in ${fileName || 'the file'} is damaged or cut off.`, EXPORT_HINT)
    }
  }
  return ok(null)
}

function readDerFile(bytes: Buffer, fileName: string, passphrase: string | null, into: Collected): Result<null> {
  if (isPkcs12(bytes)) return readPkcs12(bytes, fileName, passphrase, into)
  if (isDerCertificate(bytes)) {
    into.certificates.push(bytes)
    return ok(null)
  }
  try {
    into.keys.push(createPrivateKey({ key: bytes, format: 'der', type: 'pkcs8' }))
    return ok(null)
  } catch {
    if (looksTruncated(bytes)) return fail('certificate.truncated', `${fileName || 'This file'} is cut off: it ends before its own declared length.`, 'Copy or export the file again.')
    return fail('certificate.unknown-file', `${fileName || 'This file'} is neither a certificate, a private key nor a .p12.`, EXPORT_HINT)
  }
}

/** node-apn's own reading tries no passphrase and then '' (C-19); do the same, then say which is wrong. */
/**
 * Keychain and OpenSSL export with 2,048 rounds. A file asking for millions would freeze the app
 * for half a minute while node-forge derives keys, so such a file is refused up front.
 */
export const MAX_PKCS12_ITERATIONS = 100_000

function readPkcs12(bytes: Buffer, fileName: string, passphrase: string | null, into: Collected): Result<null> {
  const asn1 = forge.asn1.fromDer(forge.util.createBuffer(bytes.toString('binary')))
  const iterations = macIterations(asn1)
  if (iterations > MAX_PKCS12_ITERATIONS) {
    return fail('certificate.too-many-iterations', `${fileName || 'This .p12'} asks for ${iterations.toLocaleString('en-US')} key-derivation rounds; Pushdeck stops at ${MAX_PKCS12_ITERATIONS.toLocaleString('en-US')} so the app stays responsive.`, 'Export it again from Keychain Access, or with openssl pkcs12 -export and its default settings.')
  }
  const attempts = passphrase === null || passphrase === '' ? [undefined, ''] : [passphrase]
  let p12: forge.pkcs12.Pkcs12Pfx | null = null
  for (const attempt of attempts) {
    try {
      p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, attempt)
      break
    } catch {
      // Try the next spelling of "no passphrase".
    }
  }
  if (!p12) {
    return passphrase
      ? fail('certificate.wrong-passphrase', `The passphrase does not open ${fileName || 'the .p12'}.`, 'Check the passphrase you chose when exporting (it is case-sensitive).')
      : fail('certificate.passphrase-needed', `${fileName || 'The .p12'} is protected by a passphrase.`, 'Enter the passphrase you chose when exporting it.')
  }
  for (const bag of bagsOf(p12, forge.pki.oids.certBag!)) {
    // forge leaves bag.cert null for certificates it cannot interpret (EC keys); then bag.asn1 holds it.
    const asn1 = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1
    if (asn1) into.certificates.push(toDer(asn1))
  }
  for (const bag of [...bagsOf(p12, forge.pki.oids.pkcs8ShroudedKeyBag!), ...bagsOf(p12, forge.pki.oids.keyBag!)]) {
    if (bag.key) into.keys.push(createPrivateKey(forge.pki.privateKeyToPem(bag.key)))
    else if (bag.asn1) into.keys.push(createPrivateKey({ key: toDer(bag.asn1), format: 'der', type: 'pkcs8' }))
  }
  if (!legacyLoads(bytes, passphrase)) into.notes.push('This .p12 uses legacy RC2 encryption that the current TLS library refuses; Pushdeck converted it on import, so it works as is.')
  return ok(null)
}

/** PFX ::= SEQUENCE { version, authSafe, macData SEQUENCE { mac, macSalt, iterations INTEGER DEFAULT 1 } } */
function macIterations(pfx: forge.asn1.Asn1): number {
  try {
    const macData = (pfx.value as forge.asn1.Asn1[])[2]
    const iterations = macData ? (macData.value as forge.asn1.Asn1[])[2] : undefined
    return iterations ? forge.asn1.derToInteger(iterations.value as string) : 1
  } catch {
    return 1
  }
}

function bagsOf(p12: forge.pkcs12.Pkcs12Pfx, type: string): forge.pkcs12.Bag[] {
  return p12.getBags({ bagType: type })[type] ?? []
}

/** A DER SEQUENCE whose length header promises more bytes than the file has. */
function looksTruncated(bytes: Buffer): boolean {
  if (bytes.length < 4 || bytes[0] !== 0x30) return false
  const first = bytes[1]!
  if (first < 0x80) return 2 + first > bytes.length
  const count = first & 0x7f
  if (count === 0 || count > 4 || bytes.length < 2 + count) return false
  const declared = bytes.subarray(2, 2 + count).reduce((n, b) => n * 256 + b, 0)
  return 2 + count + declared > bytes.length
}

function toDer(asn1: forge.asn1.Asn1): Buffer {
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary')
}

function legacyLoads(bytes: Buffer, passphrase: string | null): boolean {
  for (const attempt of passphrase ? [passphrase] : [undefined, '']) {
    try {
      createSecureContext({ pfx: bytes, ...(attempt !== undefined ? { passphrase: attempt } : {}) })
      return true
    } catch (error) {
      if (/unsupported/i.test((error as Error).message)) return false
    }
  }
  return true
}

function assemble(collected: Collected, now: Date): Result<ParsedCertificate> {
  const { certificates, keys, notes } = collected
  if (certificates.length === 0 && keys.length === 1 && keys[0]!.asymmetricKeyType === 'ec') {
    return fail('certificate.is-token-key', 'This is a token key (.p8), not a push certificate.', 'Add it as a token key with its Key ID and Team ID instead.')
  }
  if (certificates.length === 0) return fail('certificate.missing-certificate', 'No certificate was found, only a private key.', EXPORT_HINT)
  if (keys.length === 0) {
    return fail('certificate.no-private-key', 'The certificate came without its private key, so it cannot sign in to APNs.', `${EXPORT_HINT} A .cer downloaded from the developer portal never contains the key.`)
  }
  if (keys.length > 1) return fail('certificate.several-keys', `The files hold ${keys.length} private keys; Pushdeck needs exactly one, the push certificate's.`, 'Export only the push certificate and its own key.')
  const key = keys[0]!
  const keySpki = createPublicKey(key).export({ type: 'spki', format: 'der' })
  const leaf = certificates.find((der) => new X509Certificate(der).publicKey.export({ type: 'spki', format: 'der' }).equals(keySpki))
  if (!leaf) return fail('certificate.key-mismatch', 'The private key does not belong to the certificate.', EXPORT_HINT)

  const info = inspectPushCertificate(leaf)
  if (!info || !info.bundleId || info.environments.length === 0) {
    const subject = new X509Certificate(leaf).subject.split('\n').find((l) => l.startsWith('CN=')) ?? 'this certificate'
    return fail('certificate.not-push', `${subject.replace('CN=', '"')}${subject.startsWith('CN=') ? '"' : ''} is not an Apple push certificate: it names no app and no APNs environment.`, 'Use the "Apple Push Services: <bundle ID>" certificate from your Apple Developer account.')
  }
  if (info.notAfter.getTime() <= now.getTime()) {
    return fail('certificate.expired', `This push certificate expired on ${info.notAfter.toISOString().slice(0, 10)}.`, 'Create a new one in your Apple Developer account, or use a .p8 token key (they do not expire).')
  }
  if (info.notBefore.getTime() > now.getTime()) {
    return fail('certificate.not-yet-valid', `This push certificate is valid only from ${info.notBefore.toISOString().slice(0, 10)}.`, 'Check the system clock.')
  }
  return ok({
    certPem: new X509Certificate(leaf).toString(),
    keyPem: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
    info: { ...info, bundleId: info.bundleId },
    notes
  })
}
