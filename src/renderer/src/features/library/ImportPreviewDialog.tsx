import { Dialog } from '../../components/Dialog'
import { ErrorMessage } from '../../components/ErrorMessage'
import { countOf } from '../../lib/device-labels'
import { useLibraryShare } from '../../stores/library-share'
import { ConflictItem } from './ConflictItem'

/** What an import would add and where it conflicts (ours vs theirs, keep ours unless ticked); then what it did. */
export function ImportPreviewDialog() {
  const importing = useLibraryShare((s) => s.importing)
  const busy = useLibraryShare((s) => s.busy)
  const error = useLibraryShare((s) => s.error)
  const { toggleReplace, apply, close } = useLibraryShare.getState()
  if (!importing) return null
  const { preview, outcome, replace, fileName } = importing
  const added = preview.added

  return (
    <Dialog title={`Import ${fileName}`} onClose={close} testId="import-dialog" wide>
      {outcome ? (
        <div className="import-outcome" data-testid="import-outcome" role="status">
          <p>
            Added {countOf(outcome.added.devices, 'device')}, {countOf(outcome.added.accounts, 'account')} and {countOf(outcome.added.templates, 'template')}; replaced {outcome.replaced}; kept ours for {outcome.kept}.
          </p>
          {outcome.skipped.length > 0 ? (
            <ul className="import-list" aria-label="Skipped">
              {outcome.skipped.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          ) : null}
          <div className="dialog-actions">
            <span className="spacer" />
            <button type="button" className="button-primary" data-testid="import-done" onClick={close}>
              Done
            </button>
          </div>
        </div>
      ) : (
        <div className="import-preview" data-testid="import-preview">
          <p data-testid="import-added">
            Will add {countOf(added.devices, 'device')}, {countOf(added.accounts, 'account')} and {countOf(added.templates, 'template')}. {preview.unchanged > 0 ? `${countOf(preview.unchanged, 'entry', 'entries')} already the same.` : ''}
          </p>
          {preview.invalid.length > 0 ? (
            <>
              <h3 className="subsection-title">Cannot be imported</h3>
              <ul className="import-list">
                {preview.invalid.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            </>
          ) : null}
          {preview.conflicts.length > 0 ? (
            <>
              <h3 className="subsection-title">
                {countOf(preview.conflicts.length, 'conflict')}: ours is kept unless you tick “Replace with imported”
              </h3>
              <ul className="conflict-list">
                {preview.conflicts.map((c) => (
                  <ConflictItem key={c.key} conflict={c} replace={replace.has(c.key)} onToggle={(value) => toggleReplace(c.key, value)} />
                ))}
              </ul>
            </>
          ) : null}
          {error ? <ErrorMessage error={error} testId="import-error" /> : null}
          <div className="dialog-actions">
            <span className="spacer" />
            <button type="button" onClick={close}>
              Cancel
            </button>
            <button type="button" className="button-primary" data-testid="import-apply" aria-disabled={busy ? true : undefined} onClick={() => void apply()}>
              {busy ? 'Importing…' : 'Import'}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  )
}
