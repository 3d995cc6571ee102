import { useState } from 'react'
import { Dialog } from '../../components/Dialog'
import { deliveryLogHandoff, deliveryLogNote } from '../../lib/delivery-log'
import { openExternal } from '../../lib/external-link'
import { formatDateTime } from '../../lib/format'
import { ENVIRONMENT_OPTION_LABELS } from '../../lib/send-option-labels'
import { useHistory } from '../../stores/history'

/**
 * One entry in full: the request exactly as it went on the wire (headers, payload), its target,
 * credential label and environment, and the whole answer. Edit in compose puts it back there, or
 * sends it again at once.
 */
export function HistoryDetail() {
  const entry = useHistory((s) => s.detail)
  const close = useHistory((s) => s.closeDetail)
  const resend = useHistory((s) => s.resendInCompose)
  const sendAgain = useHistory((s) => s.sendAgain)
  const [note, setNote] = useState<string | null>(null)
  if (!entry) return null
  const r = entry.response
  const handoff = deliveryLogHandoff({ environment: entry.environment, apnsUniqueId: r.apnsUniqueId })

  const openDeliveryLog = async () => {
    if (handoff?.kind !== 'open') return
    // The console has no link that takes the ID: copy it for the Delivery Log's search field.
    let copied = false
    try {
      await navigator.clipboard.writeText(handoff.uniqueId)
      copied = true
    } catch {
      // No clipboard access: the note below shows the ID to copy by hand.
    }
    setNote(deliveryLogNote(handoff.uniqueId, openExternal(handoff.url), copied))
  }

  return (
    <Dialog title="Sent push" onClose={close} testId="history-detail" wide>
      <div className="history-detail">
        <div className="button-row">
          <button type="button" className="button-primary" data-testid="history-resend" onClick={() => void resend()}>
            Edit in compose
          </button>
          <button type="button" className="button-secondary" data-testid="history-send-again" onClick={() => void sendAgain()}>
            Send again now
          </button>
          {handoff?.kind === 'open' ? (
            <button type="button" className="button-secondary" data-testid="history-delivery-log" onClick={() => void openDeliveryLog()}>
              Open in Apple's delivery log
            </button>
          ) : null}
        </div>
        <p className="field-note">Edit in compose fills compose with this request, to check or change it before you press Send. Send again sends it as it is, through the same checks.</p>
        {handoff?.kind === 'unavailable' ? (
          <p className="field-note" data-testid="history-delivery-log-unavailable">
            {handoff.why}
          </p>
        ) : null}
        {note ? (
          <p className="field-note" aria-live="polite" data-testid="history-delivery-log-note">
            {note}
          </p>
        ) : null}

        <h3 className="subsection-title">Request</h3>
        <dl className="facts" data-testid="history-detail-target">
          <dt>Sent</dt>
          <dd>{formatDateTime(entry.at)}</dd>
          <dt>Target</dt>
          <dd>
            {entry.device.name ?? 'Unsaved token'} <span className="mono break">{entry.device.token}</span>
            {entry.device.tags.length > 0 ? <span className="dim"> · {entry.device.tags.join(', ')}</span> : null}
          </dd>
          <dt>Credential</dt>
          <dd data-testid="history-detail-credential">{entry.credentialLabel}</dd>
          <dt>Environment</dt>
          <dd data-testid="history-detail-environment">
            {entry.environment === 'simulator' ? 'iOS Simulator (simctl)' : ENVIRONMENT_OPTION_LABELS[entry.environment]} <span className="dim mono">{entry.host}</span>
          </dd>
          {entry.templateName ? (
            <>
              <dt>Template</dt>
              <dd>{entry.templateName}</dd>
            </>
          ) : null}
          {entry.runId ? (
            <>
              <dt>Group send</dt>
              <dd className="mono break">{entry.runId}</dd>
            </>
          ) : null}
        </dl>
        <h4 className="subsection-title">Headers as sent</h4>
        <pre className="sent-body mono selectable" data-testid="history-detail-request">
          {Object.entries(entry.request.headers)
            .map(([k, v]) => `${k}: ${v}`)
            .join('\n')}
        </pre>
        <h4 className="subsection-title">Payload ({entry.request.bytes.toLocaleString('en-US')} bytes)</h4>
        <pre className="sent-body mono selectable" data-testid="history-detail-payload">
          {entry.request.body}
        </pre>

        <h3 className="subsection-title">Response</h3>
        <dl className="facts" data-testid="history-detail-response">
          <dt>Outcome</dt>
          <dd data-testid="history-detail-outcome">
            {r.outcome}
            {r.status !== null ? ` · ${r.status}` : ' · no answer'}
            {r.reason ? ` · ${r.reason}` : ''}
          </dd>
          <dt>Explanation</dt>
          <dd>{r.explanation}</dd>
          <dt>apns-id</dt>
          <dd className="mono break">{r.apnsId ?? '—'}</dd>
          <dt>apns-unique-id</dt>
          <dd className="mono break" data-testid="history-detail-unique-id">
            {r.apnsUniqueId ?? '—'}
          </dd>
          {r.unregisteredAt ? (
            <>
              <dt>Unregistered at</dt>
              <dd>{formatDateTime(r.unregisteredAt)}</dd>
            </>
          ) : null}
          <dt>Latency</dt>
          <dd>
            {Math.round(r.latencyMs).toLocaleString('en-US')} ms, {r.attempts} {r.attempts === 1 ? 'attempt' : 'attempts'}
          </dd>
          {entry.tap ? (
            <>
              <dt>Tapped at</dt>
              <dd data-testid="history-detail-tapped">
                {formatDateTime(entry.tap.at)} <span className="dim mono">{entry.tap.action}</span>
              </dd>
            </>
          ) : null}
        </dl>
      </div>
    </Dialog>
  )
}
