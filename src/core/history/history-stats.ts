import type { HistoryQuery, HistoryStats, HistorySummary } from '../../shared/history-types'
import { historyMatcher, sentAtMs } from './history-query'

const MINUTE = 60_000
/** Bucket sizes the timeline picks from: the smallest that keeps it within MAX_BUCKETS. */
const BUCKET_SIZES = [MINUTE, 5 * MINUTE, 15 * MINUTE, 60 * MINUTE, 6 * 60 * MINUTE, 24 * 60 * MINUTE, 7 * 24 * 60 * MINUTE, 30 * 24 * 60 * MINUTE]
export const MAX_BUCKETS = 48
/** Latency bins (upper bounds, ms); the last bin holds everything slower. */
export const LATENCY_BINS_MS = [25, 50, 100, 250, 500, 1000, 2500, 5000, Number.POSITIVE_INFINITY]

/** Success rate over time and the latency distribution of the entries a query matches. */
export function historyStats(summaries: HistorySummary[], query: HistoryQuery): HistoryStats {
  const matches = historyMatcher({ ...query, offset: undefined, limit: undefined })
  const outcomes = { accepted: 0, rejected: 0, failed: 0, cancelled: 0 }
  // Plain number arrays rather than an object per entry: 100,000 entries are one pass each.
  const latencies: number[] = []
  const times: number[] = []
  const accepted: boolean[] = []
  let oldest = Number.POSITIVE_INFINITY
  let newest = Number.NEGATIVE_INFINITY
  for (const s of summaries) {
    if (!matches(s)) continue
    outcomes[s.outcome]++
    if (s.outcome === 'cancelled') continue
    const at = sentAtMs(s)
    if (Number.isNaN(at)) continue
    times.push(at)
    accepted.push(s.outcome === 'accepted')
    if (at < oldest) oldest = at
    if (at > newest) newest = at
    if (s.status !== null) latencies.push(s.latencyMs)
  }
  const matched = outcomes.accepted + outcomes.rejected + outcomes.failed + outcomes.cancelled
  const span = times.length > 0 ? newest - oldest : 0
  const bucketMs = BUCKET_SIZES.find((size) => Math.floor(span / size) + 1 <= MAX_BUCKETS) ?? BUCKET_SIZES[BUCKET_SIZES.length - 1]!
  const first = times.length > 0 ? Math.floor(oldest / bucketMs) * bucketMs : 0
  const count = times.length > 0 ? Math.floor((newest - first) / bucketMs) + 1 : 0
  const timeline = Array.from({ length: count }, (_, i) => ({ start: new Date(first + i * bucketMs).toISOString(), attempts: 0, accepted: 0 }))
  for (let i = 0; i < times.length; i++) {
    const bucket = timeline[Math.floor((times[i]! - first) / bucketMs)]!
    bucket.attempts++
    if (accepted[i]) bucket.accepted++
  }
  const counts = LATENCY_BINS_MS.map(() => 0)
  for (const ms of latencies) counts[LATENCY_BINS_MS.findIndex((upper) => ms < upper)]!++
  // A typed array sorts numerically without a comparator call per pair (100,000 latencies).
  const sorted = Float64Array.from(latencies).sort()
  const percentile = (p: number) => (sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!)
  return {
    matched,
    outcomes,
    bucketMs,
    timeline,
    latency: { upperMs: LATENCY_BINS_MS.slice(0, -1), counts, p50: percentile(50), p95: percentile(95), answered: latencies.length }
  }
}
