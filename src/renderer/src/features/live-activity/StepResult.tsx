import type { SendResult } from '../../../../shared/domain'
import { sentTimestamp } from '../../lib/live-activity-steps'

/** What APNs (or the emulator) answered to one step, with the ids and the timestamp that went out. */
export function StepResult({ result, testId }: { result: SendResult; testId: string }) {
  const timestamp = sentTimestamp(result.request.body)
  return (
    <div className={`outcome-block outcome-block-${result.outcome}`} data-testid={testId} aria-live="polite">
      <p className={`outcome outcome-${result.outcome}`} data-testid={`${testId}-outcome`}>
        {result.outcome === 'accepted' ? 'Accepted' : result.outcome === 'rejected' ? `Rejected: ${[result.status, result.reason].filter((v) => v !== null).join(' ')}` : 'Failed: no answer'}
      </p>
      <p className="result-explanation">{result.explanation}</p>
      {result.outcome !== 'accepted' ? <p className="result-fix">{result.fix}</p> : null}
      <dl className="facts">
        <dt>apns-id</dt>
        <dd className="mono">{result.apnsId ?? '—'}</dd>
        <dt>Topic</dt>
        <dd className="mono">{result.request.headers['apns-topic'] ?? '—'}</dd>
        <dt>timestamp sent</dt>
        <dd className="mono" data-testid={`${testId}-timestamp`}>
          {timestamp === null ? '—' : `${timestamp} (${new Date(timestamp * 1000).toLocaleTimeString()})`}
        </dd>
      </dl>
    </div>
  )
}
