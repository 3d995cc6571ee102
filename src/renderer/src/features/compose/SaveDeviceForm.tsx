import { useId, type FormEvent } from 'react'
import { ErrorMessage } from '../../components/ErrorMessage'
import { useDevices } from '../../stores/devices'

/** Saves the current token, bundle ID and environment under a name, for one-click reuse. */
export function SaveDeviceForm() {
  const id = useId()
  const saveName = useDevices((s) => s.saveName)
  const saving = useDevices((s) => s.saving)
  const saveError = useDevices((s) => s.saveError)
  const setSaveName = useDevices((s) => s.setSaveName)
  const saveCurrent = useDevices((s) => s.saveCurrent)

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    void saveCurrent()
  }

  return (
    <form className="save-device" onSubmit={onSubmit} noValidate>
      <label htmlFor={id}>Device name</label>
      <input id={id} value={saveName} onChange={(e) => setSaveName(e.target.value)} placeholder="e.g. QA iPhone 15 (optional)" autoComplete="off" />
      <button type="submit" className="button-secondary" data-testid="save-device" disabled={saving}>
        {saving ? 'Saving…' : 'Save as device'}
      </button>
      {saveError ? <ErrorMessage error={saveError} /> : null}
    </form>
  )
}
