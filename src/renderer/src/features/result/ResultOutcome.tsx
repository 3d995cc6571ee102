import type { SendResult } from '../../../../shared/domain'
import { ENVIRONMENT_LABELS } from '../../../../shared/environments'
import { answererName } from '../../lib/answerer'
import { retryEnvironment, useResult } from '../../stores/result'

/**
 * The headline (accepted, rejected with status and reason, or no answer) naming who answered,
 * with why and what to do: one fix, or a checklist when one fix does not cover it.
 */
export function ResultOutcome({ result }: { result: SendResult }) {
  const retry = useResult((s) => s.retryInOtherEnvironment)
  const sending = useResult((s) => s.sending)
  const pushType = useResult((s) => s.request?.pushType)
  const other = retryEnvironment(result)
  const answerer = answererName(result.environment)
  const emulator = result.environment === 'emulator'

  return (
    <div className={`outcome-block outcome-block-${result.outcome}`}>
      <p className={`outcome outcome-${result.outcome}`} data-testid="result-outcome">
        {result.outcome === 'accepted' ? `Accepted by ${answerer}` : null}
        {result.outcome === 'rejected' ? `Rejected: ${[result.status, result.reason].filter((v) => v !== null).join(' ')}` : null}
        {result.outcome === 'failed' ? `Failed: no answer from ${answerer}` : null}
      </p>
      {/* What "accepted" does not mean is about Apple and a device; the emulator reaches neither. */}
      {result.outcome === 'accepted' && !emulator ? (
        <p className="outcome-note" data-testid="result-accepted-note">
          Accepted means APNs took the push, not that the device showed it.
          {pushType === 'background' ? ' iOS throttles background pushes and never wakes an app the user force-quit.' : null}
        </p>
      ) : null}
      <p className="result-explanation" data-testid="result-explanation">
        {result.explanation}
      </p>
      {result.checklist.length > 0 ? (
        <div className="result-fix" data-testid="result-fix">
          <p>{result.fix}</p>
          <ul className="fix-checklist" data-testid="result-fix-checklist">
            {result.checklist.map((item) => (
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
        <button type="button" className="button-primary" data-testid="retry-other-environment" aria-disabled={sending ? true : undefined} onClick={() => void retry()}>
          Try {ENVIRONMENT_LABELS[other]}
        </button>
      ) : null}
    </div>
  )
}
