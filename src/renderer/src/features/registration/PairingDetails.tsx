import { useId, useMemo } from 'react'
import type { RegistrationStatus } from '../../../../shared/registration/types'
import { swiftSnippet } from '../../../../shared/registration/swift-snippet'
import { ConfirmButton } from '../../components/ConfirmButton'
import { pairingUrl } from '../../lib/pairing'
import { useRegistration } from '../../stores/registration'

/** What the app needs: the URL, the secret, a QR code of both, and the Swift to paste. */
export function PairingDetails({ status }: { status: RegistrationStatus }) {
  const id = useId()
  const qrCode = useRegistration((s) => s.qrCode)
  const copied = useRegistration((s) => s.copied)
  const { copy, regenerateSecret } = useRegistration.getState()
  const url = pairingUrl(status)!
  const secret = status.secret!
  const snippet = useMemo(() => swiftSnippet(url, secret), [url, secret])
  const loopbackOnly = !status.settings.lan

  return (
    <section className="pairing-details" aria-label="Pairing">
      <div className="pairing-top">
        <div className="pairing-fields">
          <div className="field">
            <span className="label" id={`${id}-urls`}>
              URL
            </span>
            <ul className="pairing-urls" aria-labelledby={`${id}-urls`}>
              {status.urls.map((u) => (
                <li key={u}>
                  <code data-testid="pairing-url">{u}</code>
                  <button type="button" className="button-quiet button-small" aria-label={`Copy ${u}`} onClick={() => void copy(u, u)}>
                    {copied === u ? 'Copied' : 'Copy'}
                  </button>
                </li>
              ))}
            </ul>
            <p className="field-note">
              {loopbackOnly
                ? '127.0.0.1 reaches Pushdeck from the iOS Simulator on this Mac only. For a real iPhone, allow devices on the local network.'
                : 'A phone on the same network uses the first address. iOS asks the user for Local Network access the first time (add NSLocalNetworkUsageDescription to Info.plist).'}
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-secret`}>Pairing secret</label>
            <div className="pairing-secret">
              <input id={`${id}-secret`} data-testid="pairing-secret" className="mono" readOnly value={secret} onFocus={(e) => e.target.select()} />
              <button type="button" className="button-small" onClick={() => void copy('secret', secret)}>
                {copied === 'secret' ? 'Copied' : 'Copy'}
              </button>
              <ConfirmButton
                label="Regenerate"
                accessibleName="Regenerate the pairing secret"
                question="Apps with the old secret stop working."
                confirmLabel="Regenerate"
                className="button-small"
                onConfirm={() => void regenerateSecret()}
              />
            </div>
            <p className="field-note">Sent by the app as Authorization: Bearer. It is not an APNs key; it only lets apps register with this Pushdeck.</p>
          </div>
        </div>
        {qrCode ? <img className="pairing-qr" src={qrCode} width={148} height={148} alt="QR code holding the URL and pairing secret as JSON" data-testid="pairing-qr" /> : null}
      </div>
      <div className="field">
        <div className="label-row">
          <label htmlFor={`${id}-snippet`}>Swift for your app (DEBUG builds only)</label>
          <button type="button" className="button-quiet button-small" data-testid="pairing-copy-snippet" onClick={() => void copy('snippet', snippet)}>
            {copied === 'snippet' ? 'Copied' : 'Copy snippet'}
          </button>
        </div>
        <textarea id={`${id}-snippet`} className="mono pairing-snippet" data-testid="pairing-snippet" readOnly value={snippet} rows={14} spellCheck={false} />
        <p className="field-note">
          Register for remote notifications as usual; the token is sent to Pushdeck on each launch. A tap reports the notification&apos;s identifier (its apns-id), or a top-level
          &quot;notificationId&quot; from the payload.
        </p>
      </div>
    </section>
  )
}
