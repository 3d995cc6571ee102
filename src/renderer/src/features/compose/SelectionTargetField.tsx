import { countOf } from '../../lib/device-labels'
import { useDeviceView } from '../../stores/device-view'

/** The devices ticked in the Devices list as the target: how many, and how to change them. */
export function SelectionTargetField() {
  const selected = useDeviceView((s) => s.selected.size)
  return (
    <p className="field-note target-selection" data-testid="target-selection-count" aria-live="polite">
      {selected > 0 ? `${countOf(selected, 'ticked device')} will get the push, each in its own environment.` : 'No devices are ticked. Tick them in the Devices list (Shift-click ticks a range).'}
    </p>
  )
}
