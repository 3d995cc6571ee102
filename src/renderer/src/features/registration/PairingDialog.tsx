import { Dialog } from '../../components/Dialog'
import { ErrorMessage } from '../../components/ErrorMessage'
import { useRegistration } from '../../stores/registration'
import { EndpointSettings } from './EndpointSettings'
import { PairingDetails } from './PairingDetails'

/** Device self-registration: the endpoint's settings, then what to paste into the app. */
export function PairingDialog() {
  const status = useRegistration((s) => s.status)
  const error = useRegistration((s) => s.error)
  return (
    <Dialog title="Pair an app" onClose={() => useRegistration.getState().hide()} testId="pairing-dialog" wide>
      <div className="pairing">
        <p className="field-note">
          A debug build of your app can register its device token here, as it would with your server, and report when a notification is opened. Registered devices appear in
          the device list at once.
        </p>
        {status ? <EndpointSettings status={status} /> : <p className="dim">Loading…</p>}
        {error ? <ErrorMessage error={error} testId="pairing-error" /> : null}
        {status?.error ? <ErrorMessage error={{ code: 'registration.not-listening', ...status.error }} testId="pairing-endpoint-error" /> : null}
        {status && status.state === 'listening' && status.secret ? <PairingDetails status={status} /> : null}
      </div>
    </Dialog>
  )
}
