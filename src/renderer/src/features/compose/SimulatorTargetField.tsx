import { useEffect, useId, type FormEvent } from 'react'
import { ErrorMessage } from '../../components/ErrorMessage'
import { simulatorLabel } from '../../lib/simulator-choice'
import { useCompose } from '../../stores/compose'
import { useSimulators } from '../../stores/simulators'

/**
 * A booted simulator and one of its apps as the target (xcrun simctl push). The list refreshes
 * while this is on screen; why there is nothing to pick is said with its fix. The pair can be
 * saved as a device, to tag it like devices.
 */
export function SimulatorTargetField() {
  const id = useId()
  const availability = useSimulators((s) => s.availability)
  const simulators = useSimulators((s) => s.simulators)
  const selectedUdid = useSimulators((s) => s.selectedUdid)
  const apps = useSimulators((s) => s.apps)
  const appsError = useSimulators((s) => s.appsError)
  const loadingApps = useSimulators((s) => s.loadingApps)
  const notice = useSimulators((s) => s.notice)
  const bundleId = useCompose((s) => s.bundleId)
  const { select, selectApp, refresh } = useSimulators.getState()

  useEffect(() => useSimulators.getState().watch(), [])

  const selected = simulators.find((s) => s.udid === selectedUdid) ?? null
  const appKnown = apps.some((a) => a.bundleId === bundleId.trim())
  const reason = availability && !availability.usable ? { code: availability.code, message: availability.message, hint: availability.hint } : null

  return (
    <div className="simulator-target" data-testid="simulator-target">
      {notice ? <ErrorMessage error={notice} testId="simulator-notice" /> : null}
      {availability === null ? <p className="field-note">Looking for booted simulators…</p> : null}
      {reason ? <ErrorMessage error={reason} testId="simulator-unavailable" /> : null}
      {simulators.length > 0 ? (
        <div className="field">
          <label htmlFor={`${id}-sim`}>Simulator</label>
          <select id={`${id}-sim`} data-testid="simulator-select" value={selectedUdid ?? ''} onChange={(e) => void select(e.target.value)} aria-describedby={`${id}-udid`}>
            {selectedUdid === null ? <option value="">Pick a booted simulator</option> : null}
            {simulators.map((s) => (
              <option key={s.udid} value={s.udid}>
                {simulatorLabel(s)}
              </option>
            ))}
          </select>
          <p id={`${id}-udid`} className="field-note mono selectable" data-testid="simulator-udid">
            {selected ? selected.udid : null}
          </p>
          {selected && !selected.available ? <p className="field-note">simctl reports it unavailable{selected.availabilityError ? `: ${selected.availabilityError}` : '.'}</p> : null}
        </div>
      ) : null}
      {selected ? (
        <div className="field">
          <label htmlFor={`${id}-app`}>App</label>
          <select id={`${id}-app`} data-testid="simulator-app-select" value={appKnown ? bundleId.trim() : ''} onChange={(e) => selectApp(e.target.value)} aria-busy={loadingApps}>
            {!appKnown ? <option value="">{loadingApps ? 'Loading apps…' : 'Pick an installed app'}</option> : null}
            {apps.map((a) => (
              <option key={a.bundleId} value={a.bundleId}>
                {a.name} ({a.bundleId}){a.type === 'system' ? ' — system' : ''}
              </option>
            ))}
          </select>
          {appsError ? <ErrorMessage error={appsError} testId="simulator-apps-error" /> : null}
        </div>
      ) : null}
      <div className="simulator-actions">
        <button type="button" className="button-secondary" data-testid="simulator-refresh" onClick={() => void refresh()}>
          Refresh
        </button>
      </div>
      {selected && appKnown ? <SaveSimulatorForm /> : null}
    </div>
  )
}

function SaveSimulatorForm() {
  const id = useId()
  const saveName = useSimulators((s) => s.saveName)
  const saving = useSimulators((s) => s.saving)
  const saveError = useSimulators((s) => s.saveError)
  const saved = useSimulators((s) => s.saved)
  const { setSaveName, saveAsDevice } = useSimulators.getState()
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    void saveAsDevice()
  }
  return (
    <form className="save-device" onSubmit={onSubmit} noValidate aria-label="Save simulator as device">
      <label htmlFor={id}>Device name</label>
      <input id={id} data-testid="simulator-save-name" value={saveName} onChange={(e) => setSaveName(e.target.value)} placeholder="optional" autoComplete="off" />
      <button type="submit" className="button-secondary" data-testid="simulator-save" aria-disabled={saving ? true : undefined}>
        {saving ? 'Saving…' : 'Save as device'}
      </button>
      <p className="field-note" role="status" data-testid="simulator-saved">
        {saved}
      </p>
      {saveError ? <ErrorMessage error={saveError} testId="simulator-save-error" /> : null}
    </form>
  )
}
