import type { MouseEvent } from 'react'
import { DEVICE_KIND_LABELS, type SavedDevice } from '../../../../shared/domain'
import { isSimctlDevice } from '../../../../shared/simulator'
import { TagChips } from '../../components/TagChips'
import { DEVICE_KIND_SHORT, lastResultLabel, tapActionLabel } from '../../lib/device-labels'
import { formatCompactDateTime, formatDateTime } from '../../lib/format'
import { ENVIRONMENT_OPTION_LABELS } from '../../lib/send-option-labels'
import { relativeTime } from '../../lib/relative-time'
import { useDeviceEditor } from '../../stores/device-editor'
import { useDeviceView } from '../../stores/device-view'
import { useDevices } from '../../stores/devices'

interface Props {
  device: SavedDevice
  active: boolean
  selected: boolean
  expanded: boolean
  accountName: string | null
  now: number
  /** Where the row sits in the windowed list, and how tall it is. */
  top: number
  height: number
  position: number
  setSize: number
}

/**
 * One saved device in the windowed list. The whole row uses it in compose on click (the name is
 * the keyboard control); a click that ends a text selection, or lands on a control, does not.
 * The token is in the row whole (ellipsised; whole on hover, and wrapped when expanded).
 */
export function DeviceRow({ device, active, selected, expanded, accountName, now, top, height, position, setSize }: Props) {
  const use = useDevices((s) => s.use)
  const toggle = useDeviceView((s) => s.toggle)
  const toggleExpanded = useDeviceView((s) => s.toggleExpanded)
  const openEdit = useDeviceEditor((s) => s.openEdit)

  const onRowClick = (event: MouseEvent<HTMLLIElement>) => {
    const target = event.target as HTMLElement
    if (target.closest('button, input, select, textarea, a, label')) return
    if (window.getSelection()?.isCollapsed === false) return
    use(device)
  }

  const classes = ['device-row', active ? 'device-row-active' : '', selected ? 'device-row-selected' : '', expanded ? 'device-row-expanded' : ''].filter(Boolean).join(' ')
  return (
    <li
      className={classes}
      data-testid="device-row"
      data-active={active}
      aria-posinset={position}
      aria-setsize={setSize}
      onClick={onRowClick}
      style={{ transform: `translateY(${top}px)`, height: `${height}px` }}
    >
      <div className="device-head">
        <input
          type="checkbox"
          className="device-check"
          checked={selected}
          aria-label={`Select ${device.name}`}
          data-testid="device-select"
          onChange={(e) => toggle(device.id, (e.nativeEvent as unknown as { shiftKey?: boolean }).shiftKey === true)}
        />
        <button type="button" className="device-name" onClick={() => use(device)} aria-pressed={active} title="Use this device in compose">
          {device.name}
        </button>
      </div>
      <div className="device-meta">
      <span className="device-badges">
          <span className="kind-badge" title={DEVICE_KIND_LABELS[device.kind]}>
            {DEVICE_KIND_SHORT[device.kind]}
          </span>
          {/* A simulator saved by UDID is reached through simctl: no APNs environment applies. */}
          {isSimctlDevice(device) ? (
            <span className="env-tag" title="Sent with xcrun simctl push, not through APNs">
              simctl
            </span>
          ) : (
            <span className={`env-tag env-${device.environment}`}>{ENVIRONMENT_OPTION_LABELS[device.environment]}</span>
          )}
        </span>
        <TagChips tags={device.tags} testId="device-tags" />
        {accountName ? (
          <span className="device-account" title="Account">
            <span className="visually-hidden">Account: </span>
            {accountName}
          </span>
        ) : null}
      </div>
      <p className="device-status">
        {device.unregisteredAt ? (
          <span className="device-unregistered">
            Unregistered since <time dateTime={device.unregisteredAt}>{formatDateTime(device.unregisteredAt)}</time>
          </span>
        ) : device.lastResult ? (
          <span className={`last-result last-${device.lastResult.outcome}`} data-testid="device-last-result">
            {lastResultLabel(device.lastResult)} · <time dateTime={device.lastResult.at}>{relativeTime(device.lastResult.at, now)}</time>
          </span>
        ) : (
          <span className="dim">Not sent yet</span>
        )}
        {device.lastTap ? (
          <span className="device-tap" data-testid="device-last-tap" title={`The app reported the push ${tapActionLabel(device.lastTap.action)} at ${formatDateTime(device.lastTap.at)}`}>
            {' · '}Tapped at <time dateTime={device.lastTap.at}>{formatCompactDateTime(device.lastTap.at, now)}</time>
          </span>
        ) : null}
      </p>
      <div className="device-token-line">
        <code className="token-cell" title={device.token}>
          {device.token}
        </code>
        <button type="button" className="button-quiet button-small" aria-expanded={expanded} aria-label={`Full token of ${device.name}`} onClick={() => toggleExpanded(device.id)}>
          {expanded ? 'Less' : 'Token'}
        </button>
        <button type="button" className="button-quiet button-small" aria-label={`Edit ${device.name}`} data-testid="device-edit" onClick={() => openEdit(device)}>
          Edit
        </button>
      </div>
    </li>
  )
}
