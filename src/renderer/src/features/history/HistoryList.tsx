import { shortToken } from '../../lib/fanout-results'
import { formatDateTime } from '../../lib/format'
import { HISTORY_PAGE_SIZE, useHistory } from '../../stores/history'

/** One page of entries, newest first; each opens in full. Pages keep the DOM small whatever the history's size. */
export function HistoryList() {
  const items = useHistory((s) => s.items)
  const page = useHistory((s) => s.page)
  const total = useHistory((s) => s.total)
  const setPage = useHistory((s) => s.setPage)
  const open = useHistory((s) => s.open)
  const pages = Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE))
  if (items.length === 0) return null

  return (
    <>
      <ul className="history-list" aria-label="History entries, newest first" data-testid="history-list">
        {items.map((s) => (
          <li key={s.id} className={`history-row outcome-row-${s.outcome}`} data-testid="history-row" data-outcome={s.outcome}>
            <button type="button" className="history-open" data-testid="history-open" onClick={() => void open(s.id)}>
              <span className="history-line">
                <span className={`history-status outcome-${s.outcome}`}>{s.status ?? s.outcome}</span>
                <span className="history-device">{s.deviceName ?? shortToken(s.token)}</span>
                <span className="history-at dim">{formatDateTime(s.at)}</span>
              </span>
              <span className="history-line dim">
                {s.reason ?? (s.outcome === 'accepted' ? 'Accepted' : s.outcome)} · {s.environment} · {s.latencyMs} ms{s.templateName ? ` · ${s.templateName}` : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {pages > 1 ? (
        <nav className="button-row history-pages" aria-label="History pages">
          <button type="button" className="button-small" data-testid="history-newer" aria-disabled={page === 0 ? true : undefined} onClick={() => page > 0 && setPage(page - 1)}>
            Newer
          </button>
          <span className="dim" data-testid="history-page" aria-live="polite">
            Page {page + 1} of {pages.toLocaleString('en-US')}
          </span>
          <button type="button" className="button-small" data-testid="history-older" aria-disabled={page >= pages - 1 ? true : undefined} onClick={() => page < pages - 1 && setPage(page + 1)}>
            Older
          </button>
        </nav>
      ) : null}
    </>
  )
}
