import { PUSH_TYPE_INFO, topicSuffixOf } from '../../shared/push-types'
import { checkLiveActivity } from '../../shared/diagnosis/liveactivity-checks'
import type { Finding } from '../../shared/diagnosis/types'
import { header, isPushType, type IncomingRequest } from './validate-request'

/**
 * Warnings about requests APNs accepts with a 200 but may then delay or drop (apns-reference.md
 * §4.4 "Lint, not rejection"). Apple does not say these are errors [U], so the emulator answers
 * 200 and attaches the warnings to the inbox entry instead of inventing a rejection.
 *
 * Live Activity payloads get the app's own checks (liveactivity-checks.ts); a "strict" mode that
 * rejects instead belongs here later.
 *
 * `topic` is the topic the push went to: apns-topic, or on a certificate connection without it
 * the certificate's UID, so certificate pushes are linted against what APNs would use.
 */
export function lintAcceptedRequest(request: IncomingRequest, topic: string = header(request, 'apns-topic') ?? '', nowMs: number = Date.now()): string[] {
  const warnings: string[] = []
  const pushType = header(request, 'apns-push-type')
  const priority = header(request, 'apns-priority') ?? '10'

  if (pushType === undefined) {
    warnings.push('apns-push-type is missing; watchOS requires it and Apple asks for it on every push.')
  } else if (isPushType(pushType)) {
    const expected = PUSH_TYPE_INFO[pushType].topicSuffix
    const actual = topicSuffixOf(topic)
    // mdm topics are certificate UIDs, not bundle IDs, so suffix rules do not apply to them.
    if (pushType !== 'mdm' && actual !== expected) {
      warnings.push(
        expected
          ? `apns-push-type ${pushType} expects apns-topic to end with "${expected}".`
          : `apns-topic ends with "${actual}", which does not fit apns-push-type ${pushType}.`
      )
    }
    if (pushType === 'background' && priority === '10') {
      warnings.push('Background pushes must use apns-priority 5; priority 10 (also the default) is an error for Apple.')
    }
  }

  if (request.body.length === request.bytes) warnings.push(...lintPayload(request.body.toString('utf8'), pushType, nowMs))
  return warnings
}

function lintPayload(body: string, pushType: string | undefined, nowMs: number): string[] {
  let payload: unknown
  try {
    payload = JSON.parse(body)
  } catch {
    return ['The payload is not valid JSON.']
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return ['The payload is not a JSON object.']
  const aps = (payload as Record<string, unknown>).aps
  if (aps === undefined) return pushType === 'mdm' ? [] : ['The payload has no "aps" dictionary.']
  if (typeof aps !== 'object' || aps === null || Array.isArray(aps)) return ['"aps" is not a dictionary.']
  if (pushType === 'liveactivity') {
    const findings: Finding[] = []
    checkLiveActivity(aps as Record<string, unknown>, nowMs, 'token', findings)
    return findings.filter((f) => f.severity !== 'info').map((f) => f.message)
  }
  if (pushType === 'background' && ['alert', 'badge', 'sound'].some((key) => key in aps)) {
    return ['A background push should carry only content-available: alert, badge and sound make it a visible notification.']
  }
  return []
}
