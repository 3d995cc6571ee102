import { useScrollViewport } from '../../components/use-scroll-viewport'
import type { FanoutTargetResult } from '../../../../shared/fanout-types'
import type { TapInfo } from '../../../../shared/tap-rate'
import { formatDateTime } from '../../lib/format'
import { latencyLabel, OUTCOME_LABELS, shortToken } from '../../lib/fanout-results'
import { ENVIRONMENT_OPTION_LABELS } from '../../lib/send-option-labels'
import { visibleRange, rowOffset } from '../../lib/windowing'

/** Fixed row metrics, so the table is windowed by arithmetic alone. Match .fanout-row in CSS. */
const ROW_HEIGHT = 58
const OVERSCAN = 6
const NO_EXPANSION = { rowHeight: ROW_HEIGHT, expandedIndex: -1, expandedExtra: 0 }

/**
 * One row per device, in the order results arrived, windowed: 10,000 rows keep only those in
 * view in the DOM. Each row: device, token (shortened; whole on hover), environment, status,
 * reason with its explanation, apns-id and latency; the credential that signed it when it was
 * not the one chosen in compose (a group of several apps).
 */
export function FanoutTable({ results, taps }: { results: FanoutTargetResult[]; taps: Readonly<Record<string, TapInfo>> }) {
  const { scroller, scrollTop, viewport, onScroll } = useScrollViewport()

  const range = visibleRange({ ...NO_EXPANSION, count: results.length, scrollTop, viewportHeight: viewport, overscan: OVERSCAN })
  return (
    <div className="fanout-table" role="table" aria-label="Results per device" aria-rowcount={results.length + 1} data-testid="fanout-table">
      <div className="fanout-row fanout-header" role="row" aria-rowindex={1}>
        <span role="columnheader">Device</span>
        <span role="columnheader">Status</span>
        <span role="columnheader">Latency</span>
        <span role="columnheader">Token · environment · apns-id · reason</span>
      </div>
      <div ref={scroller} className="fanout-scroller" tabIndex={0} aria-label="Results, scrollable" onScroll={onScroll}>
        <div role="rowgroup" style={{ height: `${range.totalHeight}px`, position: 'relative' }}>
          {results.slice(range.start, range.end).map((r, i) => {
            const index = range.start + i
            return <ResultRow key={r.deviceId} result={r} tap={r.apnsId ? (taps[r.apnsId] ?? null) : null} index={index} top={rowOffset(index, NO_EXPANSION)} />
          })}
        </div>
      </div>
    </div>
  )
}

function ResultRow({ result, tap, index, top }: { result: FanoutTargetResult; tap: TapInfo | null; index: number; top: number }) {
  const status = result.status !== null ? `${result.status} ${OUTCOME_LABELS[result.outcome]}` : OUTCOME_LABELS[result.outcome]
  const reason = result.reason ? `${result.reason}: ${result.explanation}` : result.explanation
  return (
    <div className={`fanout-row fanout-row-${result.outcome}`} role="row" aria-rowindex={index + 2} data-testid="fanout-row" data-device-id={result.deviceId} data-outcome={result.outcome} style={{ transform: `translateY(${top}px)`, height: `${ROW_HEIGHT - 4}px` }}>
      <span role="cell" className="fanout-device" title={result.deviceName}>
        {result.deviceName}
      </span>
      <span role="cell" className={`fanout-status outcome-${result.outcome}`} data-testid="fanout-row-status">
        {status}
        {tap ? (
          <span className="fanout-tapped" data-testid="fanout-row-tapped" title={`Opened ${formatDateTime(tap.at)} (${tap.action})`}>
            {' · opened'}
          </span>
        ) : null}
      </span>
      <span role="cell" className="fanout-latency">
        {latencyLabel(result)}
      </span>
      <span role="cell" className="fanout-detail">
        <span className="mono" title={result.token}>
          {shortToken(result.token)}
        </span>
        {' · '}
        {ENVIRONMENT_OPTION_LABELS[result.environment as keyof typeof ENVIRONMENT_OPTION_LABELS] ?? result.environment}
        {result.otherSigner ? <span data-testid="fanout-row-signer">{` · signed with ${result.otherSigner}`}</span> : null}
        {result.apnsId ? (
          <>
            {' · '}
            <span className="mono" title={`apns-id ${result.apnsId}`}>
              {result.apnsId}
            </span>
          </>
        ) : null}
        <span className="fanout-reason" title={reason} data-testid="fanout-row-reason">
          {reason}
        </span>
      </span>
    </div>
  )
}
