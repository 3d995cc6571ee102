import { useHistory } from '../../stores/history'

/** Says when the list shows one group send only (chosen from its result), with the way back to every entry. */
export function HistoryRunFilter() {
  const run = useHistory((s) => s.filters.run)
  const setFilters = useHistory((s) => s.setFilters)
  if (!run) return null
  return (
    <p className="field-note history-run-filter" data-testid="history-run-filter">
      Showing one group send's entries.{' '}
      <button type="button" className="button-quiet button-small" data-testid="history-run-filter-clear" onClick={() => setFilters({ run: '' })}>
        Show every entry
      </button>
    </p>
  )
}
