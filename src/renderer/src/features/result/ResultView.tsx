import { ErrorMessage } from '../../components/ErrorMessage'
import { FindingList } from '../../components/FindingList'
import { useResult } from '../../stores/result'
import { ResultFacts } from './ResultFacts'
import { ResultOutcome } from './ResultOutcome'
import { SentRequestView } from './SentRequestView'

/** The right column, beside the payload: what APNs answered to the last send, in full. */
export function ResultPanel() {
  const sending = useResult((s) => s.sending)
  const result = useResult((s) => s.result)
  const error = useResult((s) => s.error)

  return (
    <section className="column result" aria-labelledby="result-heading" aria-busy={sending} data-testid="result">
      <header className="column-header">
        <h2 id="result-heading">Result</h2>
      </header>
      <div className="column-body" aria-live="polite">
        {sending ? <p className="result-waiting">Sending…</p> : null}
        {!sending && error ? (
          <div className="result-failed-send">
            <p className="outcome outcome-failed">Not sent</p>
            <ErrorMessage error={error} testId="result-error" />
          </div>
        ) : null}
        {!sending && result ? (
          <>
            <ResultOutcome result={result} />
            <ResultFacts result={result} />
            {result.warnings.length > 0 ? (
              <div className="result-block">
                <h3 className="subsection-title">Warnings sent with</h3>
                <FindingList findings={result.warnings} label="Warnings" />
              </div>
            ) : null}
            <SentRequestView result={result} />
          </>
        ) : null}
        {!sending && !error && !result ? <p className="empty">Send a push to see exactly what APNs answers.</p> : null}
      </div>
    </section>
  )
}
