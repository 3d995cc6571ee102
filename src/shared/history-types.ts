import type { Environment } from './environments'
import type { SendOutcome, SentRequest } from './domain'
import type { PushType } from './push-types'
import type { TapInfo } from './tap-rate'

/**
 * One send as the history keeps it: the full request as it went on the wire (headers, payload,
 * target, credential label, environment) and the full answer. Single sends and each target of
 * a fan-out are entries alike; a fan-out's entries share its runId.
 */
export interface HistoryEntry {
  id: string
  at: string
  runId: string | null
  credentialLabel: string
  /** "simulator" for pushes through xcrun simctl (no APNs environment involved). */
  environment: Environment | 'simulator'
  host: string
  pushType: PushType
  templateName: string | null
  device: { id: string | null; name: string | null; token: string; tags: string[] }
  request: SentRequest
  response: {
    outcome: SendOutcome | 'cancelled'
    status: number | null
    reason: string | null
    apnsId: string | null
    apnsUniqueId: string | null
    unregisteredAt: string | null
    latencyMs: number
    attempts: number
    explanation: string
  }
  /** The app reported the user opened this push (POST /v1/opened); joined from the taps log, never stored in the entry. */
  tap?: TapInfo | null
}

/** What the history list shows and filters on; the full entry is read on demand. */
export type HistorySummary = Pick<HistoryEntry, 'id' | 'at' | 'runId' | 'environment' | 'pushType' | 'templateName'> & {
  deviceName: string | null
  token: string
  tags: string[]
  outcome: HistoryEntry['response']['outcome']
  status: number | null
  reason: string | null
  apnsId: string | null
  apnsUniqueId: string | null
  latencyMs: number
  /** When the app reported this push opened, and with which action; absent or null when not (yet). */
  tappedAt?: string | null
  tapAction?: string | null
}

export interface HistoryQuery {
  text?: string
  /** One fan-out's entries (they share its runId). */
  runId?: string
  device?: string
  tag?: string
  template?: string
  status?: number
  outcome?: HistorySummary['outcome']
  reason?: string
  from?: string
  to?: string
  limit?: number
  offset?: number
}

export function summarise(entry: HistoryEntry): HistorySummary {
  return {
    id: entry.id,
    at: entry.at,
    runId: entry.runId,
    environment: entry.environment,
    pushType: entry.pushType,
    templateName: entry.templateName,
    deviceName: entry.device.name,
    token: entry.device.token,
    tags: entry.device.tags,
    outcome: entry.response.outcome,
    status: entry.response.status,
    reason: entry.response.reason,
    apnsId: entry.response.apnsId,
    apnsUniqueId: entry.response.apnsUniqueId,
    latencyMs: entry.response.latencyMs
  }
}

/** One slice of time in the success-rate chart. */
export interface HistoryTimeBucket {
  start: string
  /** Sends that got a final answer or failed (cancelled ones are not attempts). */
  attempts: number
  accepted: number
}

/** What the history charts need for a filter, computed in main so 100,000 entries never cross IPC. */
export interface HistoryStats {
  matched: number
  outcomes: Record<HistorySummary['outcome'], number>
  bucketMs: number
  timeline: HistoryTimeBucket[]
  /** Latency of answered sends: counts[i] are those below upperMs[i] (and at or above the one before); the last bin is open. */
  latency: { upperMs: number[]; counts: number[]; p50: number | null; p95: number | null; answered: number }
}
