import { X509Certificate } from 'node:crypto'
import forge from 'node-forge'

/** Content sniffing shared by the key and certificate importers (C-16: say what a file really is). */

export function looksLikeText(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 512)
  return sample.every((b) => b === 0x09 || b === 0x0a || b === 0x0d || (b >= 0x20 && b < 0x7f) || b === 0xef || b === 0xbb || b === 0xbf)
}

export function isDerCertificate(der: Buffer): boolean {
  try {
    new X509Certificate(der)
    return true
  } catch {
    return false
  }
}

/** PKCS#12: SEQUENCE { INTEGER 3, ContentInfo { OID pkcs7-data | pkcs7-signedData, ... } }. */
export function isPkcs12(der: Buffer): boolean {
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(der.toString('binary')))
    const [version, contentInfo] = asn1.value as forge.asn1.Asn1[]
    if (!version || !contentInfo || forge.asn1.derToInteger(version.value as string) !== 3) return false
    const oid = forge.asn1.derToOid((contentInfo.value as forge.asn1.Asn1[])[0]!.value as string)
    return oid === '1.2.840.113549.1.7.1' || oid === '1.2.840.113549.1.7.2'
  } catch {
    return false
  }
}

export interface PemBlock {
  label: string
  /** The whole block, header to footer, re-wrapped. */
  pem: string
  der: Buffer
}

/** Every PEM block in a text, tolerant of CRLF, literal "\n" and one-line pastes. */
export function pemBlocks(raw: string): PemBlock[] {
  const text = raw.replace(/^\uFEFF/, '').replace(/\\r\\n|\\n|\\r/g, '\n').replace(/\r\n?/g, '\n')
  const blocks: PemBlock[] = []
  for (const match of text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g)) {
    const label = match[1]!
    const lines = match[2]!.split('\n').map((l) => l.trim()).filter(Boolean)
    // Encrypted traditional keys carry "Proc-Type:" / "DEK-Info:" headers before the body.
    const headers = lines.filter((l) => l.includes(':'))
    const body = lines.filter((l) => !l.includes(':')).join('').replace(/\s+/g, '')
    const wrapped = body.match(/.{1,64}/g)?.join('\n') ?? ''
    const pem = `-----BEGIN ${label}-----\n${headers.length ? headers.join('\n') + '\n\n' : ''}${wrapped}\n-----END ${label}-----\n`
    blocks.push({ label, pem, der: Buffer.from(body, 'base64') })
  }
  return blocks
}
