import type { HistoryEntry, HistoryQuery, HistoryStats, HistorySummary } from '../../shared/history-types'
import { fail, ok, type Result } from '../../shared/result'
import type { ChooseSavePath } from '../ports'
import type { HistoryExportFormat } from './history-export'
import { writeHistoryExport } from './history-export-writer'
import { queryHistory } from './history-query'
import { historyStats } from './history-stats'
import type { HistoryStore } from './history-store'
import type { TapStore } from './tap-store'

export interface HistoryExportResult {
  fileName: string
  /** Where it was saved; null when the user closed the save dialog. */
  path: string | null
  count: number
}

/** What the History tab asks of main: pages, one entry, charts and exports, with taps joined in. */
export class HistoryViewService {
  constructor(
    private readonly history: HistoryStore,
    private readonly taps: TapStore,
    private readonly chooseSavePath: ChooseSavePath,
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

  /**
   * Every entry the filter matches, newest first, written by main straight to the file the user
   * picks (CSV for spreadsheets, JSON with every field): a history of 100,000 entries is never
   * one string in memory or one message to the window.
   */
  async export(format: HistoryExportFormat, query: HistoryQuery): Promise<Result<HistoryExportResult>> {
    const { items } = queryHistory(this.history.summaries(), { ...query, offset: 0, limit: Number.MAX_SAFE_INTEGER })
    const ids = items.map((summary) => summary.id)
    const fileName = `pushdeck-history-${this.today().toISOString().slice(0, 10)}.${format}`
    const path = await this.chooseSavePath(fileName)
    if (path === null) return ok({ fileName, path: null, count: 0 })
    try {
      const count = await writeHistoryExport(path, format, ids, (part) => this.history.getMany(part).map((e) => this.taps.withTapEntry(e)))
      return ok({ fileName, path, count })
    } catch (error) {
      return fail('history.export-failed', `The history could not be saved to ${path}: ${(error as Error).message}.`, 'Choose another folder, or free some disk space, and export again.')
    }
  }
}
