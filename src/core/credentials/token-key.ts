import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto'
import { fail, ok, type Result } from '../../shared/result'
import { decodeText, isDerCertificate, isPkcs12, looksLikeText } from './der-sniffing'

/**
 * Reads an APNs token key (.p8) from whatever the user gave: a file's bytes or pasted text
 * (C-15: missing header lines, CRLF, literal "\n", one long line, BOM) and names what is wrong
 * when it is not an EC P-256 private key (C-16: a .p12, a certificate, an RSA key).
 * Pasted text is never treated as a file path.
 */
export type KeySource = { text: string } | { fileName: string; base64: string }

export interface ParsedTokenKey {
  /** Canonical PKCS#8 PEM, the form Apple ships and node-apn signs with. */
  privateKeyPem: string
  publicKeyPem: string
}

const WHERE_TO_GET = 'Download a key (.p8) in your Apple Developer account under Certificates, Identifiers & Profiles > Keys, with Apple Push Notifications service enabled.'

export function parseTokenKey(source: KeySource): Result<ParsedTokenKey> {
  if ('text' in source) return parseKeyText(source.text)
  const bytes = Buffer.from(source.base64, 'base64')
  if (bytes.length === 0) return fail('key.empty', `${source.fileName || 'The file'} is empty.`, WHERE_TO_GET)
  return looksLikeText(bytes) ? parseKeyText(decodeText(bytes)) : parseKeyDer(bytes)
}

function parseKeyText(raw: string): Result<ParsedTokenKey> {
  const text = raw
    .replace(/^\uFEFF/, '')
    .replace(/\\r\\n|\\n|\\r/g, '\n')
    .replace(/\r\n?/g, '\n')
    .trim()
    .replace(/^["']|["']$/g, '')
    .trim()
  if (text === '') return fail('key.empty', 'The key text is empty.', WHERE_TO_GET)

  const labels = [...text.matchAll(/-----BEGIN ([A-Za-z0-9 ]+)-----/g)].map((m) => m[1]!.toUpperCase())
  if (labels.length === 0) return parseBareBase64(text)
  const wrong = labelProblem(labels)
  if (wrong) return wrong
  if (labels.length > 1) return fail('key.several-blocks', `The text holds ${labels.length} PEM blocks; a token key is one PRIVATE KEY block.`, 'Paste only the contents of the AuthKey_XXXXXXXXXX.p8 file.')

  const match = /-----BEGIN ([A-Za-z0-9 ]+)-----([\s\S]*?)-----END \1-----/i.exec(text)
  if (!match) return fail('key.no-footer', `The key starts with "-----BEGIN ${labels[0]}-----" but its matching END line is missing; the text was cut off.`, 'Copy the whole file, including the -----END PRIVATE KEY----- line.')
  return fromDerBody(match[1]!.toUpperCase(), match[2]!)
}

function labelProblem(labels: string[]): Result<ParsedTokenKey> | null {
  if (labels.includes('CERTIFICATE')) {
    return fail('key.is-certificate', 'This is a certificate, not a token key. Token auth needs the private key file AuthKey_XXXXXXXXXX.p8.', `${WHERE_TO_GET} Certificates are used with certificate auth instead.`)
  }
  if (labels.includes('ENCRYPTED PRIVATE KEY')) {
    return fail('key.encrypted', 'This private key is encrypted with a passphrase; Apple .p8 keys are not.', 'Use the original AuthKey_XXXXXXXXXX.p8 file as downloaded from Apple.')
  }
  if (labels.includes('RSA PRIVATE KEY')) {
    return fail('key.is-rsa', 'This is an RSA private key; APNs token keys are EC P-256 keys (ES256).', `It is probably the private key of a push certificate. ${WHERE_TO_GET}`)
  }
  if (labels.includes('PUBLIC KEY')) {
    return fail('key.is-public', 'This is a public key; signing needs the private key.', 'Use the AuthKey_XXXXXXXXXX.p8 file.')
  }
  const unknown = labels.find((l) => l !== 'PRIVATE KEY' && l !== 'EC PRIVATE KEY')
  if (unknown) return fail('key.unknown-pem', `This PEM block is a "${unknown}", not a private key.`, WHERE_TO_GET)
  return null
}

/** An EC P-256 key in PKCS#8 is about 200 base64 characters; anything much shorter is not a key. */
const MIN_KEY_BASE64_LENGTH = 100

function parseBareBase64(text: string): Result<ParsedTokenKey> {
  const body = text.replace(/\s+/g, '')
  if (/\.(p8|p12|pem|cer)$/i.test(body) || body.length < MIN_KEY_BASE64_LENGTH) {
    return fail('key.not-pem', `This text is not a key${/\.(p8|p12|pem|cer)$/i.test(body) ? '; it looks like a file name' : ''}.`, 'Paste the contents of the AuthKey_XXXXXXXXXX.p8 file, or pick the file itself.')
  }
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) {
    return fail('key.not-pem', 'This text is not a key: it has no "-----BEGIN PRIVATE KEY-----" line and is not base64.', 'Paste the whole contents of the AuthKey_XXXXXXXXXX.p8 file.')
  }
  const der = Buffer.from(body, 'base64')
  return parseKeyDer(der)
}

/** Rebuilds the PEM from its base64 body so one-line or re-wrapped pastes still parse. */
function fromDerBody(label: string, body: string): Result<ParsedTokenKey> {
  const compact = body.replace(/\s+/g, '')
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
    return fail('key.bad-body', 'The text between the BEGIN and END lines is not base64; characters were added or changed while copying.', 'Copy the key again from the .p8 file.')
  }
  const wrapped = compact.match(/.{1,64}/g)!.join('\n')
  return checkPrivateKey(() => createPrivateKey(`-----BEGIN ${label}-----\n${wrapped}\n-----END ${label}-----\n`))
}

