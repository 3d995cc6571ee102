import type { ServerHttp2Session } from 'node:http2'
import type { TLSSocket } from 'node:tls'
import { inspectPushCertificate, type PushCertificateInfo } from '../certificates/push-certificate-info'

/**
 * Certificate authentication (apns-reference.md §1.7, §4.4): a connection whose client presented
 * a certificate during the TLS handshake is a certificate connection, and the certificate alone
 * decides what it may push. The emulator does not chain-verify it (Apple's certificates do not
 * chain to the emulator's CA, and the server runs with rejectUnauthorized: false); it reads the
 * app (UID), the topics and the environments, as APNs would.
 */

/** The emulator stands in for the development (sandbox) environment. */
export const EMULATOR_CERTIFICATE_ENVIRONMENT = 'sandbox'

export interface ClientCertificate {
  /** What inspectPushCertificate read; null when node-forge cannot read it (e.g. an EC key). */
  info: PushCertificateInfo | null
  /** For the inbox: the certificate's common name, or the subject Node reports. */
  subject: string
  /** Every topic the certificate allows, the UID first; empty when it could not be read. */
  topics: string[]
  environments: string[]
}

export type CertificateProblem = 'BadCertificate' | 'BadCertificateEnvironment'

/** The client certificate of a TLS session, or null when the client presented none (a token connection). */
export function clientCertificateOf(session: ServerHttp2Session): ClientCertificate | null {
  const socket = session.socket as TLSSocket | undefined
  if (!socket || typeof socket.getPeerCertificate !== 'function') return null
  // Without a client certificate Node returns an empty object (or null once the socket is gone).
  const peer = socket.getPeerCertificate(false) as Partial<ReturnType<TLSSocket['getPeerCertificate']>> | null
  if (!peer || !Buffer.isBuffer(peer.raw) || peer.raw.length === 0) return null

  const info = readPushCertificate(peer.raw)
  if (!info) return { info: null, subject: nodeSubject(peer.subject), topics: [], environments: [] }
  return {
    info,
    subject: info.subject,
    topics: info.topics.map((t) => t.topic),
    environments: [...info.environments]
  }
}

/**
 * Why APNs would refuse this certificate on this environment, if it would:
 * - BadCertificate: unreadable, not a push certificate (no topic at all), expired or not yet valid;
 * - BadCertificateEnvironment: no development OID (1.2.840.113635.100.6.3.1), e.g. a
 *   production-only certificate.
 */
export function certificateProblem(certificate: ClientCertificate, nowMs: number): CertificateProblem | undefined {
  const { info } = certificate
  if (!info || certificate.topics.length === 0) return 'BadCertificate'
  if (nowMs > info.notAfter.getTime() || nowMs < info.notBefore.getTime()) return 'BadCertificate'
  if (!certificate.environments.includes(EMULATOR_CERTIFICATE_ENVIRONMENT)) return 'BadCertificateEnvironment'
  return undefined
}

function readPushCertificate(der: Buffer): PushCertificateInfo | null {
  try {
    return inspectPushCertificate(der)
  } catch {
    // A certificate the reader chokes on is still a certificate connection, just an unusable one.
    return null
  }
}

function nodeSubject(subject: unknown): string {
  if (!subject || typeof subject !== 'object') return '(unreadable certificate)'
  const fields = subject as Record<string, unknown>
  if (typeof fields.CN === 'string') return fields.CN
  const parts = Object.entries(fields)
    .filter(([, value]) => typeof value === 'string')
    .map(([name, value]) => `${name}=${String(value)}`)
  return parts.length > 0 ? parts.join(', ') : '(unreadable certificate)'
}
