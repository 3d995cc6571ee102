/**
 * Windowing for long lists: which rows a scroll position shows, with fixed-height rows and at
 * most one expanded row (taller by a fixed amount). Only those rows go into the DOM.
 */
export interface WindowInput {
  count: number
  rowHeight: number
  scrollTop: number
  viewportHeight: number
  /** Rows rendered beyond each edge, so keyboard focus and fast scrolls find rows ready. */
  overscan: number
  /** Index of the one expanded row, or -1. */
  expandedIndex: number
  expandedExtra: number
}

export interface WindowRange {
  start: number
  /** Exclusive. */
  end: number
  totalHeight: number
}

export function rowOffset(index: number, input: Pick<WindowInput, 'rowHeight' | 'expandedIndex' | 'expandedExtra'>): number {
  return index * input.rowHeight + (input.expandedIndex >= 0 && index > input.expandedIndex ? input.expandedExtra : 0)
}

export function rowHeightAt(index: number, input: Pick<WindowInput, 'rowHeight' | 'expandedIndex' | 'expandedExtra'>): number {
  return input.rowHeight + (index === input.expandedIndex ? input.expandedExtra : 0)
}

/** The row at a vertical position (clamped to the list). */
export function rowAt(y: number, input: WindowInput): number {
  if (input.count === 0) return 0
  let low = 0
  let high = input.count - 1
  while (low < high) {
    const mid = Math.ceil((low + high) / 2)
    if (rowOffset(mid, input) <= y) low = mid
    else high = mid - 1
  }
  return low
}

export function visibleRange(input: WindowInput): WindowRange {
  const totalHeight = input.count * input.rowHeight + (input.expandedIndex >= 0 && input.expandedIndex < input.count ? input.expandedExtra : 0)
  if (input.count === 0) return { start: 0, end: 0, totalHeight }
  const first = rowAt(Math.max(0, input.scrollTop), input)
  const last = rowAt(Math.max(0, input.scrollTop + Math.max(input.viewportHeight, input.rowHeight) - 1), input)
  return { start: Math.max(0, first - input.overscan), end: Math.min(input.count, last + 1 + input.overscan), totalHeight }
}
