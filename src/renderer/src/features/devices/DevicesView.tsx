import { ErrorMessage } from '../../components/ErrorMessage'
import { countOf } from '../../lib/device-labels'
import { useDeviceEditor } from '../../stores/device-editor'
import { useDeviceView } from '../../stores/device-view'
import { useDevices } from '../../stores/devices'
import { BulkBar } from './BulkBar'
import { DeviceEditor } from './DeviceEditor'
import { DeviceFilters } from './DeviceFilters'
import { DeviceList } from './DeviceList'
import { DeviceSearch } from './DeviceSearch'
import { DeviceTagFilter } from './DeviceTagFilter'

/** Saved devices: search, filters, bulk actions and the list; a row fills compose with its device. */
export function DevicesView() {
  const loaded = useDevices((s) => s.loaded)
  const total = useDevices((s) => s.list.length)
  const loadError = useDevices((s) => s.loadError)
  const removeError = useDevices((s) => s.removeError)
  const shown = useDeviceView((s) => s.visible.length)
  const editorOpen = useDeviceEditor((s) => s.mode !== 'closed')
  const openAdd = useDeviceEditor((s) => s.openAdd)

  return (
    <div className="library-view devices-view" data-testid="devices-view" data-loaded={loaded}>
      <div className="view-toolbar">
        <DeviceSearch />
        <button type="button" className="button-small" data-testid="device-add" onClick={openAdd}>
          Add device
        </button>
      </div>
      <DeviceTagFilter />
      <DeviceFilters />
      {loadError ? <ErrorMessage error={loadError} /> : null}
      {removeError ? <ErrorMessage error={removeError} /> : null}
      <BulkBar count={shown === total ? countOf(total, 'device') : `${countOf(shown, 'device')} of ${total.toLocaleString('en-US')}`} />
      {loaded && total === 0 && !loadError ? <p className="empty" data-testid="devices-empty">No saved devices. Add one, or compose a push and use “Save as device”.</p> : null}
      {total > 0 && shown === 0 ? <p className="empty">No device matches the search and filters.</p> : null}
      <DeviceList />
      {editorOpen ? <DeviceEditor /> : null}
    </div>
  )
}
