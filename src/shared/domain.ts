import type { Environment } from './environments'
import type { Finding } from './diagnosis'
import type { Priority, PushType } from './push-types'

/** What the renderer may know about a credential: metadata only, never key material. */
export interface CredentialSummary {
  id: string
  kind: 'token'
  label: string
  keyId: string
  teamId: string
  createdAt: string
  /** The generated key that only the local emulator accepts. */
  demo: boolean
}

export interface SavedDevice {
  id: string
  name: string
  token: string
  bundleId: string
  environment: Environment
  createdAt: string
  /** Set from a 410 answer: APNs says the token is inactive since this time (ISO 8601). */
  unregisteredAt: string | null
}

export interface SendRequest {
  credentialId: string
  environment: Environment
  deviceToken: string
  bundleId: string
  pushType: PushType
  priority: Priority
  payloadText: string
}

/** The request as it went on the wire; the JWT is redacted because it is a secret. */
export interface SentRequest {
  host: string
  path: string
  headers: Record<string, string>
  body: string
  bytes: number
}

export type SendOutcome = 'accepted' | 'rejected' | 'failed'

export interface SendResult {
  /** accepted: HTTP 200. rejected: APNs answered with an error status. failed: no answer (connection, timeout). */
  outcome: SendOutcome
  status: number | null
  reason: string | null
  explanation: string
  fix: string
  apnsId: string | null
  apnsUniqueId: string | null
  /** From a 410 answer, ISO 8601. */
  unregisteredAt: string | null
  latencyMs: number
  /** 2 when a dropped connection was retried once on a fresh one. */
  attempts: number
  environment: Environment
  credentialLabel: string
  sentAt: string
  request: SentRequest
  /** Warnings that did not block the send, kept with the result. */
  warnings: Finding[]
}
