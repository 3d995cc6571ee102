import type { ReactNode } from 'react'
import type { SendResult } from '../../../../shared/domain'
import { ENVIRONMENT_LABELS } from '../../../../shared/environments'
import type { TapInfo } from '../../../../shared/tap-rate'
import { tapActionLabel } from '../../lib/device-labels'
import { formatDateTime } from '../../lib/format'

/** The answer's facts as a compact table; identifiers are selectable for pasting elsewhere. */
export function ResultFacts({ result, tap }: { result: SendResult; tap: TapInfo | null }) {
  return (
    <dl className="facts result-facts">
      <Fact term="Status" testId="result-status">
        {result.status ?? 'none'}
      </Fact>
      {result.reason ? (
        <Fact term="Reason" testId="result-reason" mono>
          {result.reason}
        </Fact>
      ) : null}
      <Fact term="apns-id" testId="result-apns-id" mono>
        {result.apnsId ?? 'none'}
      </Fact>
      {result.apnsUniqueId ? (
        <Fact term="apns-unique-id" testId="result-apns-unique-id" mono>
          {result.apnsUniqueId}
        </Fact>
      ) : null}
      {result.unregisteredAt ? (
        <Fact term="Unregistered since" testId="result-unregistered-at">
          <time dateTime={result.unregisteredAt}>{formatDateTime(result.unregisteredAt)}</time> <span className="mono dim">({result.unregisteredAt})</span>
        </Fact>
      ) : null}
      <Fact term={result.outcome === 'failed' ? 'Time until failure' : 'Latency'} testId="result-latency">
        {Math.round(result.latencyMs)} ms
      </Fact>
      {result.attempts > 1 ? (
        <Fact term="Attempts" testId="result-attempts">
          {result.attempts}
        </Fact>
      ) : null}
      <Fact term="Host" testId="result-host" mono>
        {result.request.host}
      </Fact>
      <Fact term="Environment">{ENVIRONMENT_LABELS[result.environment]}</Fact>
      <Fact term="Credential">{result.credentialLabel}</Fact>
      <Fact term="Sent at">
        <time dateTime={result.sentAt}>{formatDateTime(result.sentAt)}</time>
      </Fact>
      {tap ? (
        <Fact term="Tapped at" testId="result-tapped-at">
          <time dateTime={tap.at}>{formatDateTime(tap.at)}</time> <span className="dim">({tapActionLabel(tap.action)})</span>
        </Fact>
      ) : null}
    </dl>
  )
}

function Fact({ term, testId, mono, children }: { term: string; testId?: string; mono?: boolean; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd className={mono ? 'mono selectable' : undefined} data-testid={testId}>
        {children}
      </dd>
    </>
  )
}
