import type { HistoryEntry } from '../../../shared/history-types'
import { PRIORITIES, PUSH_TYPE_INFO, type Priority } from '../../../shared/push-types'
import type { Expiration } from '../../../shared/expiration'
import type { Environment } from '../../../shared/environments'

/** Compose's fields for sending a history entry again, as it went on the wire. */
export interface ResendDraft {
  deviceToken: string
  bundleId: string
  environment: Environment
  pushType: HistoryEntry['pushType']
  priority: Priority
  payloadText: string
  expiration: Expiration
  collapseId: string
}

/** Where a re-send goes: the token it went to, or (a simctl push) the simulator by its UDID. */
export type ResendTarget = { kind: 'token' } | { kind: 'simulator'; udid: string }

export function resendTarget(entry: HistoryEntry): ResendTarget {
  return entry.environment === 'simulator' ? { kind: 'simulator', udid: entry.device.token } : { kind: 'token' }
}

/**
 * The request a history entry records, turned back into compose's fields. The payload is the
 * body that was sent (variables already filled in). The bundle ID is the topic without its
 * push-type suffix. An expiration is kept as the same lifetime from now: its absolute time has
 * most likely passed. A new apns-id is made on the next send (the old one names the old push).
 */
export function resendDraft(entry: HistoryEntry, composeEnvironment: Environment): ResendDraft {
  const headers = lowerCaseKeys(entry.request.headers)
  // A simctl push has no headers: its bundle ID is the last word of "push <UDID> <bundle ID>".
  const topic = entry.environment === 'simulator' ? (entry.request.path.split(' ').at(-1) ?? '') : (headers['apns-topic'] ?? '')
  const suffix = PUSH_TYPE_INFO[entry.pushType].topicSuffix
  const bundleId = suffix && topic.endsWith(suffix) && topic.length > suffix.length ? topic.slice(0, -suffix.length) : topic
  const priorityValue = Number(headers['apns-priority'])
  const priority = (PRIORITIES as readonly number[]).includes(priorityValue) ? (priorityValue as Priority) : 10
  return {
    deviceToken: entry.device.token,
    bundleId,
    // A simulator has no APNs environment: compose keeps the one it has.
    environment: entry.environment === 'simulator' ? composeEnvironment : entry.environment,
    pushType: entry.pushType,
    priority,
    payloadText: entry.request.body,
    expiration: expirationFrom(headers['apns-expiration'], entry.at),
    collapseId: headers['apns-collapse-id'] ?? ''
  }
}

function expirationFrom(header: string | undefined, sentAt: string): Expiration {
  if (header === undefined || header.trim() === '') return { mode: 'none' }
  const seconds = Number(header)
  if (!Number.isFinite(seconds)) return { mode: 'none' }
  if (seconds === 0) return { mode: 'immediate' }
  const lifetime = Math.round(seconds - Date.parse(sentAt) / 1000)
  return lifetime > 0 ? { mode: 'relative', seconds: lifetime } : { mode: 'immediate' }
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))
}

/**
 * The saved credential that sent an entry, found by its label (the history keeps the label, never
 * key material). Null when none or more than one credential carries that label: compose then
 * keeps the credential it has, and the user is told to check it.
 */
export function credentialForLabel<C extends { id: string; label: string }>(credentials: readonly C[], label: string): C | null {
  const matching = credentials.filter((c) => c.label === label)
  return matching.length === 1 ? matching[0]! : null
}
