import { useId } from 'react'
import { useDeviceView } from '../../stores/device-view'

/** Search by name, token, bundle ID or notes: every word typed must appear. */
export function DeviceSearch() {
  const id = useId()
  const search = useDeviceView((s) => s.criteria.search)
  const setCriteria = useDeviceView((s) => s.setCriteria)
  return (
    <div className="field device-search">
      <label htmlFor={id}>Search devices</label>
      <input id={id} type="search" data-testid="device-search" value={search} onChange={(e) => setCriteria({ search: e.target.value })} placeholder="Name, token, bundle ID or notes" autoComplete="off" spellCheck={false} />
    </div>
  )
}
