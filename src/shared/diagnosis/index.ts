import type { CredentialSummary } from '../domain'
import { PUSH_TYPE_INFO } from '../push-types'
import { checkCredential } from './credential-checks'
import { checkHeaders } from './header-checks'
import { checkPayload } from './payload-checks'
import { checkPushType } from './push-type-checks'
import { checkLiveActivity } from './liveactivity-checks'
import { checkSavedDevice, checkToken } from './token-checks'
import { checkTopic, finalTopic } from './topic-checks'
import type { Diagnosis, DiagnosisContext, Finding, PushDraft } from './types'

/**
 * One checker for a composed push, run live in the renderer and again in main before sending.
 * An error blocks sending; a warning is shown and kept with the result; info explains.
 */
export type { Diagnosis, DiagnosisContext, Finding, FindingAction, FindingField, PushDraft, Severity } from './types'
export { bundleIdProblem, finalTopic } from './topic-checks'
export { certificateExpiry, CERTIFICATE_WARNING_DAYS } from './credential-checks'
export { checkLiveActivity, LIVE_ACTIVITY_EVENTS, type LiveActivityEvent, type LiveActivityRoute } from './liveactivity-checks'

export function diagnose(draft: PushDraft, credential: CredentialSummary | null, context: Partial<DiagnosisContext> = {}): Diagnosis {
  const full: DiagnosisContext = { now: context.now ?? Date.now(), savedDevice: context.savedDevice ?? null, uuid: context.uuid ?? (() => globalThis.crypto.randomUUID()) }
  return completeDiagnosis(diagnoseSharedParts(draft, credential, full), draft, full.savedDevice)
}

/**
 * What diagnose() finds that does not depend on the device token or the saved device: the same
 * for every device of one environment and bundle ID, and (for a payload that renders the same
 * every time, without {{now}} or {{uuid}}) for every send. A fan-out checks it once per group.
 */
export interface SharedDiagnosis {
  /** Findings that come before the device's own, and after them, in diagnose()'s order. */
  before: Finding[]
  after: Finding[]
  topic: string
  body: string | null
  bytes: number | null
  byteLimit: number
}

export function diagnoseSharedParts(draft: PushDraft, credential: CredentialSummary | null, context: DiagnosisContext): SharedDiagnosis {
  const before: Finding[] = []
  const after: Finding[] = []
  const topic = finalTopic(draft)
  const byteLimit = PUSH_TYPE_INFO[draft.pushType].maxPayloadBytes

  checkCredential(draft, credential, context.now, before)
  checkTopic(draft, topic, credential, after)
  checkHeaders(draft, context.now, after)
  const payload = checkPayload(draft, byteLimit, context, after)
  checkPushType(draft, credential, payload.aps, after)
  if (draft.pushType === 'liveactivity' && payload.aps) checkLiveActivity(payload.aps, context.now, 'token', after)
  else if (draft.pushType === 'liveactivity' && payload.body !== null) {
    after.push({ id: 'liveactivity.aps-missing', severity: 'error', field: 'payload', message: 'A Live Activity push carries everything in "aps" (event, timestamp, content-state); this payload has no "aps" object.', fix: 'Start from a Live Activity template, or write {"aps": {"event": "update", "timestamp": {{now}}, "content-state": {...}}}.' })
  }
  return { before, after, topic, body: payload.body, bytes: payload.bytes, byteLimit }
}

/** The shared findings with the device's own (its token, and what its saved entry says) in between. */
export function completeDiagnosis(shared: SharedDiagnosis, draft: PushDraft, savedDevice: DiagnosisContext['savedDevice']): Diagnosis {
  const own: Finding[] = []
  const token = checkToken(draft.deviceToken, own)
  checkSavedDevice(draft, savedDevice, own)
  const findings = [...shared.before, ...own, ...shared.after]
  return {
    findings,
    blocked: findings.some((f) => f.severity === 'error'),
    token,
    topic: shared.topic,
    body: shared.body,
    bytes: shared.bytes,
    byteLimit: shared.byteLimit
  }
}
