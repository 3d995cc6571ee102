import { useId, useMemo, type FormEvent } from 'react'
import { Dialog } from '../../components/Dialog'
import { ErrorMessage } from '../../components/ErrorMessage'
import { useTemplates } from '../../stores/templates'

/** Saves compose (push type, priority, headers, payload) as a new template, with a default per variable. */
export function SaveTemplateDialog() {
  const id = useId()
  const draft = useTemplates((s) => s.saveDraft)
  const list = useTemplates((s) => s.list)
  const busy = useTemplates((s) => s.busy)
  const error = useTemplates((s) => s.error)
  const { setSaveField, setSaveDefault, closeSave, saveNew } = useTemplates.getState()
  const groups = useMemo(() => [...new Set(list.map((t) => t.group).filter((g) => g !== ''))], [list])
  if (!draft) return null

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    void saveNew()
  }

  return (
    <Dialog title="Save as template" onClose={closeSave} testId="save-template-dialog">
      <form className="editor-form" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input id={`${id}-name`} data-testid="save-template-name" value={draft.name} onChange={(e) => setSaveField('name', e.target.value)} autoComplete="off" autoFocus />
        </div>
        <div className="field">
          <label htmlFor={`${id}-group`}>Group</label>
          <input id={`${id}-group`} data-testid="save-template-group" list={`${id}-groups`} value={draft.group} onChange={(e) => setSaveField('group', e.target.value)} placeholder="Alerts" autoComplete="off" />
          <datalist id={`${id}-groups`}>
            {groups.map((g) => (
              <option key={g} value={g} />
            ))}
          </datalist>
        </div>
        {draft.variables.length > 0 ? (
          <fieldset className="variables-group">
            <legend>Variable defaults</legend>
            {draft.variables.map((v) => (
              <div className="field" key={v.name}>
                <label htmlFor={`${id}-var-${v.name}`} className="mono">{`{{${v.name}}}`}</label>
                <input id={`${id}-var-${v.name}`} data-testid={`save-template-var-${v.name}`} value={v.defaultValue} onChange={(e) => setSaveDefault(v.name, e.target.value)} autoComplete="off" />
              </div>
            ))}
          </fieldset>
        ) : null}
        {error ? <ErrorMessage error={error} testId="save-template-error" /> : null}
        <div className="dialog-actions">
          <span className="spacer" />
          <button type="button" onClick={closeSave}>
            Cancel
          </button>
          <button type="submit" className="button-primary" data-testid="save-template-submit" aria-disabled={busy ? true : undefined}>
            Save template
          </button>
        </div>
      </form>
    </Dialog>
  )
}
