import { useId } from 'react'
import { ErrorMessage } from '../../components/ErrorMessage'
import { downloadText } from '../../lib/download'
import { useLibraryShare } from '../../stores/library-share'
import { ImportPreviewDialog } from './ImportPreviewDialog'

/** Library sharing in the toolbar: export everything as one JSON file, or import one with a preview first. */
export function LibraryMenu() {
  const id = useId()
  const error = useLibraryShare((s) => s.error)
  const importing = useLibraryShare((s) => s.importing !== null)
  // Reading and checking a large library file takes a moment before its preview opens.
  const reading = useLibraryShare((s) => s.busy && s.importing === null)
  const { exportLibrary, pickFile, close } = useLibraryShare.getState()

  const onExport = async () => {
    const file = await exportLibrary()
    if (file) downloadText(file.fileName, file.text)
  }

  return (
    <div className="library-menu" role="group" aria-label="Library file">
      <button type="button" className="button-small" data-testid="library-export" onClick={() => void onExport()}>
        Export library
      </button>
      <label className="file-button button-small" htmlFor={`${id}-file`}>
        {reading ? 'Reading file…' : 'Import library…'}
        <input
          id={`${id}-file`}
          className="visually-hidden"
          type="file"
          accept=".json,application/json"
          data-testid="library-import-file"
          onChange={(e) => {
            const file = e.target.files?.[0]
            e.target.value = ''
            if (file) void pickFile(file)
          }}
        />
      </label>
      {error && !importing ? (
        <div className="library-menu-error">
          <ErrorMessage error={error} testId="library-error" />
          <button type="button" className="button-quiet button-small" onClick={close}>
            Dismiss
          </button>
        </div>
      ) : null}
      {importing ? <ImportPreviewDialog /> : null}
    </div>
  )
}
