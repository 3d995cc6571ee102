import { ErrorMessage } from '../../components/ErrorMessage'
import { downloadText } from '../../lib/download'
import { useHistory } from '../../stores/history'

/** The entries the filter matches, as a CSV for spreadsheets or JSON with every field. */
export function HistoryExport() {
  const exporting = useHistory((s) => s.exporting)
  const exportError = useHistory((s) => s.exportError)
  const exportFile = useHistory((s) => s.exportFile)
  const total = useHistory((s) => s.total)

  const save = async (format: 'csv' | 'json') => {
    const file = await exportFile(format)
    if (file) downloadText(file.fileName, file.text, format === 'csv' ? 'text/csv' : 'application/json')
  }

  return (
    <>
      <span className="inline-controls" role="group" aria-label="Export the filtered history">
        <button type="button" className="button-small" data-testid="history-export-csv" aria-disabled={exporting || total === 0 ? true : undefined} onClick={() => total > 0 && void save('csv')}>
          Export CSV
        </button>
        <button type="button" className="button-small" data-testid="history-export-json" aria-disabled={exporting || total === 0 ? true : undefined} onClick={() => total > 0 && void save('json')}>
          Export JSON
        </button>
      </span>
      {exportError ? <ErrorMessage error={exportError} /> : null}
    </>
  )
}
