import { create } from 'zustand'
import type { HistoryEntry, HistoryQuery, HistoryStats, HistorySummary } from '../../../shared/history-types'
import type { AppError } from '../../../shared/result'
import { api } from '../api'
import { NO_HISTORY_FILTERS, queryFromFilters, type HistoryFilters } from '../lib/history-filters'
import { missingPages, pagesCovering, type LoadedPages } from '../lib/history-pages'
import { credentialForLabel, resendDraft, resendTarget } from '../lib/resend'
import { useCompose } from './compose'
import { useCredentials } from './credentials'
import { useLibraryTab } from './library-tab'
import { useResult } from './result'
import { useSimulators } from './simulators'
import { useTarget } from './target'

export const HISTORY_PAGE_SIZE = 100

/**
 * The history view: filters, the number of entries they match, the pages of summaries (newest
 * first) the windowed list has asked for, the charts' figures, and the one entry opened in
 * full. Main filters and counts; only the pages in view and the chart figures cross IPC, so
 * 100,000 entries stay in main.
 */
interface HistoryState {
  filters: HistoryFilters
  /** Why the filters as typed cannot be run (a status that is not a code, dates the wrong way round). */
  problem: string | null
  total: number
  pages: LoadedPages
  /** Bumped whenever the filters change: the list goes back to its top. */
  filterGeneration: number
  stats: HistoryStats | null
  loaded: boolean
  /** The filters changed and main has not answered for them yet: the count and rows shown are the old filters'. */
  updating: boolean
  error: AppError | null
  detail: HistoryEntry | null
  detailError: AppError | null
  exporting: boolean
  exportError: AppError | null
  /** What the last export or re-send did, said once. */
  done: string | null

  setFilters: (patch: Partial<HistoryFilters>) => void
  clearFilters: () => void
  /** The History tab, showing one group send's entries only. */
  showRun: (runId: string) => void
  /** Reads the count, the charts and the pages in view again (new sends, changed filters). */
  refresh: () => Promise<void>
  /** The windowed list shows rows start..end (end exclusive): read the pages it lacks. */
  showRows: (start: number, end: number) => void
  open: (id: string) => Promise<void>
  closeDetail: () => void
  /** Main asks where to save, then writes the file itself; nothing when the user cancels. */
  exportFile: (format: 'csv' | 'json') => Promise<void>
  /** Puts the opened entry's request back into compose, one token as its target, to check before sending. */
  resendInCompose: () => Promise<void>
  /** Puts it back into compose and sends it at once, through the same checks as any send. */
  sendAgain: () => Promise<void>
}

/** Each refresh's number: an answer for an older one is dropped (the filters changed meanwhile). */
let sequence = 0
/** The rows the list shows, so a refresh reads the same pages again. */
let shown = { start: 0, end: HISTORY_PAGE_SIZE }
/** Pages asked for under the current sequence and not answered yet. */
const pending = new Set<number>()
/**
 * Typed filters wait for a pause in typing before main filters again: with 100,000 entries each
 * pass takes main tens of milliseconds, and every keystroke would otherwise queue one.
 */
export const TYPING_PAUSE_MS = 120
const TYPED_FILTERS = new Set<keyof HistoryFilters>(['text', 'device', 'tag', 'template', 'status', 'reason'])
let typingTimer: ReturnType<typeof setTimeout> | null = null

function currentQuery(filters: HistoryFilters): HistoryQuery | null {
  const { query, problem } = queryFromFilters(filters)
  return problem ? null : query
}

