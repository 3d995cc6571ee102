import { useEffect } from 'react'
import { ErrorMessage } from '../../components/ErrorMessage'
import { countOf } from '../../lib/device-labels'
import { useHistory } from '../../stores/history'
import { HistoryCharts } from './HistoryCharts'
import { HistoryDetail } from './HistoryDetail'
import { HistoryExport } from './HistoryExport'
import { HistoryFiltersPanel } from './HistoryFiltersPanel'
import { HistoryList } from './HistoryList'
import { HistoryRunFilter } from './HistoryRunFilter'

/** Every send, newest first: search and filters, charts and export for the filter, and one entry in full. */
export function HistoryView() {
  const loaded = useHistory((s) => s.loaded)
  const updating = useHistory((s) => s.updating)
  const total = useHistory((s) => s.total)
  const error = useHistory((s) => s.error)
  const problem = useHistory((s) => s.problem)
  const text = useHistory((s) => s.filters.text)
  const setFilters = useHistory((s) => s.setFilters)
  const detailOpen = useHistory((s) => s.detail !== null)
  const detailError = useHistory((s) => s.detailError)
  const done = useHistory((s) => s.done)

  // Opening the view reads the history fresh (it may have grown while another tab was shown).
  useEffect(() => {
    void useHistory.getState().refresh()
  }, [])

  return (
    <div className="library-view history-view" data-testid="history-view" data-loaded={loaded} aria-busy={!loaded || updating}>
      <div className="view-toolbar">
        <div className="field">
          <label htmlFor="history-search">Search history</label>
          <input
            id="history-search"
            type="search"
            placeholder="Device, token, reason, apns-id, tag"
            data-testid="history-search"
            value={text}
            onChange={(e) => setFilters({ text: e.target.value })}
            spellCheck={false}
            autoComplete="off"
          />
        </div>
      </div>
      <HistoryFiltersPanel />
      <HistoryRunFilter />
      {problem ? (
        <p className="field-problem" role="alert" data-testid="history-filter-problem">
          {problem}
        </p>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      {detailError ? <ErrorMessage error={detailError} testId="history-detail-error" /> : null}
      <div className="button-row history-summary-row">
        <span className="view-count" data-testid="history-count" aria-live="polite">
          {loaded ? countOf(total, 'entry', 'entries') : 'Loading…'}
        </span>
        <HistoryExport />
      </div>
      {done ? (
        <p className="field-note" data-testid="history-done" aria-live="polite">
          {done}
        </p>
      ) : null}
      {loaded && total === 0 && !problem && !error ? <p className="empty" data-testid="history-empty">No sends match. Every push you send is kept here.</p> : null}
      <HistoryCharts />
      <HistoryList />
      {detailOpen ? <HistoryDetail /> : null}
    </div>
  )
}
