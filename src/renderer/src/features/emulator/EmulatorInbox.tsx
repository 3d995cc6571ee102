import { ErrorMessage } from '../../components/ErrorMessage'
import { useEmulatorInbox } from '../../stores/emulator-inbox'
import { FaultControl } from './FaultControl'
import { InboxRow } from './InboxRow'

/** Every request the local emulator received, newest first, exactly as it arrived. */
export function EmulatorInbox() {
  const running = useEmulatorInbox((s) => s.running)
  const requests = useEmulatorInbox((s) => s.requests)
  const loaded = useEmulatorInbox((s) => s.loaded)
  const loading = useEmulatorInbox((s) => s.loading)
  const error = useEmulatorInbox((s) => s.error)
  const refresh = useEmulatorInbox((s) => s.refresh)

  return (
    <div className="column-body inbox" data-testid="emulator-inbox">
      <div className="inbox-toolbar">
        <p className="inbox-status" data-testid="inbox-status" aria-live="polite">
          {!loaded ? 'Not loaded yet.' : running ? `Emulator running · ${requests.length} ${requests.length === 1 ? 'request' : 'requests'}` : 'The emulator starts with the first push to “Local emulator”.'}
        </p>
        <button type="button" className="button-small" data-testid="inbox-refresh" disabled={loading} onClick={() => void refresh()}>
          {loading ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      <FaultControl />
      {requests.length > 0 ? (
        <ul className="inbox-list" aria-label="Received requests, newest first">
          {requests.map((request) => (
            <InboxRow key={request.id} request={request} />
          ))}
        </ul>
      ) : loaded ? (
        <p className="empty">Nothing received yet.</p>
      ) : null}
    </div>
  )
}
