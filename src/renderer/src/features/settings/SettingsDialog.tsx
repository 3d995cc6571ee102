import { useId } from 'react'
import { Dialog } from '../../components/Dialog'
import { ErrorMessage } from '../../components/ErrorMessage'
import { ENVIRONMENT_LABELS, ENVIRONMENTS } from '../../../../shared/environments'
import { HISTORY_LIMITS_MB, THEME_LABELS, THEMES, type HistoryLimitMb } from '../../../../shared/settings'
import { useSettings } from '../../stores/settings'

const historyLimitLabel = (mb: HistoryLimitMb) => (mb >= 1000 ? `${mb / 1000} GB` : `${mb} MB`)

/** ⌘, : Pushdeck's preferences. Each change is saved and applied at once. */
export function SettingsDialog() {
  const id = useId()
  const open = useSettings((s) => s.dialogOpen)
  const values = useSettings((s) => s.values)
  const error = useSettings((s) => s.error)
  const saved = useSettings((s) => s.saved)
  const { setDialogOpen, update } = useSettings.getState()
  if (!open) return null

  return (
    <Dialog title="Settings" onClose={() => setDialogOpen(false)} testId="settings-dialog">
      <form className="editor-form" onSubmit={(e) => e.preventDefault()} noValidate>
        <fieldset className="settings-group">
          <legend>Appearance</legend>
          <div className="settings-radios" role="radiogroup" aria-label="Appearance">
            {THEMES.map((theme) => (
              <label key={theme} className="settings-radio">
                <input type="radio" name={`${id}-theme`} value={theme} checked={values.theme === theme} data-testid={`settings-theme-${theme}`} onChange={() => void update({ theme })} />
                {THEME_LABELS[theme]}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-environment`}>Default environment</label>
          <select
            id={`${id}-environment`}
            data-testid="settings-default-environment"
            value={values.defaultEnvironment}
            onChange={(e) => void update({ defaultEnvironment: ENVIRONMENTS.find((env) => env === e.target.value) ?? values.defaultEnvironment })}
          >
            {ENVIRONMENTS.map((env) => (
              <option key={env} value={env}>
                {ENVIRONMENT_LABELS[env]}
              </option>
            ))}
          </select>
          <p className="field-note">Compose starts in this environment when Pushdeck opens; an active credential profile’s environment comes first.</p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-history`}>Delivery history size</label>
          <select
            id={`${id}-history`}
            data-testid="settings-history-limit"
            value={values.historyLimitMb}
            onChange={(e) => void update({ historyLimitMb: HISTORY_LIMITS_MB.find((mb) => String(mb) === e.target.value) ?? values.historyLimitMb })}
          >
            {HISTORY_LIMITS_MB.map((mb) => (
              <option key={mb} value={mb}>
                {historyLimitLabel(mb)}
              </option>
            ))}
          </select>
          <p className="field-note">Beyond this the oldest sends are deleted from disk, from the next send on.</p>
        </div>
        {error ? <ErrorMessage error={error} testId="settings-error" /> : null}
        <div className="dialog-actions">
          <p className="field-note" role="status" data-testid="settings-status">
            {saved ? 'Saved.' : ''}
          </p>
          <span className="spacer" />
          <button type="button" onClick={() => setDialogOpen(false)}>
            Done
          </button>
        </div>
      </form>
    </Dialog>
  )
}
