import { useId } from 'react'
import type { Diagnosis, Finding } from '../../../../shared/diagnosis'
import { useTarget, type TargetMode } from '../../stores/target'
import { AccountTargetField } from './AccountTargetField'
import { SelectionTargetField } from './SelectionTargetField'
import { SimulatorTargetField } from './SimulatorTargetField'
import { TagTargetField } from './TagTargetField'
import { TokenField } from './TokenField'

const MODES: { mode: TargetMode; label: string }[] = [
  { mode: 'token', label: 'One token' },
  { mode: 'tags', label: 'Tag expression' },
  { mode: 'selection', label: 'Ticked devices' },
  { mode: 'account', label: 'Account' },
  { mode: 'simulator', label: 'Simulator' }
]

/** Where the push goes: one device token, a group of saved devices (sent as a fan-out), or a booted simulator. */
export function TargetControl({ diagnosis, findings }: { diagnosis: Diagnosis; findings: Finding[] }) {
  const id = useId()
  const mode = useTarget((s) => s.mode)
  const setMode = useTarget((s) => s.setMode)
  return (
    <fieldset className="target-control">
      <legend>Target</legend>
      <div className="segmented segmented-wrap">
        {MODES.map((m) => (
          <label key={m.mode} className="segment" htmlFor={`${id}-${m.mode}`}>
            <input id={`${id}-${m.mode}`} type="radio" name={`${id}-mode`} value={m.mode} checked={mode === m.mode} data-testid={`target-${m.mode}`} onChange={() => setMode(m.mode)} />
            {m.label}
          </label>
        ))}
      </div>
      {mode === 'token' ? <TokenField diagnosis={diagnosis} findings={findings} /> : null}
      {mode === 'tags' ? <TagTargetField /> : null}
      {mode === 'selection' ? <SelectionTargetField /> : null}
      {mode === 'account' ? <AccountTargetField /> : null}
      {mode === 'simulator' ? <SimulatorTargetField /> : null}
    </fieldset>
  )
}
