import type { HistoryStats } from '../../../shared/history-types'

/** Bars for a small SVG chart, in the chart's own units, each with the words a screen reader reads. */
export interface Bar {
  x: number
  y: number
  width: number
  height: number
  label: string
}

export interface ChartFrame {
  width: number
  height: number
  /** Space between bars. */
  gap: number
}

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10)

/** The start of a bucket as the axis names it: a day for day buckets, a time otherwise. */
export function bucketLabel(startIso: string, bucketMs: number): string {
  const date = new Date(startIso)
  const day = date.toLocaleDateString('en-US', { month: 'short', day: 'numeric' })
  if (bucketMs >= 24 * 3_600_000) return day
  return `${day} ${date.toLocaleTimeString('en-US', { hour: '2-digit', minute: '2-digit', hour12: false })}`
}

/** One bar per time bucket, its height the share of attempts APNs accepted; empty buckets get none. */
export function successRateBars(stats: Pick<HistoryStats, 'timeline' | 'bucketMs'>, frame: ChartFrame): Bar[] {
  const count = stats.timeline.length
  if (count === 0) return []
  const slot = frame.width / count
  const width = Math.max(1, slot - frame.gap)
  return stats.timeline.flatMap((bucket, i) => {
    if (bucket.attempts === 0) return []
    const rate = bucket.accepted / bucket.attempts
    const height = rate * frame.height
    return [{ x: i * slot, y: frame.height - height, width, height, label: `${bucketLabel(bucket.start, stats.bucketMs)}: ${percent(bucket.accepted, bucket.attempts)}% accepted (${bucket.accepted} of ${bucket.attempts})` }]
  })
}

/** The latency bins' names: "< 25 ms", "25–50 ms", ..., "≥ 5 s". */
export function latencyBinLabels(upperMs: number[]): string[] {
  const ms = (v: number) => (v >= 1000 ? `${v / 1000} s` : `${v} ms`)
  return [...upperMs.map((upper, i) => (i === 0 ? `< ${ms(upper)}` : `${ms(upperMs[i - 1]!)}–${ms(upper)}`)), `≥ ${ms(upperMs[upperMs.length - 1] ?? 0)}`]
}

/** One bar per latency bin, scaled to the fullest bin. */
export function latencyBars(latency: HistoryStats['latency'], frame: ChartFrame): Bar[] {
  const labels = latencyBinLabels(latency.upperMs)
  const most = Math.max(0, ...latency.counts)
  const slot = frame.width / latency.counts.length
  return latency.counts.map((count, i) => {
    const height = most === 0 ? 0 : (count / most) * frame.height
    return { x: i * slot, y: frame.height - height, width: Math.max(1, slot - frame.gap), height, label: `${labels[i]}: ${count} ${count === 1 ? 'send' : 'sends'}` }
  })
}

/** The charts' text alternative, said in one sentence each. */
export function statsSummary(stats: HistoryStats): { success: string; latency: string } {
  const attempts = stats.outcomes.accepted + stats.outcomes.rejected + stats.outcomes.failed
  const success = attempts === 0 ? 'No sends to chart.' : `${percent(stats.outcomes.accepted, attempts)}% of ${attempts.toLocaleString('en-US')} sends accepted.`
  const { p50, p95, answered } = stats.latency
  const latency = answered === 0 || p50 === null || p95 === null ? 'No answered sends to chart.' : `Median ${Math.round(p50)} ms, 95th percentile ${Math.round(p95)} ms, over ${answered.toLocaleString('en-US')} answered sends.`
  return { success, latency }
}
