import type { SimulatorSendResult } from '../../../../shared/simulator'
import { FindingList } from '../../components/FindingList'
import { formatDateTime } from '../../lib/format'

/** What simctl said to a simulator push: outcome, why and what to do, the command as run, its output and the payload file. */
export function SimulatorResultView({ result }: { result: SimulatorSendResult }) {
  const output = [result.stdout.trim(), result.stderr.trim()].filter(Boolean).join('\n')
  return (
    <>
      <div className={`outcome-block outcome-block-${result.outcome}`}>
        <p className={`outcome outcome-${result.outcome}`} data-testid="result-outcome">
          {result.outcome === 'accepted' ? `Delivered to the simulator by simctl` : 'Failed: simctl refused the push'}
        </p>
        {result.outcome === 'accepted' ? (
          <p className="outcome-note" data-testid="result-accepted-note">
            No APNs involved: simctl handed the payload to the app on this simulator.
          </p>
        ) : null}
        <p className="result-explanation" data-testid="result-explanation">
          {result.explanation}
        </p>
        <p className="result-fix" data-testid="result-fix">
          {result.fix}
        </p>
      </div>
      <div className="result-block">
        <h3 className="subsection-title">Target</h3>
        <dl className="facts result-facts" data-testid="simulator-result-facts">
          <dt>Simulator</dt>
          <dd>{result.simulatorName}</dd>
          <dt>UDID</dt>
          <dd className="mono selectable">{result.udid}</dd>
          <dt>App</dt>
          <dd className="mono selectable">{result.bundleId}</dd>
          <dt>Sent</dt>
          <dd>{formatDateTime(result.sentAt)}</dd>
          <dt>Took</dt>
          <dd>{result.latencyMs} ms</dd>
        </dl>
      </div>
      {result.warnings.length > 0 ? (
        <div className="result-block">
          <h3 className="subsection-title">Warnings sent with</h3>
          <FindingList findings={result.warnings} label="Warnings" />
        </div>
      ) : null}
      <div className="result-block">
        <h3 className="subsection-title">Command</h3>
        <pre className="sent-body mono selectable" data-testid="simulator-command">
          {result.command.map(shellWord).join(' ')}
        </pre>
        {output ? (
          <>
            <h3 className="subsection-title">simctl output</h3>
            <pre className="sent-body mono selectable" data-testid="simulator-output">
              {output}
            </pre>
          </>
        ) : null}
        <h3 className="subsection-title">
          Payload file <span className="dim">({result.bytes} bytes, removed after the send)</span>
        </h3>
        <pre className="sent-body mono selectable" data-testid="result-body">
          {result.body}
        </pre>
      </div>
    </>
  )
}

/** Quoted where a shell would need it, so the line can be pasted into Terminal (with the file recreated). */
function shellWord(word: string): string {
  return /^[A-Za-z0-9_./:@=-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`
}
