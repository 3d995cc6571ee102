import { ErrorMessage } from '../../components/ErrorMessage'
import { useHistory } from '../../stores/history'

/**
 * The entries the filter matches, saved as a CSV for spreadsheets or JSON with every field. Main
 * asks where to save and writes the file, so a large history never crosses to the window.
 */
export function HistoryExport() {
  const exporting = useHistory((s) => s.exporting)
  const exportError = useHistory((s) => s.exportError)
  const exportFile = useHistory((s) => s.exportFile)
  const total = useHistory((s) => s.total)

  return (
    <>
      <span className="inline-controls" role="group" aria-label="Export the filtered history">
        <button type="button" className="button-small" data-testid="history-export-csv" aria-disabled={exporting || total === 0 ? true : undefined} onClick={() => total > 0 && void exportFile('csv')}>
          Export CSV
        </button>
        <button type="button" className="button-small" data-testid="history-export-json" aria-disabled={exporting || total === 0 ? true : undefined} onClick={() => total > 0 && void exportFile('json')}>
          Export JSON
        </button>
      </span>
      {exportError ? <ErrorMessage error={exportError} /> : null}
    </>
  )
}
