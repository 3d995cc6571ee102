import { useId, type FormEvent } from 'react'
import { ErrorMessage } from '../../components/ErrorMessage'
import { useCompose } from '../../stores/compose'
import { currentSaveError, useDevices } from '../../stores/devices'

/**
 * Saves the current token, bundle ID and environment under a name, for one-click reuse. It sits
 * under the environment because it saves that too. A refusal is shown only while the name,
 * token, bundle ID and environment are still the ones that were refused.
 */
export function SaveDeviceForm() {
  const id = useId()
  const saveName = useDevices((s) => s.saveName)
  const saving = useDevices((s) => s.saving)
  const setSaveName = useDevices((s) => s.setSaveName)
  const saveCurrent = useDevices((s) => s.saveCurrent)
  const token = useCompose((s) => s.deviceToken)
  const bundleId = useCompose((s) => s.bundleId)
  const environment = useCompose((s) => s.environment)
  const saveError = useDevices((s) => currentSaveError(s.saveError, { name: saveName, token, bundleId, environment }))

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    void saveCurrent()
  }

  return (
    <form className="save-device" onSubmit={onSubmit} noValidate aria-label="Save as device">
      <label htmlFor={id}>Device name</label>
      <input id={id} data-testid="save-device-name" value={saveName} onChange={(e) => setSaveName(e.target.value)} placeholder="optional" autoComplete="off" />
      <button type="submit" className="button-secondary" data-testid="save-device" aria-disabled={saving ? true : undefined}>
        {saving ? 'Saving…' : 'Save as device'}
      </button>
      {saveError ? <ErrorMessage error={saveError} testId="save-device-error" /> : null}
    </form>
  )
}
