import { useMemo } from 'react'
import { useScrollViewport } from '../../components/use-scroll-viewport'
import { visibleRange, rowHeightAt, rowOffset } from '../../lib/windowing'
import { useAccounts } from '../../stores/accounts'
import { useClock } from '../../stores/clock'
import { useCompose } from '../../stores/compose'
import { useDeviceView } from '../../stores/device-view'
import { deviceForToken, useDevices } from '../../stores/devices'
import { DeviceRow } from './DeviceRow'

/** Row metrics: fixed, so the list is windowed by arithmetic alone. Match .device-row in CSS. */
const ROW_HEIGHT = 98
const EXPANDED_EXTRA = 44
const OVERSCAN = 4

/**
 * The filtered devices, windowed: only the rows in view (and a few either side) are in the DOM,
 * so 10,000 devices scroll and filter as fast as ten.
 */
export function DeviceList() {
  const visible = useDeviceView((s) => s.visible)
  const criteria = useDeviceView((s) => s.criteria)
  const { scroller, scrollTop, viewport, onScroll } = useScrollViewport(criteria)
  const selected = useDeviceView((s) => s.selected)
  const expandedId = useDeviceView((s) => s.expandedId)
  const list = useDevices((s) => s.list)
  const accounts = useAccounts((s) => s.list)
  const now = useClock((s) => s.now)
  const activeId = useCompose((s) => deviceForToken(list, s.deviceToken)?.id ?? null)
  const accountNames = useMemo(() => new Map(accounts.map((a) => [a.id, a.name])), [accounts])



  const expandedIndex = useMemo(() => (expandedId ? visible.findIndex((d) => d.id === expandedId) : -1), [visible, expandedId])
  const metrics = { rowHeight: ROW_HEIGHT, expandedIndex, expandedExtra: EXPANDED_EXTRA }
  const range = visibleRange({ ...metrics, count: visible.length, scrollTop, viewportHeight: viewport, overscan: OVERSCAN })
  const rows = visible.slice(range.start, range.end)

  return (
    <div ref={scroller} className="device-scroller" data-testid="device-scroller" onScroll={onScroll}>
      <ul className="device-list" data-testid="device-list" data-query={criteria.search} aria-label="Devices" style={{ height: `${range.totalHeight}px` }}>
        {rows.map((device, i) => {
          const index = range.start + i
          return (
            <DeviceRow
              key={device.id}
              device={device}
              active={device.id === activeId}
              selected={selected.has(device.id)}
              expanded={index === expandedIndex}
              accountName={device.accountId ? (accountNames.get(device.accountId) ?? null) : null}
              now={now}
              top={rowOffset(index, metrics)}
              height={rowHeightAt(index, metrics) - 6}
              position={index + 1}
              setSize={visible.length}
            />
          )
        })}
      </ul>
    </div>
  )
}
