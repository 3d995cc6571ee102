import { useId, type FormEvent } from 'react'
import { ConfirmButton } from '../../components/ConfirmButton'
import { Dialog } from '../../components/Dialog'
import { ErrorMessage } from '../../components/ErrorMessage'
import { TagInput } from '../../components/TagInput'
import { useDeviceEditor } from '../../stores/device-editor'
import { DeviceAccountField } from './DeviceAccountField'
import { DeviceFieldsBasic } from './DeviceFieldsBasic'
import { EditorTokenField } from './EditorTokenField'

const TITLES = { add: 'Add device', edit: 'Edit device', duplicate: 'Duplicate device', closed: '' }

/**
 * Add, edit or duplicate a device. Duplicating asks only for the new token (and a name): the
 * copy keeps the app, environment, kind, tags, account and notes.
 */
export function DeviceEditor() {
  const id = useId()
  const mode = useDeviceEditor((s) => s.mode)
  const name = useDeviceEditor((s) => s.fields.name)
  const tags = useDeviceEditor((s) => s.fields.tags)
  const notes = useDeviceEditor((s) => s.fields.notes)
  const tagDraft = useDeviceEditor((s) => s.tagDraft)
  const tagProblem = useDeviceEditor((s) => s.tagProblem)
  const saving = useDeviceEditor((s) => s.saving)
  const error = useDeviceEditor((s) => s.error)
  const { close, setField, setTagDraft, commitTagDraft, removeTag, save, remove, duplicateSaved } = useDeviceEditor.getState()

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    void save()
  }

  return (
    <Dialog title={TITLES[mode]} onClose={close} testId="device-editor">
      <form className="editor-form" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input id={`${id}-name`} data-testid="editor-name" value={name} onChange={(e) => setField('name', e.target.value)} placeholder="QA iPhone 15" autoComplete="off" />
        </div>
        <EditorTokenField />
        {mode !== 'duplicate' ? (
          <>
            <DeviceFieldsBasic />
            <TagInput label="Tags" tags={tags} draft={tagDraft} problem={tagProblem} onDraftChange={setTagDraft} onCommit={commitTagDraft} onRemove={removeTag} testId="editor-tags" />
            <DeviceAccountField />
            <div className="field">
              <label htmlFor={`${id}-notes`}>Notes</label>
              <textarea id={`${id}-notes`} data-testid="editor-notes" rows={2} value={notes} onChange={(e) => setField('notes', e.target.value)} />
            </div>
          </>
        ) : (
          <p className="field-note">The copy keeps the bundle ID, environment, kind, tags, account and notes.</p>
        )}
        {error ? <ErrorMessage error={error} testId="editor-error" /> : null}
        <div className="dialog-actions">
          {mode === 'edit' ? (
            <>
              <ConfirmButton label="Delete" accessibleName={`Delete ${name}`} className="button-quiet" question="Delete this device?" confirmLabel="Delete" onConfirm={() => void remove()} />
              <button type="button" className="button-quiet" data-testid="editor-duplicate" onClick={duplicateSaved}>
                Duplicate…
              </button>
            </>
          ) : null}
          <span className="spacer" />
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="button-primary" data-testid="editor-save" aria-disabled={saving ? true : undefined}>
            {saving ? 'Saving…' : mode === 'duplicate' ? 'Save copy' : 'Save'}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
