import { ErrorMessage } from '../../components/ErrorMessage'
import { FindingList } from '../../components/FindingList'
import { useFanout } from '../../stores/fanout'
import { useResult } from '../../stores/result'
import { FanoutView } from '../fanout/FanoutView'
import { ResultFacts } from './ResultFacts'
import { ResultOutcome } from './ResultOutcome'
import { RetryNotes } from './RetryNotes'
import { SentRequestView } from './SentRequestView'
import { SimulatorResultView } from './SimulatorResultView'

/** What APNs (or simctl, for a simulator) answered to the last send, in full: outcome, retries, facts, warnings, the request; or the last group send. */
export function ResultView() {
  const sending = useResult((s) => s.sending)
  const result = useResult((s) => s.result)
  const error = useResult((s) => s.error)
  const tap = useResult((s) => s.tap)
  const simulatorResult = useResult((s) => s.simulatorResult)
  const fanoutShown = useFanout((s) => s.shown)
  if (fanoutShown) return <FanoutView />

  return (
    <div className="column-body" data-testid="result" aria-live="polite" aria-busy={sending}>
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
          <RetryNotes notes={result.retryNotes} attempts={result.attempts} />
          <ResultFacts result={result} tap={tap} />
          {result.warnings.length > 0 ? (
            <div className="result-block">
              <h3 className="subsection-title">Warnings sent with</h3>
              <FindingList findings={result.warnings} label="Warnings" />
            </div>
          ) : null}
          <SentRequestView result={result} />
        </>
      ) : null}
      {!sending && simulatorResult ? <SimulatorResultView result={simulatorResult} /> : null}
      {!sending && !error && !result && !simulatorResult ? <p className="empty">Send a push to see exactly what APNs answers.</p> : null}
    </div>
  )
}
