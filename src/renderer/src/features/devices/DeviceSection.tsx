import { useId } from 'react'
import { ErrorMessage } from '../../components/ErrorMessage'
import { useCompose } from '../../stores/compose'
import { deviceForToken, useDevices } from '../../stores/devices'
import { DeviceRow } from './DeviceRow'

/** Saved devices; choosing one fills the token, bundle ID and environment in compose. */
export function DeviceSection() {
  const id = useId()
  const list = useDevices((s) => s.list)
  const loadError = useDevices((s) => s.loadError)
  const removeError = useDevices((s) => s.removeError)
  // Selected is whichever saved device compose is about to send to: derived, so never stale.
  const activeId = useCompose((s) => deviceForToken(list, s.deviceToken)?.id ?? null)

  return (
    <section className="sidebar-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="section-title">
        Devices
      </h2>
      {loadError ? <ErrorMessage error={loadError} /> : null}
      {removeError ? <ErrorMessage error={removeError} /> : null}
      <ul className="device-list" data-testid="device-list" aria-labelledby={`${id}-heading`}>
        {list.map((device) => (
          <DeviceRow key={device.id} device={device} active={device.id === activeId} />
        ))}
      </ul>
      {list.length === 0 && !loadError ? <p className="empty">No saved devices. Compose a push and use “Save as device”.</p> : null}
    </section>
  )
}
