import { useId, type FormEvent } from 'react'
import type { RegistrationStatus } from '../../../../shared/registration/types'
import { useRegistration } from '../../stores/registration'

/** On/off, port and LAN access, with the LAN warning whenever LAN access is on. */
export function EndpointSettings({ status }: { status: RegistrationStatus }) {
  const id = useId()
  const portText = useRegistration((s) => s.portText)
  const busy = useRegistration((s) => s.busy)
  const { configure, setPortText, applyPort } = useRegistration.getState()
  const { settings } = status

  const onSubmitPort = (event: FormEvent) => {
    event.preventDefault()
    void applyPort()
  }

  return (
    <section className="pairing-settings" aria-label="Registration endpoint">
      <label className="checkbox-label pairing-toggle">
        <input type="checkbox" data-testid="pairing-enabled" checked={settings.enabled} disabled={busy} onChange={(e) => void configure({ enabled: e.target.checked })} />
        Accept registrations and tap reports from apps
      </label>
      <form className="pairing-port" onSubmit={onSubmitPort} noValidate>
        <div className="field">
          <label htmlFor={`${id}-port`}>Port</label>
          <input id={`${id}-port`} data-testid="pairing-port" inputMode="numeric" value={portText} onChange={(e) => setPortText(e.target.value)} autoComplete="off" />
        </div>
        <button type="submit" data-testid="pairing-port-apply" disabled={busy || portText === String(settings.port)}>
          Use port
        </button>
      </form>
      <label className="checkbox-label">
        <input type="checkbox" data-testid="pairing-lan" checked={settings.lan} disabled={busy} onChange={(e) => void configure({ lan: e.target.checked })} />
        Allow devices on the local network (needed for a real iPhone)
      </label>
      {settings.lan ? (
        <p className="field-warning" role="note" data-testid="pairing-lan-warning">
          Pushdeck listens on every network interface. Anyone on this network who has the pairing secret can add devices and report taps, and the traffic is not encrypted. Use
          it on trusted networks only, and turn it off when you are done.
        </p>
      ) : null}
      <p className="field-note" data-testid="pairing-state">
        {status.state === 'listening'
          ? `Listening on ${status.settings.lan ? 'all interfaces' : '127.0.0.1 only'}, port ${status.boundPort}.`
          : status.state === 'error'
            ? 'Not listening.'
            : 'Off: nothing listens until you turn it on.'}
      </p>
    </section>
  )
}