export const useHistory = create<HistoryState>()((set, get) => ({
  filters: NO_HISTORY_FILTERS,
  problem: null,
  total: 0,
  pages: {},
  filterGeneration: 0,
  stats: null,
  loaded: false,
  updating: false,
  error: null,
  detail: null,
  detailError: null,
  exporting: false,
  exportError: null,
  done: null,

  setFilters: (patch) => {
    shown = { start: 0, end: HISTORY_PAGE_SIZE }
    set({ filters: { ...get().filters, ...patch }, done: null, filterGeneration: get().filterGeneration + 1, updating: true })
    // Answers still on their way are for the old filters.
    sequence++
    pending.clear()
    if (typingTimer !== null) clearTimeout(typingTimer)
    typingTimer = null
    const typed = (Object.keys(patch) as (keyof HistoryFilters)[]).every((key) => TYPED_FILTERS.has(key))
    if (!typed) {
      void get().refresh()
      return
    }
    typingTimer = setTimeout(() => {
      typingTimer = null
      void get().refresh()
    }, TYPING_PAUSE_MS)
  },

  clearFilters: () => get().setFilters(NO_HISTORY_FILTERS),

  showRun: (runId) => {
    get().setFilters({ ...NO_HISTORY_FILTERS, run: runId })
    useLibraryTab.getState().show('history')
  },

  refresh: async () => {
    const mine = ++sequence
    pending.clear()
    const { query, problem } = queryFromFilters(get().filters)
    if (problem) {
      set({ problem, pages: {}, total: 0, stats: null, loaded: true, error: null, updating: false })
      return
    }
    // At least one page: its answer carries the total (an empty list shows no rows to ask for).
    const wanted = pagesCovering(shown.start, Math.max(shown.end, shown.start + 1), HISTORY_PAGE_SIZE)
    const [lists, stats] = await Promise.all([
      Promise.all(wanted.map((page) => api.history.query({ ...query, offset: page * HISTORY_PAGE_SIZE, limit: HISTORY_PAGE_SIZE }))),
      api.history.stats(query)
    ])
    if (mine !== sequence) return
    const failed = lists.find((l) => !l.ok)
    if (failed && !failed.ok) {
      set({ problem: null, error: failed.error, loaded: true, updating: false })
      return
    }
    const pages: Record<number, readonly HistorySummary[]> = {}
    let total = 0
    lists.forEach((list, i) => {
      if (!list.ok) return
      pages[wanted[i]!] = list.value.items
      total = list.value.total
    })
    set({ problem: null, error: null, loaded: true, updating: false, total, pages, stats: stats.ok ? stats.value : null })
  },

  showRows: (start, end) => {
    shown = { start, end }
    const query = currentQuery(get().filters)
    // While the filters' first answer is awaited the pages held are the old filters': add none to them.
    if (!query || !get().loaded || get().updating) return
    const mine = sequence
    for (const page of missingPages(start, end, HISTORY_PAGE_SIZE, get().pages, pending)) {
      pending.add(page)
      void api.history.query({ ...query, offset: page * HISTORY_PAGE_SIZE, limit: HISTORY_PAGE_SIZE }).then((list) => {
        if (mine !== sequence) return
        pending.delete(page)
        if (!list.ok) {
          set({ error: list.error })
          return
        }
        set({ pages: { ...get().pages, [page]: list.value.items }, total: list.value.total })
      })
    }
  },

  open: async (id) => {
    const entry = await api.history.get({ id })
    set(entry.ok ? { detail: entry.value, detailError: null } : { detail: null, detailError: entry.error })
  },

  closeDetail: () => set({ detail: null, detailError: null }),

  exportFile: async (format) => {
    if (get().exporting) return
    const query = currentQuery(get().filters)
    if (!query) return
    set({ exporting: true, exportError: null, done: null })
    const result = await api.history.export({ format, query })
    if (!result.ok) {
      set({ exporting: false, exportError: result.error })
      return
    }
    const { count, path } = result.value
    set({ exporting: false, done: path === null ? null : `Exported ${count.toLocaleString('en-US')} ${count === 1 ? 'entry' : 'entries'} to ${path}.` })
  },

  resendInCompose: async () => {
    const entry = get().detail
    if (!entry) return
    const credential = await loadIntoCompose(entry)
    const who = entry.device.name ?? 'the token'
    set({ detail: null, done: credential ? `The push to ${who} is back in compose: check it, then press Send.` : `The push to ${who} is back in compose. No single saved credential is labelled "${entry.credentialLabel}", so check Sign with before you press Send.` })
  },

  sendAgain: async () => {
    const entry = get().detail
    if (!entry) return
    const credential = await loadIntoCompose(entry)
    const who = entry.device.name ?? 'the token'
    if (!credential) {
      set({ detail: null, done: `The push to ${who} is back in compose but was not sent: no single saved credential is labelled "${entry.credentialLabel}". Choose one under Sign with, then press Send.` })
      return
    }
    set({ detail: null, done: `Sending the push to ${who} again: its answer (or what stops it) shows beside compose.` })
    await useResult.getState().send()
  }
}))

/** Compose gets the entry's request, its token as the target and (when it is unambiguous) its credential. */
async function loadIntoCompose(entry: HistoryEntry): Promise<{ id: string } | null> {
  useCompose.getState().applyResend(resendDraft(entry, useCompose.getState().environment))
  const target = resendTarget(entry)
  useTarget.getState().setMode(target.kind)
  // simctl needs no credential: the simulator is the whole target.
  if (target.kind === 'simulator') {
    // Its installed apps are read before a send can check the app is there.
    await useSimulators.getState().select(target.udid)
    return { id: 'simctl' }
  }
  const credential = credentialForLabel(useCredentials.getState().list, entry.credentialLabel)
  if (credential) useCredentials.getState().select(credential.id)
  return credential
}
