import { useId, useState } from 'react'
import { bucketLabel, latencyBars, latencyBinLabels, statsSummary, successRateBars, type Bar } from '../../lib/history-charts'
import { useHistory } from '../../stores/history'

const FRAME = { width: 240, height: 64, gap: 1 }

/** Success rate over time and the latency distribution of the filtered entries: small SVGs with a text alternative. */
export function HistoryCharts() {
  const id = useId()
  const [open, setOpen] = useState(false)
  const stats = useHistory((s) => s.stats)
  if (!stats || stats.matched === 0) return null
  const summary = statsSummary(stats)
  const labels = latencyBinLabels(stats.latency.upperMs)

  return (
    <div className="history-charts">
      <button type="button" className="button-small" aria-expanded={open} aria-controls={`${id}-charts`} data-testid="history-charts-toggle" onClick={() => setOpen(!open)}>
        Charts
      </button>
      <div id={`${id}-charts`} hidden={!open} data-testid="history-charts">
        <figure className="chart">
          <figcaption>Success rate over time</figcaption>
          <Chart bars={successRateBars(stats, FRAME)} title={summary.success} testId="chart-success" ceiling />
          {stats.timeline.length > 0 ? (
            <div className="chart-axis dim" aria-hidden="true">
              <span>{bucketLabel(stats.timeline[0]!.start, stats.bucketMs)}</span>
              <span>{bucketLabel(stats.timeline[stats.timeline.length - 1]!.start, stats.bucketMs)}</span>
            </div>
          ) : null}
          <p className="chart-summary" data-testid="chart-success-summary">
            {summary.success}
          </p>
        </figure>
        <figure className="chart">
          <figcaption>Latency distribution</figcaption>
          <Chart bars={latencyBars(stats.latency, FRAME)} title={summary.latency} testId="chart-latency" />
          <div className="chart-axis dim" aria-hidden="true">
            <span>{labels[0]}</span>
            <span>{labels[labels.length - 1]}</span>
          </div>
          <p className="chart-summary" data-testid="chart-latency-summary">
            {summary.latency}
          </p>
        </figure>
      </div>
    </div>
  )
}

/** Bars with their own tooltips (title); the ceiling marks 100% on the success-rate chart. */
function Chart({ bars, title, testId, ceiling = false }: { bars: Bar[]; title: string; testId: string; ceiling?: boolean }) {
  return (
    <svg className="chart-svg" viewBox={`0 0 ${FRAME.width} ${FRAME.height}`} role="img" aria-label={title} data-testid={testId} preserveAspectRatio="none">
      {ceiling ? <line x1={0} x2={FRAME.width} y1={0.5} y2={0.5} className="chart-ceiling" /> : null}
      <line x1={0} x2={FRAME.width} y1={FRAME.height - 0.5} y2={FRAME.height - 0.5} className="chart-baseline" />
      {bars.map((bar, i) => (
        <rect key={i} x={bar.x} y={bar.y} width={bar.width} height={bar.height} className="chart-bar">
          <title>{bar.label}</title>
        </rect>
      ))}
    </svg>
  )
}
