import { useId } from 'react'
import { ErrorMessage } from '../../components/ErrorMessage'
import { useDevices } from '../../stores/devices'
import { DeviceRow } from './DeviceRow'

/** Saved devices; choosing one fills the token, bundle ID and environment in compose. */
export function DeviceSection() {
  const id = useId()
  const list = useDevices((s) => s.list)
  const activeId = useDevices((s) => s.activeId)
  const loadError = useDevices((s) => s.loadError)
  const removeError = useDevices((s) => s.removeError)

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
