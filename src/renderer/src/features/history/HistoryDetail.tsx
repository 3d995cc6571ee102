import { useState } from 'react'
import { Dialog } from '../../components/Dialog'
import { deliveryLogHandoff } from '../../lib/delivery-log'
import { formatDateTime } from '../../lib/format'
import { useHistory } from '../../stores/history'

/**
 * One entry in full: the request exactly as it went on the wire (headers, payload), its target,
 * credential label and environment, and the whole answer. Re-send puts it back into compose.
 */
export function HistoryDetail() {
  const entry = useHistory((s) => s.detail)
  const close = useHistory((s) => s.closeDetail)
  const resend = useHistory((s) => s.resendInCompose)
  const [copied, setCopied] = useState<string | null>(null)
  if (!entry) return null
  const r = entry.response
  const handoff = deliveryLogHandoff({ environment: entry.environment, apnsUniqueId: r.apnsUniqueId })

  const openDeliveryLog = async () => {
    if (handoff?.kind !== 'open') return
    // The console has no link that takes the ID: copy it for the Delivery Log's search field.
    try {
      await navigator.clipboard.writeText(handoff.uniqueId)
      setCopied('The apns-unique-id is copied: paste it into the Delivery Log search.')
    } catch {
      setCopied(`Copy this apns-unique-id into the Delivery Log search: ${handoff.uniqueId}`)
    }
    window.open(handoff.url, '_blank', 'noopener')
  }

  return (
    <Dialog title="Sent push" onClose={close} testId="history-detail" wide>
      <div className="history-detail">
        <div className="button-row">
          <button type="button" className="button-primary" data-testid="history-resend" onClick={resend}>
            Re-send from compose
          </button>
          {handoff?.kind === 'open' ? (
            <button type="button" className="button-secondary" data-testid="history-delivery-log" onClick={() => void openDeliveryLog()}>
              Open in Apple's delivery log
            </button>
          ) : null}
        </div>
        <p className="field-note">Re-send fills compose with this request, to check or change it before you press Send.</p>
        {handoff?.kind === 'unavailable' ? <p className="field-note">{handoff.why}</p> : null}
        {copied ? (
          <p className="field-note" aria-live="polite" data-testid="history-delivery-log-note">
            {copied}
          </p>
        ) : null}
        <dl className="facts" data-testid="history-detail-facts">
          <dt>Sent</dt>
          <dd>{formatDateTime(entry.at)}</dd>
          <dt>Target</dt>
          <dd>
            {entry.device.name ?? 'Unsaved token'} <span className="mono break">{entry.device.token}</span>
            {entry.device.tags.length > 0 ? <span className="dim"> · {entry.device.tags.join(', ')}</span> : null}
          </dd>
          <dt>Credential</dt>
          <dd>{entry.credentialLabel}</dd>
          <dt>Environment</dt>
          <dd>
            {entry.environment} <span className="dim mono">{entry.host}</span>
          </dd>
          {entry.templateName ? (
            <>
              <dt>Template</dt>
              <dd>{entry.templateName}</dd>
            </>
          ) : null}
          <dt>Outcome</dt>
          <dd data-testid="history-detail-outcome">
            {r.outcome}
            {r.status !== null ? ` · ${r.status}` : ''}
            {r.reason ? ` · ${r.reason}` : ''}
          </dd>
          <dt>Explanation</dt>
          <dd>{r.explanation}</dd>
          <dt>apns-id</dt>
          <dd className="mono">{r.apnsId ?? '—'}</dd>
          <dt>apns-unique-id</dt>
          <dd className="mono">{r.apnsUniqueId ?? '—'}</dd>
          {r.unregisteredAt ? (
            <>
              <dt>Unregistered at</dt>
              <dd>{formatDateTime(r.unregisteredAt)}</dd>
            </>
          ) : null}
          <dt>Latency</dt>
          <dd>
            {r.latencyMs} ms, {r.attempts} {r.attempts === 1 ? 'attempt' : 'attempts'}
          </dd>
        </dl>
        <h3 className="subsection-title">Request as sent</h3>
        <pre className="sent-body mono selectable" data-testid="history-detail-request">
          {`POST ${entry.request.path}\n${Object.entries(entry.request.headers)
            .map(([k, v]) => `${k}: ${v}`)
            .join('\n')}`}
        </pre>
        <h3 className="subsection-title">Payload ({entry.request.bytes} bytes)</h3>
        <pre className="sent-body mono selectable" data-testid="history-detail-payload">
          {entry.request.body}
        </pre>
      </div>
    </Dialog>
  )
}
