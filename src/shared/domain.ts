import type { AppleEnvironment, Environment } from './environments'
import type { Expiration } from './expiration'
import type { Finding } from './diagnosis'
import type { Priority, PushType } from './push-types'
import type { TemplateVariable } from './library/template-variables'

/** What the renderer may know about a credential: metadata only, never key material. */
export interface TokenCredentialSummary {
  id: string
  kind: 'token'
  label: string
  keyId: string
  teamId: string
  createdAt: string
  /** The generated key that only the local emulator accepts. */
  demo: boolean
}

/** A topic a push certificate allows, with the push types Apple lists for it (extension 1.2.840.113635.100.6.3.6). */
export interface CertificateTopic {
  topic: string
  pushTypes: string[]
}

export interface CertificateCredentialSummary {
  id: string
  kind: 'certificate'
  label: string
  createdAt: string
  demo: boolean
  /** Common name, e.g. "Apple Push Services: com.example.app". */
  subject: string
  /** The certificate's UID: the app it pushes for, and the default topic. */
  bundleId: string
  teamId: string | null
  /** Every topic the certificate allows, the bundle ID first. */
  topics: CertificateTopic[]
  environments: AppleEnvironment[]
  notBefore: string
  notAfter: string
  /** SHA-1 fingerprint, as Keychain Access shows it. */
  fingerprint: string
  /** What the import did that the user should know (e.g. a legacy .p12 converted). */
  importNotes: string[]
}

export type CredentialSummary = TokenCredentialSummary | CertificateCredentialSummary

export const DEVICE_KINDS = ['regular', 'voip', 'liveactivity', 'simulator'] as const
/** Which token this is: PushKit (VoIP) and Live Activity push-to-start tokens differ from the regular one (C-09). */
export type DeviceKind = (typeof DEVICE_KINDS)[number]

export const DEVICE_KIND_LABELS: Record<DeviceKind, string> = {
  regular: 'Regular',
  voip: 'VoIP (PushKit)',
  liveactivity: 'Live Activity push-to-start',
  simulator: 'Simulator'
}

/** The last answer a device got: read from the delivery history (a device saved by an older Pushdeck may hold its own). */
export interface LastResult {
  at: string
  outcome: SendOutcome
  status: number | null
  reason: string | null
}

export interface SavedDevice {
  id: string
  name: string
  token: string
  bundleId: string
  environment: Environment
  kind: DeviceKind
  /** Normalised tag names, sorted. */
  tags: string[]
  accountId: string | null
  notes: string
  createdAt: string
  updatedAt: string
  /**
   * When the token was last changed, if it was after the device was saved: answers the token got
   * before then belong to its earlier life and are not this device's last answer.
   */
  tokenSetAt?: string
  /** Set from a 410 answer: APNs says the token is inactive since this time (ISO 8601). */
  unregisteredAt: string | null
  lastResult: LastResult | null
  /** The last tap the app reported for a push to this device (POST /v1/opened). */
  lastTap?: { at: string; action: string } | null
}

/** A user account of the app under test (e.g. "qa+ios@example.com"); devices belong to at most one. */
export interface Account {
  id: string
  name: string
  notes: string
  createdAt: string
}

export interface PushTemplate {
  id: string
  name: string
  /** Groups organise the template list ("Alerts", "Live Activities"). */
  group: string
  pushType: PushType
  priority: Priority
  expiration: Expiration
  collapseId: string
  payloadText: string
  variables: TemplateVariable[]
  createdAt: string
  updatedAt: string
}

/** A way of sending: which credential, for which app and environment, under a short name. */
export interface CredentialProfile {
  id: string
  label: string
  credentialId: string
  bundleId: string
  environment: Environment
  createdAt: string
}

export interface SendRequest {
  credentialId: string
  environment: Environment
  deviceToken: string
  bundleId: string
  pushType: PushType
  priority: Priority
  payloadText: string
  /** apns-topic as typed; null derives it from the bundle ID and push type. */
  topicOverride: string | null
  expiration: Expiration
  /** apns-collapse-id; empty for none. */
  collapseId: string
  /** apns-id; empty to have Pushdeck generate one, so the history always has it. */
  apnsId: string
  /** Values for the payload's {{variables}} in this send (template defaults already filled in). */
  variables?: Record<string, string>
  /** The template this push came from, for the history. */
  templateName?: string | null
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
  /** Things to check one by one, when one fix does not cover it (e.g. InvalidProviderToken). */
  checklist: string[]
  apnsId: string | null
  apnsUniqueId: string | null
  /** From a 410 answer, ISO 8601. */
  unregisteredAt: string | null
  latencyMs: number
  /** How many requests this send took: more than 1 when Pushdeck retried. */
  attempts: number
  /** Why each retry happened, or why none did (e.g. a Retry-After too long to wait for). */
  retryNotes: string[]
  environment: Environment
  credentialLabel: string
  sentAt: string
  request: SentRequest
  /** Warnings that did not block the send, kept with the result. */
  warnings: Finding[]
  /** The history entry recording this send. */
  historyId: string | null
}
