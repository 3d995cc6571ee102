import { formatTapRate, tapRate } from '../../../../shared/tap-rate'
import { ErrorMessage } from '../../components/ErrorMessage'
import { totalsLine } from '../../lib/fanout-results'
import { useFanout } from '../../stores/fanout'
import { useHistory } from '../../stores/history'
import { useRegistration } from '../../stores/registration'
import { FanoutTable } from './FanoutTable'

/** A fan-out in the result column: progress, live totals, Cancel, and one row per device as results stream in. */
export function FanoutView() {
  const { runId, starting, running, cancelling, totals, results, error, cancel, taps } = useFanout()
  const showRun = useHistory((s) => s.showRun)
  // Taps come from the paired app: without the endpoint on, a 0% rate would only mislead.
  const pairingOn = useRegistration((s) => s.status?.settings.enabled ?? false)
  const done = totals?.done ?? 0
  const total = totals?.total ?? 0

  return (
    <div className="column-body fanout" data-testid="fanout" aria-busy={starting || running}>
      <div className="fanout-head">
        <h3 className="subsection-title">{running || starting ? 'Sending to the group…' : error && !totals ? 'Not sent' : 'Group send finished'}</h3>
        {totals ? (
          <>
            <progress className="fanout-progress" data-testid="fanout-progress" max={Math.max(1, total)} value={done} aria-label={`Fan-out progress: ${done} of ${total}`} />
            <p className="fanout-totals" data-testid="fanout-totals" aria-live="polite">
              {totalsLine(totals)}
            </p>
            <dl className="fanout-counts" data-testid="fanout-counts">
              {(['accepted', 'rejected', 'failed', 'cancelled', 'skipped'] as const).map((k) => (
                <div key={k} className={`fanout-count fanout-count-${k}`} data-testid={`fanout-count-${k}`}>
                  <dt>{k}</dt>
                  <dd>{totals[k].toLocaleString('en-US')}</dd>
                </div>
              ))}
            </dl>
          </>
        ) : null}
        {totals && !running && !starting && (pairingOn || Object.keys(taps).length > 0) ? (
          <p className="fanout-tap-rate" data-testid="fanout-tap-rate" aria-live="polite">
            Opened in the app: {formatTapRate(tapRate(results, taps))}
          </p>
        ) : null}
        {running ? (
          <button type="button" className="button-secondary" data-testid="fanout-cancel" aria-disabled={cancelling ? true : undefined} onClick={() => void cancel()}>
            {cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        ) : null}
        {runId && totals && !running ? (
          <button type="button" className="button-secondary" data-testid="fanout-show-history" onClick={() => showRun(runId)}>
            Show in history
          </button>
        ) : null}
        {error ? <ErrorMessage error={error} testId="fanout-error" /> : null}
      </div>
      {totals ? <FanoutTable results={results} taps={taps} /> : null}
    </div>
  )
}
