import type { FanoutSnapshot, FanoutTargetResult, FanoutTotals } from '../../shared/fanout-types'

/** The state of one fan-out: results in arrival order, totals, and what has not been reported yet. */
export class FanoutRun {
  readonly results: FanoutTargetResult[] = []
  private reported = 0
  cancelRequested = false
  finishedAt: string | null = null
  readonly totals: FanoutTotals

  constructor(
    readonly runId: string,
    readonly startedAt: string,
    total: number
  ) {
    this.totals = { total, done: 0, accepted: 0, rejected: 0, failed: 0, cancelled: 0, skipped: 0 }
  }

  add(result: FanoutTargetResult): void {
    this.results.push(result)
    this.totals.done++
    this.totals[result.outcome]++
  }

  /** Results since the last call, for the next progress event. */
  unreported(): FanoutTargetResult[] {
    const fresh = this.results.slice(this.reported)
    this.reported = this.results.length
    return fresh
  }

  snapshot(): FanoutSnapshot {
    return { runId: this.runId, startedAt: this.startedAt, finishedAt: this.finishedAt, cancelRequested: this.cancelRequested, totals: { ...this.totals }, results: [...this.results] }
  }
}
