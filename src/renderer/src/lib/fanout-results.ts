import type { FanoutOutcome, FanoutTargetResult, FanoutTotals } from '../../../shared/fanout-types'

/** A token as a table cell: its start and end, enough to tell two apart and find it again. */
export function shortToken(token: string): string {
  return token.length <= 16 ? token : `${token.slice(0, 8)}…${token.slice(-6)}`
}

export const OUTCOME_LABELS: Record<FanoutOutcome, string> = {
  accepted: 'Accepted',
  rejected: 'Rejected',
  failed: 'Failed',
  cancelled: 'Cancelled',
  skipped: 'Skipped'
}

/** "412 of 1,000 done: 400 accepted, 10 rejected, 2 failed" — only the outcomes that occurred. */
export function totalsLine(totals: FanoutTotals): string {
  const n = (value: number) => value.toLocaleString('en-US')
  const parts = (['accepted', 'rejected', 'failed', 'cancelled', 'skipped'] as const).filter((k) => totals[k] > 0).map((k) => `${n(totals[k])} ${k}`)
  return `${n(totals.done)} of ${n(totals.total)} done${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`
}

/**
 * Adds streamed results to those already shown, keeping one row per device: a result for a
 * device already listed replaces it (an event repeated after a reconnect must not add a row).
 */
export function mergeResults(shown: FanoutTargetResult[], incoming: FanoutTargetResult[]): FanoutTargetResult[] {
  if (incoming.length === 0) return shown
  const at = new Map(shown.map((r, i) => [r.deviceId, i]))
  const merged = [...shown]
  for (const result of incoming) {
    const index = at.get(result.deviceId)
    if (index === undefined) {
      at.set(result.deviceId, merged.length)
      merged.push(result)
    } else merged[index] = result
  }
  return merged
}

/** Latency as a cell: nothing when no request went out. */
export function latencyLabel(result: Pick<FanoutTargetResult, 'outcome' | 'latencyMs' | 'status'>): string {
  if (result.outcome === 'cancelled' || result.outcome === 'skipped') return '—'
  return `${Math.round(result.latencyMs).toLocaleString('en-US')} ms`
}
