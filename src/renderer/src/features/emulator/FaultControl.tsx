import { useId } from 'react'
import { ErrorMessage } from '../../components/ErrorMessage'
import { describeFault } from '../../../../shared/emulator-faults'
import { FAULT_PRESETS } from '../../lib/fault-presets'
import { useEmulatorInbox } from '../../stores/emulator-inbox'

/** Make the emulator misbehave once, to see how a flow copes with APNs errors without Apple. */
export function FaultControl() {
  const id = useId()
  const preset = useEmulatorInbox((s) => s.faultPreset)
  const faults = useEmulatorInbox((s) => s.faults)
  const busy = useEmulatorInbox((s) => s.faultBusy)
  const error = useEmulatorInbox((s) => s.faultError)
  const setPreset = useEmulatorInbox((s) => s.setFaultPreset)
  const arm = useEmulatorInbox((s) => s.armFault)
  const clear = useEmulatorInbox((s) => s.clearFaults)

  return (
    <div className="fault-control" role="group" aria-labelledby={`${id}-label`}>
      <label id={`${id}-label`} htmlFor={`${id}-kind`} className="label">
        Fault for the next device push
      </label>
      <div className="inline-controls">
        <select id={`${id}-kind`} data-testid="fault-kind" value={preset} onChange={(e) => setPreset(e.target.value)}>
          {FAULT_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
        <button type="button" className="button-small" data-testid="fault-arm" disabled={busy || preset === 'none'} onClick={() => void arm()}>
          Arm
        </button>
        <button type="button" className="button-small button-quiet" data-testid="fault-clear" disabled={busy || faults.length === 0} onClick={() => void clear()}>
          Clear faults
        </button>
      </div>
      <p className="field-note" data-testid="pending-faults" aria-live="polite">
        {faults.length === 0 ? 'No faults armed.' : `Armed: ${faults.map((f) => describeFault(f.scope, f.fault)).join('; ')}`}
      </p>
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  )
}
