import type { SendResult } from '../../../../shared/domain'
import { answererName } from '../../lib/answerer'

/**
 * The request exactly as it went on the wire (main redacts the JWT before it gets here). When
 * nothing answered it, the headings say so: it was attempted, not known to be delivered.
 */
export function SentRequestView({ result }: { result: SendResult }) {
  const { request } = result
  const unanswered = result.outcome === 'failed'
  return (
    <div className="result-block">
      <h3 className="subsection-title" data-testid="sent-request-title">
        {unanswered ? `Request (no answer from ${answererName(result.environment)})` : 'Request sent'}
      </h3>
      <table className="header-table" data-testid="sent-headers">
        <caption className="visually-hidden">Request headers</caption>
        <tbody>
          {Object.entries(request.headers).map(([name, value]) => (
            <tr key={name} data-testid="sent-header" data-header={name}>
              <th scope="row" className="mono">
                {name}
              </th>
              <td className="mono selectable">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="subsection-title" data-testid="sent-body-title">
        {unanswered ? 'Body (not delivered)' : 'Body sent'} <span className="dim">({request.bytes} bytes)</span>
      </h3>
      <pre className="sent-body mono selectable" data-testid="result-body">
        {request.body}
      </pre>
    </div>
  )
}
