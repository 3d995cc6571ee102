import type { SavedDevice, SendRequest } from '../domain'

export type Severity = 'error' | 'warning' | 'info'
/** 'storage': after a send, something about it could not be saved (never blocks: the push went out). */
export type FindingField = 'credential' | 'token' | 'topic' | 'pushType' | 'priority' | 'payload' | 'environment' | 'headers' | 'storage'

export interface FindingAction {
  kind: 'replace-smart-quotes' | 'use-token' | 'set-priority' | 'set-environment' | 'set-topic'
  label: string
  value?: string
}

export interface Finding {
  id: string
  severity: Severity
  field: FindingField
  message: string
  fix: string
  action?: FindingAction
}

/** A push as composed: the same shape main receives. */
export type PushDraft = SendRequest

export interface DiagnosisContext {
  /** Epoch ms: certificate expiry and expiration dates are judged against it. */
  now: number
  /** The saved device with this token, if any: its environment is what the app registered with. */
  savedDevice: SavedDevice | null
  /** For {{uuid}}: main makes real ones; the live check only needs the length. */
  uuid: () => string
}

export interface Diagnosis {
  findings: Finding[]
  blocked: boolean
  token: string | null
  topic: string
  body: string | null
  bytes: number | null
  byteLimit: number
}
