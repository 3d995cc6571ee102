import { createHash } from 'node:crypto'
import forge from 'node-forge'
import type { CertificateTopic } from '../../shared/domain'
import type { AppleEnvironment } from '../../shared/environments'

/**
 * What an Apple push certificate says about itself (apns-reference.md §1.7): the app in its
 * subject UID, the topics and push types in extension 1.2.840.113635.100.6.3.6, and the
 * environments in the OIDs .6.3.1 (development) and .6.3.2 (production).
 */
export const OID_UID = '0.9.2342.19200300.100.1.1'
export const OID_DEVELOPMENT = '1.2.840.113635.100.6.3.1'
export const OID_PRODUCTION = '1.2.840.113635.100.6.3.2'
export const OID_TOPICS = '1.2.840.113635.100.6.3.6'

export interface PushCertificateInfo {
  subject: string
  bundleId: string | null
  teamId: string | null
  topics: CertificateTopic[]
  environments: AppleEnvironment[]
  notBefore: Date
  notAfter: Date
  /** SHA-1 of the DER, upper-case hex with colons, as Keychain Access shows it. */
  fingerprint: string
}

/** Reads a certificate in DER; null when node-forge cannot read it (e.g. an EC public key). */
export function inspectPushCertificate(der: Buffer): PushCertificateInfo | null {
  let cert: forge.pki.Certificate
  try {
    cert = forge.pki.certificateFromAsn1(forge.asn1.fromDer(forge.util.createBuffer(der.toString('binary'))))
  } catch {
    return null
  }
  const attribute = (name: string, type?: string) =>
    cert.subject.attributes.find((a) => (type ? a.type === type : a.shortName === name || a.name === name))?.value as string | undefined
  const bundleId = attribute('UID', OID_UID) ?? null
  const extensionIds = new Set(cert.extensions.map((e: { id: string }) => e.id))
  const environments: AppleEnvironment[] = []
  if (extensionIds.has(OID_DEVELOPMENT)) environments.push('sandbox')
  if (extensionIds.has(OID_PRODUCTION)) environments.push('production')
  return {
    subject: attribute('CN') ?? attribute('commonName') ?? cert.subject.attributes.map((a) => `${a.shortName ?? a.type}=${a.value}`).join(', '),
    bundleId,
    teamId: attribute('OU') ?? null,
    topics: readTopics(cert, bundleId),
    environments,
    notBefore: cert.validity.notBefore,
    notAfter: cert.validity.notAfter,
    fingerprint: createHash('sha1').update(der).digest('hex').toUpperCase().match(/../g)!.join(':')
  }
}

/** Apple encodes topics as SEQUENCE { UTF8String topic, SEQUENCE { UTF8String type, ... }, ... }. */
function readTopics(cert: forge.pki.Certificate, bundleId: string | null): CertificateTopic[] {
  const topics: CertificateTopic[] = []
  const extension = cert.extensions.find((e: { id: string }) => e.id === OID_TOPICS) as { value?: string } | undefined
  if (extension?.value) {
    try {
      const items = forge.asn1.fromDer(forge.util.createBuffer(extension.value)).value as forge.asn1.Asn1[]
      for (let i = 0; i < items.length; i++) {
        const item = items[i]!
        if (typeof item.value !== 'string') continue
        const next = items[i + 1]
        const types = Array.isArray(next?.value) ? (next.value as forge.asn1.Asn1[]).map((t) => forge.util.decodeUtf8(t.value as string)) : []
        topics.push({ topic: forge.util.decodeUtf8(item.value), pushTypes: types })
        if (Array.isArray(next?.value)) i++
      }
    } catch {
      // A topic list we cannot read leaves the bundle ID as the only known topic.
    }
  }
  if (bundleId && !topics.some((t) => t.topic === bundleId)) topics.unshift({ topic: bundleId, pushTypes: ['app'] })
  return topics
}
