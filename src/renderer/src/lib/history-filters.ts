import type { HistoryQuery, HistorySummary } from '../../../shared/history-types'

/** The history filters as the form holds them: text as typed, dates as <input type="date"> values. */
export interface HistoryFilters {
  text: string
  /** One group send's entries, chosen from its result ("Show in history"); '' for all. */
  run: string
  device: string
  tag: string
  template: string
  outcome: '' | HistorySummary['outcome']
  status: string
  reason: string
  /** YYYY-MM-DD, local day; '' for no bound. */
  from: string
  to: string
}

export const NO_HISTORY_FILTERS: HistoryFilters = { text: '', run: '', device: '', tag: '', template: '', outcome: '', status: '', reason: '', from: '', to: '' }

/**
 * The query main runs for the filters: empty fields are left out, dates cover whole local days
 * (to includes its whole day), a status that is not a three-digit code is named as a problem.
 */
export function queryFromFilters(filters: HistoryFilters): { query: HistoryQuery; problem: string | null } {
  const query: HistoryQuery = {}
  const trimmed = (v: string) => v.trim()
  if (trimmed(filters.text)) query.text = trimmed(filters.text)
  if (filters.run) query.runId = filters.run
  if (trimmed(filters.device)) query.device = trimmed(filters.device)
  if (trimmed(filters.tag)) query.tag = trimmed(filters.tag).toLowerCase()
  if (trimmed(filters.template)) query.template = trimmed(filters.template)
  if (filters.outcome) query.outcome = filters.outcome
  if (trimmed(filters.reason)) query.reason = trimmed(filters.reason)
  let problem: string | null = null
  const status = trimmed(filters.status)
  if (status) {
    if (/^[1-5]\d\d$/.test(status)) query.status = Number(status)
    else problem = `Status "${status}" is not an HTTP status code; type three digits, such as 410.`
  }
  const from = dayStart(filters.from)
  const to = dayStart(filters.to)
  if (from) query.from = from.toISOString()
  if (to) query.to = new Date(to.getTime() + 24 * 3_600_000 - 1).toISOString()
  if (from && to && from > to) problem ??= 'The "from" date is after the "to" date; no entry can match.'
  return { query, problem }
}

function dayStart(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return null
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
  return Number.isNaN(date.getTime()) ? null : date
}

export function activeFilterCount(filters: HistoryFilters): number {
  // The search and the one-group-send choice show themselves; the Filters button counts the rest.
  return (Object.keys(filters) as (keyof HistoryFilters)[]).filter((k) => k !== 'text' && k !== 'run' && filters[k].trim() !== '').length
}
