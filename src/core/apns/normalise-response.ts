import { KNOWN_REASONS } from '../../shared/apns-reasons'
import type { SendOutcome } from '../../shared/domain'

/**
 * node-apn reports results in irregular shapes (apns-reference.md §3.5): the reason sits in
 * response.reason for most errors, in error.message for ExpiredProviderToken and 500s, and
 * connection failures have no status at all. Status may arrive as a number or a string (C-23).
 */
export interface RawSent {
  device?: string
  'apns-id'?: string
  'apns-unique-id'?: string
}

export interface RawFailure {
  device?: string
  'apns-id'?: string
  status?: number | string
  response?: { reason?: string; timestamp?: number | string }
  error?: unknown
}

export interface NormalisedResponse {
  outcome: SendOutcome
  status: number | null
  reason: string | null
  apnsId: string | null
  apnsUniqueId: string | null
  unregisteredAt: string | null
  /** For failures without an APNs answer: what went wrong on the way. */
  transportError: string | null
}

export function normaliseResponse(responses: { sent: RawSent[]; failed: RawFailure[] }): NormalisedResponse {
  const sent = responses.sent[0]
  if (sent) {
    return { outcome: 'accepted', status: 200, reason: null, apnsId: sent['apns-id'] ?? null, apnsUniqueId: sent['apns-unique-id'] ?? null, unregisteredAt: null, transportError: null }
  }
  const failure = responses.failed[0]
  if (!failure) {
    return { outcome: 'failed', status: null, reason: null, apnsId: null, apnsUniqueId: null, unregisteredAt: null, transportError: 'node-apn returned no result for the request.' }
  }
  const status = toStatus(failure.status)
  const errorText = errorMessage(failure.error)
  // A hostile or broken server can send anything as a reason; keep what a person can read.
  const reason = (typeof failure.response?.reason === 'string' ? failure.response.reason.slice(0, 120) : null) ?? knownReasonIn(errorText)
  return {
    outcome: status !== null ? 'rejected' : 'failed',
    status,
    reason,
    apnsId: failure['apns-id'] ?? null,
    apnsUniqueId: null,
    unregisteredAt: toIsoTime(failure.response?.timestamp),
    transportError: status === null ? errorText : null
  }
}

function toStatus(status: number | string | undefined): number | null {
  if (status === undefined || status === null || status === '') return null
  const n = typeof status === 'number' ? status : Number.parseInt(status, 10)
  return Number.isInteger(n) && n >= 100 && n <= 599 ? n : null
}

function errorMessage(error: unknown): string | null {
  if (error === undefined || error === null) return null
  const text = typeof error === 'string' ? error : error instanceof Error ? error.message : String(error)
  return text.slice(0, 500)
}

function knownReasonIn(text: string | null): string | null {
  if (!text) return null
  return KNOWN_REASONS.find((reason) => new RegExp(`\\b${reason}\\b`).test(text)) ?? null
}

/** APNs sends the 410 timestamp in milliseconds; older libraries passed seconds or strings. */
function toIsoTime(timestamp: number | string | undefined): string | null {
  if (timestamp === undefined || timestamp === null || timestamp === '') return null
  const n = typeof timestamp === 'number' ? timestamp : Number(timestamp)
  if (!Number.isFinite(n) || n <= 0) return null
  const ms = n < 1e12 ? n * 1000 : n
  const date = new Date(ms)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}
