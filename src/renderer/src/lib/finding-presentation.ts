import type { Diagnosis, Finding, FindingField } from '../../../shared/diagnosis'

/** The three things every push needs. */
export type RequiredField = 'credential' | 'token' | 'topic'

/**
 * Where each finding is shown, so each is shown exactly once: under its own field in compose
 * when it has one, otherwise in the Checks list. The credential is picked in the sidebar, so its
 * findings (none selected, demo key outside the emulator, certificate expiry) go to the list.
 */
const INLINE_FIELDS: ReadonlySet<FindingField> = new Set(['token', 'topic', 'environment', 'pushType', 'priority', 'headers', 'payload'])

/** The findings that say a required field is simply empty. */
const EMPTY_FINDINGS: Record<string, RequiredField> = {
  'credential.missing': 'credential',
  'token.empty': 'token',
  'topic.missing': 'topic'
}

export const REQUIRED_FIELD_NAMES: Record<RequiredField, string> = {
  credential: 'a credential',
  token: 'a device token',
  topic: 'a topic'
}

export interface PresentedFindings {
  /** Findings to show, red or otherwise. */
  shown: Finding[]
  /** Empty required fields not yet edited: "To send, add: …". */
  pending: RequiredField[]
  /** Shown errors: each one blocks sending. */
  errorCount: number
}

/**
 * Splits "empty and untouched" off the findings. The token's "empty" finding is also raised for
 * a value of only brackets and separators: that was typed, so it is a real problem and stays.
 */
export function presentFindings(diagnosis: Diagnosis, rawToken: string, revealed: Record<RequiredField, boolean>): PresentedFindings {
  const pending: RequiredField[] = []
  const shown = diagnosis.findings.filter((finding) => {
    const field = EMPTY_FINDINGS[finding.id]
    if (!field || revealed[field]) return true
    if (field === 'token' && rawToken.trim() !== '') return true
    pending.push(field)
    return false
  })
  return { shown, pending, errorCount: shown.filter((f) => f.severity === 'error').length }
}

export function inlineFindings(findings: Finding[], ...fields: FindingField[]): Finding[] {
  return findings.filter((f) => fields.includes(f.field))
}

export function listedFindings(findings: Finding[]): Finding[] {
  return findings.filter((f) => !INLINE_FIELDS.has(f.field))
}

/** "To send, add: a credential, a device token, a topic" */
export function pendingLine(pending: RequiredField[]): string {
  return `To send, add: ${pending.map((f) => REQUIRED_FIELD_NAMES[f]).join(', ')}`
}
