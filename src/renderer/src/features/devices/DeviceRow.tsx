import type { MouseEvent } from 'react'
import type { SavedDevice } from '../../../../shared/domain'
import { ENVIRONMENT_LABELS } from '../../../../shared/environments'
import { ConfirmButton } from '../../components/ConfirmButton'
import { formatDateTime } from '../../lib/format'
import { useDevices } from '../../stores/devices'

/**
 * One saved device. The whole row selects it on click; the name is the keyboard control. The
 * token is shown in full and stays selectable: a click that ends a text selection, or lands on a
 * control inside the row, does not count as choosing the device.
 */
export function DeviceRow({ device, active }: { device: SavedDevice; active: boolean }) {
  const use = useDevices((s) => s.use)
  const remove = useDevices((s) => s.remove)

  const onRowClick = (event: MouseEvent<HTMLLIElement>) => {
    const target = event.target as HTMLElement
    if (target.closest('button, input, select, textarea, a, .confirm')) return
    if (window.getSelection()?.isCollapsed === false) return
    use(device)
  }

  return (
    <li className={`device-row${active ? ' device-row-active' : ''}`} data-testid="device-row" data-active={active} onClick={onRowClick}>
      <div className="device-head">
        <button type="button" className="device-name" onClick={() => use(device)} aria-pressed={active} title="Use this device in compose">
          {device.name}
        </button>
        <ConfirmButton
          label="Remove"
          accessibleName={`Remove ${device.name}`}
          className="button-quiet button-small"
          question="Remove?"
          confirmLabel="Remove"
          onConfirm={() => void remove(device.id)}
        />
      </div>
      <p className="device-meta">
        <span className={`env-tag env-${device.environment}`}>{ENVIRONMENT_LABELS[device.environment]}</span>
        <span className="mono">{device.bundleId}</span>
      </p>
      <code className="token-cell">{device.token}</code>
      {device.unregisteredAt ? (
        <p className="device-unregistered">
          Unregistered since <time dateTime={device.unregisteredAt}>{formatDateTime(device.unregisteredAt)}</time>
        </p>
      ) : null}
    </li>
  )
}
