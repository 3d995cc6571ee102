import type { HistoryQuery, HistorySummary } from '../../shared/history-types'

/*
 * Summaries are kept for the app's life and never change, so what every filter pass would
 * otherwise recompute for each of 100,000 entries (the send time as a number, the lower-case
 * text the search looks in) is worked out once per summary.
 */
const sentAtCache = new WeakMap<HistorySummary, number>()
const searchTextCache = new WeakMap<HistorySummary, string>()

/** The send time in epoch milliseconds (NaN when the stored time does not parse). */
export function sentAtMs(s: HistorySummary): number {
  let at = sentAtCache.get(s)
  if (at === undefined) {
    at = Date.parse(s.at)
    sentAtCache.set(s, at)
  }
  return at
}

function searchText(s: HistorySummary): string {
  let text = searchTextCache.get(s)
  if (text === undefined) {
    text = `${s.deviceName ?? ''} ${s.token} ${s.reason ?? ''} ${s.apnsId ?? ''} ${s.templateName ?? ''} ${s.tags.join(' ')}`.toLowerCase()
    searchTextCache.set(s, text)
  }
  return text
}

/** The filter a query describes, as a predicate; shared by the list, the export and the stats. */
export function historyMatcher(query: HistoryQuery): (s: HistorySummary) => boolean {
  const text = query.text?.trim().toLowerCase()
  const device = query.device?.trim().toLowerCase()
  // APNs spells reasons in CamelCase; whoever types one need not.
  const reason = query.reason?.toLowerCase()
  const from = query.from ? Date.parse(query.from) : null
  const to = query.to ? Date.parse(query.to) : null
  return (s) => {
    if (query.runId && s.runId !== query.runId) return false
    if (device && !(s.token.includes(device) || (s.deviceName ?? '').toLowerCase().includes(device))) return false
    if (query.tag && !s.tags.includes(query.tag.toLowerCase())) return false
    if (query.template && s.templateName !== query.template) return false
    if (query.status !== undefined && s.status !== query.status) return false
    if (query.outcome && s.outcome !== query.outcome) return false
    if (reason && (s.reason ?? '').toLowerCase() !== reason) return false
    if (from !== null || to !== null) {
      const at = sentAtMs(s)
      if (from !== null && at < from) return false
      if (to !== null && at > to) return false
    }
    return !text || searchText(s).includes(text)
  }
}

/** Filters newest-first summaries; stops early once the requested page is full. */
export function queryHistory(summaries: HistorySummary[], query: HistoryQuery): { total: number; items: HistorySummary[] } {
  const matches = historyMatcher(query)
  const offset = query.offset ?? 0
  const limit = query.limit ?? 200
  const items: HistorySummary[] = []
  let total = 0
  for (const summary of summaries) {
    if (!matches(summary)) continue
    if (total >= offset && items.length < limit) items.push(summary)
    total++
  }
  return { total, items }
}
