import type { SendResult } from '../../../../shared/domain'
import { ENVIRONMENT_LABELS } from '../../../../shared/environments'
import { fixChecklist } from '../../lib/fix-checklist'
import { retryEnvironment, useResult } from '../../stores/result'

/** The headline (accepted, rejected with status and reason, or no answer) with why and what to do. */
export function ResultOutcome({ result }: { result: SendResult }) {
  const retry = useResult((s) => s.retryInOtherEnvironment)
  const sending = useResult((s) => s.sending)
  const pushType = useResult((s) => s.request?.pushType)
  const other = retryEnvironment(result)
  const checklist = fixChecklist(result.reason, result.fix)

  return (
    <div className={`outcome-block outcome-block-${result.outcome}`}>
      <p className={`outcome outcome-${result.outcome}`} data-testid="result-outcome">
        {result.outcome === 'accepted' ? 'Accepted by APNs' : null}
        {result.outcome === 'rejected' ? `Rejected: ${[result.status, result.reason].filter((v) => v !== null).join(' ')}` : null}
        {result.outcome === 'failed' ? 'Failed: no answer from APNs' : null}
      </p>
      {result.outcome === 'accepted' ? (
        <p className="outcome-note">
          Accepted means APNs took the push, not that the device showed it.
          {pushType === 'background'
            ? ' iOS throttles background pushes and never wakes an app the user force-quit.'
            : null}
        </p>
      ) : null}
      <p className="result-explanation" data-testid="result-explanation">
        {result.explanation}
      </p>
      {checklist ? (
        <div className="result-fix" data-testid="result-fix">
          <p>Check each of these:</p>
          <ul className="fix-checklist" data-testid="result-fix-checklist">
            {checklist.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="result-fix" data-testid="result-fix">
          {result.fix}
        </p>
      )}
      {other ? (
        <button type="button" className="button-primary" data-testid="retry-other-environment" disabled={sending} onClick={() => void retry()}>
          Try {ENVIRONMENT_LABELS[other]}
        </button>
      ) : null}
    </div>
  )
}
