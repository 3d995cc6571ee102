import type { HistorySummary } from '../../../shared/history-types'
import { shortToken } from './fanout-results'

const OUTCOME_WORDS: Record<HistorySummary['outcome'], string> = { accepted: 'Accepted', rejected: 'Rejected', failed: 'Failed', cancelled: 'Cancelled' }

/** What one history row says: the status (or the outcome when APNs never answered), the device, and one line of detail. */
export function historyRowText(s: HistorySummary): { status: string; device: string; detail: string; label: string } {
  const status = s.status !== null ? String(s.status) : OUTCOME_WORDS[s.outcome]
  const device = s.deviceName ?? shortToken(s.token)
  const parts = [s.reason ?? OUTCOME_WORDS[s.outcome], s.environment, `${Math.round(s.latencyMs)} ms`]
  if (s.templateName) parts.push(s.templateName)
  if (s.runId) parts.push('group send')
  // The app reported the push opened (POST /v1/opened).
  if (s.tappedAt) parts.push('opened in the app')
  const detail = parts.join(' · ')
  return { status, device, detail, label: `${device}: ${status}, ${detail}` }
}
