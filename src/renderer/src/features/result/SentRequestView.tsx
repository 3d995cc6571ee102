import type { SendResult } from '../../../../shared/domain'

/** The request exactly as it went on the wire (main redacts the JWT before it gets here). */
export function SentRequestView({ result }: { result: SendResult }) {
  const { request } = result
  return (
    <div className="result-block">
      <h3 className="subsection-title">Request sent</h3>
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
      <h3 className="subsection-title">
        Body sent <span className="dim">({request.bytes} bytes)</span>
      </h3>
      <pre className="sent-body mono selectable" data-testid="result-body">
        {request.body}
      </pre>
    </div>
  )
}
