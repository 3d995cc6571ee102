import type { HistoryEntry, HistoryQuery, HistoryStats, HistorySummary } from '../../shared/history-types'
import { fail, ok, type Result } from '../../shared/result'
import { historyToCsv } from './history-export'
import { queryHistory } from './history-query'
import { historyStats } from './history-stats'
import type { HistoryStore } from './history-store'
import type { TapStore } from './tap-store'

export interface HistoryExportFile {
  fileName: string
  text: string
  count: number
}

/** What the History tab asks of main: pages, one entry, charts and exports, with taps joined in. */
export class HistoryViewService {
  constructor(
    private readonly history: HistoryStore,
    private readonly taps: TapStore,
    private readonly today: () => Date = () => new Date()
  ) {}

  query(query: HistoryQuery): Result<{ total: number; items: HistorySummary[] }> {
    const page = queryHistory(this.history.summaries(), query)
    return ok({ total: page.total, items: page.items.map((summary) => this.taps.withTap(summary)) })
  }

  get(id: string): Result<HistoryEntry> {
    const entry = this.history.get(id)
    return entry ? ok(this.taps.withTapEntry(entry)) : fail('history.not-found', 'That history entry is no longer kept (it was rotated out).')
  }

  stats(query: HistoryQuery): Result<HistoryStats> {
    return ok(historyStats(this.history.summaries(), query))
  }

  /** Every entry the filter matches, newest first, as CSV for spreadsheets or as JSON. */
  export(format: 'csv' | 'json', query: HistoryQuery): Result<HistoryExportFile> {
    const { items } = queryHistory(this.history.summaries(), { ...query, offset: 0, limit: Number.MAX_SAFE_INTEGER })
    const entries = this.history.getMany(items.map((summary) => summary.id)).map((e) => this.taps.withTapEntry(e))
    const stamp = this.today().toISOString().slice(0, 10)
    return ok(format === 'csv'
      ? { fileName: `pushdeck-history-${stamp}.csv`, text: historyToCsv(entries), count: entries.length }
      : { fileName: `pushdeck-history-${stamp}.json`, text: JSON.stringify(entries, null, 2) + '\n', count: entries.length })
  }
}
