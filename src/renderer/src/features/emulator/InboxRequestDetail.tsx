import type { EmulatorRequest } from '../../../../shared/emulator-types'
import { SeverityIcon } from '../../components/SeverityIcon'
import { formatDateTime } from '../../lib/format'

/** Everything the emulator saw: headers as received, the decoded credential, the body, lint. */
export function InboxRequestDetail({ request }: { request: EmulatorRequest }) {
  return (
    <div className="inbox-detail">
      {request.lint.length > 0 ? (
        <ul className="inbox-lint" data-testid="inbox-lint" aria-label="Lint warnings">
          {request.lint.map((warning, index) => (
            <li key={index} className="finding finding-warning">
              <SeverityIcon severity="warning" />
              <span className="finding-message">{warning}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <dl className="facts">
        <dt>Received</dt>
        <dd>{formatDateTime(new Date(request.receivedAt).toISOString())}</dd>
        <dt>Path</dt>
        <dd className="mono selectable" data-testid="inbox-path">
          {request.path}
        </dd>
        <dt>Connection</dt>
        <dd>#{request.connectionId}</dd>
        <dt>apns-id</dt>
        <dd className="mono selectable">{request.apnsId}</dd>
        {request.apnsUniqueId ? (
          <>
            <dt>apns-unique-id</dt>
            <dd className="mono selectable">{request.apnsUniqueId}</dd>
          </>
        ) : null}
        {request.fault ? (
          <>
            <dt>Fault</dt>
            <dd data-testid="inbox-fault">{request.fault}</dd>
          </>
        ) : null}
      </dl>
      <h4 className="subsection-title">Headers as received</h4>
      <table className="header-table" data-testid="inbox-headers">
        <caption className="visually-hidden">Headers as received</caption>
        <tbody>
          {Object.entries(request.headers).map(([name, value]) => (
            <tr key={name}>
              <th scope="row" className="mono">
                {name}
              </th>
              <td className="mono selectable">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {request.jwt ? (
        <>
          <h4 className="subsection-title">JWT (decoded)</h4>
          <pre className="sent-body mono selectable" data-testid="inbox-jwt">
            {JSON.stringify({ header: request.jwt.header, claims: request.jwt.claims }, null, 2)}
          </pre>
        </>
      ) : null}
      {request.certificate ? (
        <>
          <h4 className="subsection-title">Client certificate</h4>
          <dl className="facts" data-testid="inbox-certificate">
            <dt>Subject</dt>
            <dd className="selectable">{request.certificate.subject}</dd>
            <dt>Topics</dt>
            <dd className="mono selectable">{request.certificate.topics.join(', ') || 'none'}</dd>
            <dt>Environments</dt>
            <dd>{request.certificate.environments.join(', ') || 'none'}</dd>
          </dl>
        </>
      ) : null}
      <h4 className="subsection-title">
        Body <span className="dim">({request.bytes} bytes)</span>
      </h4>
      <pre className="sent-body mono selectable" data-testid="inbox-body">
        {request.body}
      </pre>
    </div>
  )
}
