import { X509Certificate } from 'node:crypto'
import forge from 'node-forge'

/** Content sniffing shared by the key and certificate importers (C-16: say what a file really is). */

/** Text files: PEM in any encoding a text editor writes (UTF-8 with accents, UTF-16 with a BOM). */
export function looksLikeText(bytes: Buffer): boolean {
  if (isUtf16(bytes)) return true
  if (bytes.toString('latin1').includes('-----BEGIN')) return true
  const sample = bytes.subarray(0, 512)
  return sample.every((b) => b === 0x09 || b === 0x0a || b === 0x0d || (b >= 0x20 && b < 0x7f) || b === 0xef || b === 0xbb || b === 0xbf)
}

function isUtf16(bytes: Buffer): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
}

/** A text file's characters, whichever of UTF-8 or UTF-16 it was saved in. */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le')
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le')
  return bytes.toString('utf8')
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
  for (const match of text.matchAll(/-----BEGIN ([A-Za-z0-9 ]+)-----([\s\S]*?)-----END \1-----/gi)) {
    const label = match[1]!.toUpperCase()
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
