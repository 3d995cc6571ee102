import type { HistorySummary } from '../../../shared/history-types'

/**
 * The history list is windowed over entries that stay in main: main answers one page of
 * summaries at a time, and the list asks only for the pages its visible rows fall in.
 */
export type LoadedPages = Readonly<Record<number, readonly HistorySummary[]>>

/** The pages that hold rows start..end (end exclusive), in order. */
export function pagesCovering(start: number, end: number, pageSize: number): number[] {
  if (end <= start) return []
  const first = Math.floor(Math.max(0, start) / pageSize)
  const last = Math.floor((end - 1) / pageSize)
  return Array.from({ length: last - first + 1 }, (_, i) => first + i)
}

/** The pages of a range that are neither loaded nor on their way. */
export function missingPages(start: number, end: number, pageSize: number, loaded: LoadedPages, pending: ReadonlySet<number>): number[] {
  return pagesCovering(start, end, pageSize).filter((page) => loaded[page] === undefined && !pending.has(page))
}

/** The entry at a row, or null while its page is still being read. */
export function entryAt(index: number, pageSize: number, loaded: LoadedPages): HistorySummary | null {
  return loaded[Math.floor(index / pageSize)]?.[index % pageSize] ?? null
}
