import { useId, useState, type DragEvent } from 'react'
import { ErrorMessage } from '../../components/ErrorMessage'
import { useTemplates } from '../../stores/templates'
import { LoadedTemplateActions } from './LoadedTemplateActions'
import { SaveTemplateDialog } from './SaveTemplateDialog'
import { TemplateList } from './TemplateList'

/**
 * Templates grouped by group, with search; a click loads one into compose. Xcode .apns files
 * come in through the file picker or by dropping them anywhere on this panel.
 */
export function TemplatesView() {
  const id = useId()
  const search = useTemplates((s) => s.search)
  const error = useTemplates((s) => s.error)
  const loadError = useTemplates((s) => s.loadError)
  const done = useTemplates((s) => s.done)
  const saveOpen = useTemplates((s) => s.saveDraft !== null)
  const { setSearch, openSave, importFiles } = useTemplates.getState()
  // Only the drop highlight lives here; it is pure presentation.
  const [dragging, setDragging] = useState(false)

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault()
    setDragging(false)
    const files = [...event.dataTransfer.files]
    if (files.length > 0) void importFiles(files)
  }

  return (
    <div
      className={`library-view templates-view${dragging ? ' templates-dragging' : ''}`}
      data-testid="templates-view"
      data-drop-zone
      onDragOver={(e) => {
        e.preventDefault()
        e.dataTransfer.dropEffect = 'copy'
        setDragging(true)
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false)
      }}
      onDrop={onDrop}
    >
      <div className="field">
        <label htmlFor={`${id}-search`}>Search templates</label>
        <input id={`${id}-search`} type="search" data-testid="template-search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Name, group or payload" autoComplete="off" spellCheck={false} />
      </div>
      <div className="button-row">
        <button type="button" className="button-small" data-testid="template-save-open" onClick={openSave}>
          Save compose as template…
        </button>
        <label className="file-button button-small" htmlFor={`${id}-file`}>
          Import .apns…
          <input
            id={`${id}-file`}
            className="visually-hidden"
            type="file"
            accept=".apns,application/json"
            multiple
            data-testid="apns-file"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])]
              e.target.value = ''
              if (files.length > 0) void importFiles(files)
            }}
          />
        </label>
      </div>
      <p className="drop-hint">{dragging ? 'Drop to import the .apns files' : 'Drop .apns files here to import them'}</p>
      {loadError ? <ErrorMessage error={loadError} /> : null}
      {error && !saveOpen ? <ErrorMessage error={error} testId="template-error" /> : null}
      {done ? (
        <p className="field-note" data-testid="template-done" aria-live="polite">
          {done}
        </p>
      ) : null}
      <LoadedTemplateActions />
      <TemplateList />
      {saveOpen ? <SaveTemplateDialog /> : null}
    </div>
  )
}
