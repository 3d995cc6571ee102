import { create } from 'zustand'
import type { HistoryEntry, HistoryQuery, HistoryStats, HistorySummary } from '../../../shared/history-types'
import type { AppError } from '../../../shared/result'
import { api } from '../api'
import { NO_HISTORY_FILTERS, queryFromFilters, type HistoryFilters } from '../lib/history-filters'
import { resendDraft } from '../lib/resend'
import { useCompose } from './compose'
import { useTarget } from './target'

export const HISTORY_PAGE_SIZE = 100

/**
 * The history view: filters, one page of summaries (newest first) with the total they match,
 * the charts' figures for the same filter, and the one entry opened in full. Main filters and
 * counts; only a page and the chart figures cross IPC, so 100,000 entries stay in main.
 */
interface HistoryState {
  filters: HistoryFilters
  /** Why the filters as typed cannot be run (a status that is not a code, dates the wrong way round). */
  problem: string | null
  page: number
  total: number
  items: HistorySummary[]
  stats: HistoryStats | null
  loaded: boolean
  error: AppError | null
  detail: HistoryEntry | null
  detailError: AppError | null
  exporting: boolean
  exportError: AppError | null
  /** What the last export or re-send did, said once. */
  done: string | null

  setFilters: (patch: Partial<HistoryFilters>) => void
  clearFilters: () => void
  setPage: (page: number) => void
  refresh: () => Promise<void>
  open: (id: string) => Promise<void>
  closeDetail: () => void
  /** The file for the current filter; the caller saves it (stores do not touch the DOM). */
  exportFile: (format: 'csv' | 'json') => Promise<{ fileName: string; text: string } | null>
  /** Puts the opened entry's request back into compose, one token as its target. */
  resendInCompose: () => void
}

let sequence = 0

export const useHistory = create<HistoryState>()((set, get) => ({
  filters: NO_HISTORY_FILTERS,
  problem: null,
  page: 0,
  total: 0,
  items: [],
  stats: null,
  loaded: false,
  error: null,
  detail: null,
  detailError: null,
  exporting: false,
  exportError: null,
  done: null,

  setFilters: (patch) => {
    set({ filters: { ...get().filters, ...patch }, page: 0, done: null })
    void get().refresh()
  },

  clearFilters: () => {
    set({ filters: NO_HISTORY_FILTERS, page: 0, done: null })
    void get().refresh()
  },

  setPage: (page) => {
    set({ page: Math.max(0, page) })
    void get().refresh()
  },

  refresh: async () => {
    const mine = ++sequence
    const { query, problem } = queryFromFilters(get().filters)
    if (problem) {
      set({ problem, items: [], total: 0, stats: null, loaded: true, error: null })
      return
    }
    const paged: HistoryQuery = { ...query, offset: get().page * HISTORY_PAGE_SIZE, limit: HISTORY_PAGE_SIZE }
    const [list, stats] = await Promise.all([api.history.query(paged), api.history.stats(query)])
    if (mine !== sequence) return // the filters changed while main answered
    if (!list.ok) {
      set({ problem: null, error: list.error, loaded: true })
      return
    }
    set({ problem: null, error: null, loaded: true, total: list.value.total, items: list.value.items, stats: stats.ok ? stats.value : null })
    // A page past the end (entries rotated out, or a narrower filter): go back to the last one.
    if (list.value.items.length === 0 && list.value.total > 0 && get().page > 0) get().setPage(Math.floor((list.value.total - 1) / HISTORY_PAGE_SIZE))
  },

  open: async (id) => {
    const entry = await api.history.get({ id })
    set(entry.ok ? { detail: entry.value, detailError: null } : { detail: null, detailError: entry.error })
  },

  closeDetail: () => set({ detail: null, detailError: null }),

  exportFile: async (format) => {
    if (get().exporting) return null
    const { query, problem } = queryFromFilters(get().filters)
    if (problem) return null
    set({ exporting: true, exportError: null, done: null })
    const result = await api.history.export({ format, query })
    if (!result.ok) {
      set({ exporting: false, exportError: result.error })
      return null
    }
    set({ exporting: false, done: `Exported ${result.value.count.toLocaleString('en-US')} ${result.value.count === 1 ? 'entry' : 'entries'} as ${result.value.fileName}.` })
    return result.value
  },

  resendInCompose: () => {
    const entry = get().detail
    if (!entry) return
    useCompose.getState().applyResend(resendDraft(entry))
    useTarget.getState().setMode('token')
    set({ detail: null, done: `The push to ${entry.device.name ?? 'the token'} is back in compose: check it, then press Send.` })
  }
}))
