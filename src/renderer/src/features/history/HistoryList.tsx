import { useEffect } from 'react'
import { useScrollViewport } from '../../components/use-scroll-viewport'
import { formatDateTime, formatShortDateTime } from '../../lib/format'
import { entryAt } from '../../lib/history-pages'
import { historyRowText } from '../../lib/history-rows'
import { rowOffset, visibleRange } from '../../lib/windowing'
import { HISTORY_PAGE_SIZE, useHistory } from '../../stores/history'

/** Fixed row metrics, so the list is windowed by arithmetic alone. Match .history-row in CSS. */
const ROW_HEIGHT = 52
const OVERSCAN = 6
const METRICS = { rowHeight: ROW_HEIGHT, expandedIndex: -1, expandedExtra: 0 }

/**
 * Every entry the filters match, newest first, windowed: only the rows in view (and a few
 * either side) are in the DOM, and only their pages are read from main, so 100,000 entries
 * open and scroll like ten. Each row opens the entry in full.
 */
export function HistoryList() {
  const total = useHistory((s) => s.total)
  const pages = useHistory((s) => s.pages)
  const generation = useHistory((s) => s.filterGeneration)
  const { scroller, scrollTop, viewport, onScroll } = useScrollViewport(generation)
  const showRows = useHistory((s) => s.showRows)
  const open = useHistory((s) => s.open)



  const range = visibleRange({ ...METRICS, count: total, scrollTop, viewportHeight: viewport, overscan: OVERSCAN })
  useEffect(() => showRows(range.start, range.end), [range.start, range.end, pages, showRows])

  return (
    <div ref={scroller} className="history-scroller" data-testid="history-scroller" hidden={total === 0} onScroll={onScroll}>
      <ul className="history-list" aria-label="History entries, newest first" data-testid="history-list" style={{ height: `${range.totalHeight}px` }}>
        {Array.from({ length: range.end - range.start }, (_, i) => {
          const index = range.start + i
          const summary = entryAt(index, HISTORY_PAGE_SIZE, pages)
          const style = { transform: `translateY(${rowOffset(index, METRICS)}px)`, height: `${ROW_HEIGHT - 4}px` }
          if (!summary) {
            return (
              <li key={`loading-${index}`} className="history-row history-row-loading dim" style={style} aria-posinset={index + 1} aria-setsize={total}>
                Loading…
              </li>
            )
          }
          const text = historyRowText(summary)
          return (
            <li key={summary.id} className="history-row" style={style} aria-posinset={index + 1} aria-setsize={total} data-testid="history-row" data-outcome={summary.outcome} data-id={summary.id}>
              <button type="button" className="history-open" data-testid="history-open" aria-label={`${text.label}, ${formatDateTime(summary.at)}`} onClick={() => void open(summary.id)}>
                <span className="history-line">
                  <span className={`history-status outcome-${summary.outcome}`}>{text.status}</span>
                  <span className="history-device">{text.device}</span>
                  <span className="history-at dim">{formatShortDateTime(summary.at)}</span>
                </span>
                <span className="history-line history-detail-line dim">{text.detail}</span>
              </button>
            </li>
          )
        })}
      </ul>
    </div>
  )
}
