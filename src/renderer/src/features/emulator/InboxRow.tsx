import type { EmulatorRequest } from '../../../../shared/emulator-types'
import { formatClockTime, shortenDevicePath } from '../../lib/format'
import { InboxRequestDetail } from './InboxRequestDetail'

const AUTH_LABELS: Record<EmulatorRequest['authMode'], string> = { token: 'token (JWT)', certificate: 'certificate', none: 'no auth' }

/** One received request: a one-line summary that opens (native <details>, so keyboard-ready) to everything. */
export function InboxRow({ request }: { request: EmulatorRequest }) {
  const ok = request.status === 200
  return (
    <li className="inbox-row" data-testid="inbox-row" data-status={request.status} data-auth-mode={request.authMode}>
      <details>
        <summary className="inbox-summary">
          <span className="inbox-summary-line">
            <time className="mono dim" dateTime={new Date(request.receivedAt).toISOString()}>
              {formatClockTime(request.receivedAt)}
            </time>
            <span className={`inbox-status-tag ${ok ? 'inbox-ok' : 'inbox-bad'}`} data-testid="inbox-status-tag">
              {request.status === 0 ? 'no answer' : request.status}
              {request.reason ? ` ${request.reason}` : ''}
            </span>
            <span className="inbox-tags">
              {request.fault ? <span className="inbox-fault-tag">fault</span> : null}
              {request.lint.length > 0 ? <span className="inbox-lint-count">{request.lint.length} lint</span> : null}
              <span className="env-tag" data-testid="inbox-auth-mode">
                {AUTH_LABELS[request.authMode]}
              </span>
            </span>
          </span>
          <span className="mono inbox-path">
            {request.method} {shortenDevicePath(request.path)}
          </span>
        </summary>
        <InboxRequestDetail request={request} />
      </details>
    </li>
  )
}