function parseKeyDer(der: Buffer): Result<ParsedTokenKey> {
  if (isDerCertificate(der)) {
    return fail('key.is-certificate', 'This is a certificate (.cer), not a token key. Token auth needs the private key file AuthKey_XXXXXXXXXX.p8.', WHERE_TO_GET)
  }
  if (isPkcs12(der)) {
    return fail('key.is-p12', 'This is a PKCS#12 (.p12) certificate bundle, not a token key (.p8).', 'Add it as a certificate credential instead, or use a .p8 key for token auth.')
  }
  return checkPrivateKey(() => createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }))
}

function checkPrivateKey(load: () => KeyObject): Result<ParsedTokenKey> {
  let key: KeyObject
  try {
    key = load()
  } catch {
    return fail('key.unreadable', 'The key could not be read: its contents are damaged or cut off.', 'Copy the whole AuthKey_XXXXXXXXXX.p8 file again, or pick the file itself.')
  }
  if (key.asymmetricKeyType !== 'ec') {
    return fail('key.not-ec', `This is ${describeKeyType(key.asymmetricKeyType)} private key; APNs token keys are EC P-256 keys (ES256).`, WHERE_TO_GET)
  }
  const curve = key.asymmetricKeyDetails?.namedCurve
  if (curve !== 'prime256v1') {
    return fail('key.wrong-curve', `This EC key uses the ${curve ?? 'unknown'} curve; APNs needs P-256 (ES256).`, WHERE_TO_GET)
  }
  return ok({
    privateKeyPem: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString()
  })
}

function describeKeyType(type: string | undefined): string {
  const names: Record<string, string> = { rsa: 'an RSA', 'rsa-pss': 'an RSA-PSS', dsa: 'a DSA', ed25519: 'an Ed25519', ed448: 'an Ed448', x25519: 'an X25519', x448: 'an X448', dh: 'a Diffie-Hellman' }
  return (type && names[type]) ?? 'a non-EC'
}
