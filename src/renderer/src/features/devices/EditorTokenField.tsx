import { useId } from 'react'
import { tokenNote } from '../../lib/token-note'
import { useDeviceEditor } from '../../stores/device-editor'

/** The token as pasted, with what it will be saved as (the note compose shows), or why it cannot be. */
export function EditorTokenField() {
  const id = useId()
  const token = useDeviceEditor((s) => s.fields.token)
  const setField = useDeviceEditor((s) => s.setField)
  const note = tokenNote(token)
  return (
    <div className="field">
      <label htmlFor={id}>Device token</label>
      <textarea
        id={id}
        data-testid="editor-token"
        className="mono token-input"
        rows={2}
        value={token}
        onChange={(e) => setField('token', e.target.value)}
        spellCheck={false}
        autoComplete="off"
        autoCorrect="off"
        autoCapitalize="off"
        aria-invalid={note.kind === 'problem' ? true : undefined}
        aria-describedby={`${id}-note`}
      />
      <div id={`${id}-note`} aria-live="polite">
        {note.kind === 'ok' && note.note ? (
          <p className="field-note" data-testid="editor-token-note">
            {note.note} <span className="final-value mono">{note.token}</span>
          </p>
        ) : null}
        {note.kind === 'problem' ? (
          <p className="field-problem" data-testid="editor-token-problem">
            {note.message}
            <span className="field-problem-fix">{note.fix}</span>
          </p>
        ) : null}
      </div>
    </div>
  )
}
