import type { ChannelAnswer } from '../../../../shared/channel-types'

/** One channel answer: accepted or the reason, why and what to do, and the apns-request-id to quote to Apple. */
export function ChannelAnswerView({ action, answer, testId, children }: { action: string; answer: ChannelAnswer; testId: string; children?: React.ReactNode }) {
  return (
    <div className={`outcome-block outcome-block-${answer.outcome}`} data-testid={testId} aria-live="polite">
      <p className={`outcome outcome-${answer.outcome}`} data-testid={`${testId}-outcome`}>
        {action}: {answer.outcome === 'accepted' ? 'accepted' : answer.outcome === 'rejected' ? `rejected, ${[answer.status, answer.reason].filter((v) => v !== null).join(' ')}` : 'no answer'}
      </p>
      {answer.explanation ? <p className="result-explanation" data-testid={`${testId}-explanation`}>{answer.explanation}</p> : null}
      {answer.outcome !== 'accepted' && answer.fix ? <p className="result-fix">{answer.fix}</p> : null}
      <dl className="facts">
        <dt>apns-request-id</dt>
        <dd className="mono" data-testid={`${testId}-request-id`}>{answer.requestId ?? '—'}</dd>
        <dt>Host</dt>
        <dd className="mono">{answer.host}</dd>
        {children}
      </dl>
    </div>
  )
}
