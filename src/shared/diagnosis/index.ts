import type { CredentialSummary } from '../domain'
import { PUSH_TYPE_INFO } from '../push-types'
import { checkCredential } from './credential-checks'
import { checkHeaders } from './header-checks'
import { checkPayload } from './payload-checks'
import { checkPushType } from './push-type-checks'
import { checkLiveActivity } from './liveactivity-checks'
import { checkSavedDevice, checkToken } from './token-checks'
import { checkTopic, finalTopic } from './topic-checks'
import type { Diagnosis, DiagnosisContext, PushDraft } from './types'

/**
 * One checker for a composed push, run live in the renderer and again in main before sending.
 * An error blocks sending; a warning is shown and kept with the result; info explains.
 */
export type { Diagnosis, DiagnosisContext, Finding, FindingAction, FindingField, PushDraft, Severity } from './types'
export { bundleIdProblem, finalTopic } from './topic-checks'
export { certificateExpiry, CERTIFICATE_WARNING_DAYS } from './credential-checks'
export { checkLiveActivity, LIVE_ACTIVITY_EVENTS, type LiveActivityEvent, type LiveActivityRoute } from './liveactivity-checks'

export function diagnose(draft: PushDraft, credential: CredentialSummary | null, context: Partial<DiagnosisContext> = {}): Diagnosis {
  const now = context.now ?? Date.now()
  const full: DiagnosisContext = { now, savedDevice: context.savedDevice ?? null, uuid: context.uuid ?? (() => globalThis.crypto.randomUUID()) }
  const findings: Diagnosis['findings'] = []
  const topic = finalTopic(draft)
  const byteLimit = PUSH_TYPE_INFO[draft.pushType].maxPayloadBytes

  checkCredential(draft, credential, now, findings)
  const token = checkToken(draft.deviceToken, findings)
  checkSavedDevice(draft, full.savedDevice, findings)
  checkTopic(draft, topic, credential, findings)
  checkHeaders(draft, now, findings)
  const payload = checkPayload(draft, byteLimit, full, findings)
  checkPushType(draft, credential, payload.aps, findings)
  if (draft.pushType === 'liveactivity' && payload.aps) checkLiveActivity(payload.aps, now, 'token', findings)
  else if (draft.pushType === 'liveactivity' && payload.body !== null) {
    findings.push({ id: 'liveactivity.aps-missing', severity: 'error', field: 'payload', message: 'A Live Activity push carries everything in "aps" (event, timestamp, content-state); this payload has no "aps" object.', fix: 'Start from a Live Activity template, or write {"aps": {"event": "update", "timestamp": {{now}}, "content-state": {...}}}.' })
  }

  return {
    findings,
    blocked: findings.some((f) => f.severity === 'error'),
    token,
    topic,
    body: payload.body,
    bytes: payload.bytes,
    byteLimit
  }
}
