import type { LiveActivityEvent } from '../../../shared/diagnosis'
import type { SendRequest } from '../../../shared/domain'
import type { Environment } from '../../../shared/environments'
import type { Priority } from '../../../shared/push-types'

/**
 * The start → update → end sequence of one Live Activity as payloads: what each step sends,
 * built from the fields of the Live Activity screen. Pure, so it is tested without a browser.
 *
 * The timestamp is written as an unquoted {{now}}: main fills it in at send time, in seconds,
 * as a JSON number (quoted it would be a string, which iOS ignores).
 */

export const STEPS: readonly LiveActivityEvent[] = ['start', 'update', 'end']

export interface StepFields {
  /** The content-state JSON as typed. */
  contentState: string
  /** Start only: alert shown when the activity starts (required for push-to-start). */
  alertTitle: string
  alertBody: string
  /** End only: minutes after the end until iOS removes the activity; '' for iOS's default (up to 4 hours). */
  dismissAfterMinutes: string
}

export interface SequenceFields {
  attributesType: string
  /** The attributes JSON as typed (start only). */
  attributes: string
  /** iOS 18: ask the device for an update token when the activity starts remotely. */
  requestUpdateToken: boolean
}

export type BuiltPayload = { ok: true; text: string } | { ok: false; problem: string }

const NOW = '"__PUSHDECK_NOW__"'

/**
 * nowMs only sets the dismissal date (now + the minutes typed): {{now}} cannot do arithmetic, so
 * the screen computes it when the step is checked and again when it is sent.
 */
export function buildStepPayload(step: LiveActivityEvent, fields: StepFields, sequence: SequenceFields, nowMs: number): BuiltPayload {
  const state = parseObject(fields.contentState, 'content-state')
  if (!state.ok) return state
  const aps: Record<string, unknown> = { timestamp: '__PUSHDECK_NOW__', event: step, 'content-state': state.value }
  if (step === 'start') {
    const attributes = parseObject(sequence.attributes, 'attributes')
    if (!attributes.ok) return attributes
    aps['attributes-type'] = sequence.attributesType.trim()
    aps.attributes = attributes.value
    if (sequence.requestUpdateToken) aps['input-push-token'] = 1
    aps.alert = { title: fields.alertTitle, body: fields.alertBody }
  }
  if (step === 'end') {
    const minutes = fields.dismissAfterMinutes.trim()
    if (minutes !== '') {
      if (!/^\d{1,4}$/.test(minutes)) return { ok: false, problem: `"${minutes}" is not a number of minutes for the dismissal. Enter whole minutes (0 removes it at once), or leave it empty.` }
      aps['dismissal-date'] = Math.floor(nowMs / 1000) + Number(minutes) * 60
    }
  }
  return { ok: true, text: JSON.stringify({ aps }, null, 2).replace(NOW, '{{now}}') }
}

export interface StepTarget {
  credentialId: string
  bundleId: string
  environment: Environment
  priority: Priority
  token: string
}

/** The push:send request for one step: a Live Activity push to the step's token. */
export function stepRequest(payloadText: string, target: StepTarget, step: LiveActivityEvent): SendRequest {
  return {
    credentialId: target.credentialId,
    environment: target.environment,
    deviceToken: target.token,
    bundleId: target.bundleId,
    pushType: 'liveactivity',
    priority: target.priority,
    payloadText,
    topicOverride: null,
    expiration: { mode: 'none' },
    collapseId: '',
    apnsId: '',
    variables: {},
    templateName: `Live Activity ${step}`
  }
}

/** The timestamp a sent body carried, for the step's result ("sent with timestamp 1796…"). */
export function sentTimestamp(body: string): number | null {
  try {
    const value = (JSON.parse(body) as { aps?: { timestamp?: unknown } }).aps?.timestamp
    return typeof value === 'number' ? value : null
  } catch {
    return null
  }
}

function parseObject(text: string, name: string): { ok: true; value: Record<string, unknown> } | { ok: false; problem: string } {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return { ok: false, problem: `The ${name} is not valid JSON (${(error as Error).message}). Write it as an object, e.g. {"status": "ordered"}.` }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, problem: `The ${name} must be a JSON object, e.g. {"status": "ordered"}.` }
  }
  return { ok: true, value: value as Record<string, unknown> }
}
