import type { FanoutSnapshot, FanoutTargetResult, FanoutTotals } from '../../shared/fanout-types'

/** The state of one fan-out: results in arrival order, totals, and what has not been reported yet. */
export class FanoutRun {
  readonly results: FanoutTargetResult[] = []
  private reported = 0
  cancelRequested = false
  private finishedAtTime: string | null = null
  private readonly whenFinished: Promise<void>
  private markFinished!: () => void
  readonly totals: FanoutTotals

  constructor(
    readonly runId: string,
    readonly startedAt: string,
    total: number
  ) {
    this.totals = { total, done: 0, accepted: 0, rejected: 0, failed: 0, cancelled: 0, skipped: 0 }
    this.whenFinished = new Promise((resolve) => (this.markFinished = resolve))
  }

  get finishedAt(): string | null {
    return this.finishedAtTime
  }

  /** Every target has its final result. */
  finish(at: string): void {
    this.finishedAtTime = at
    this.markFinished()
  }

  /** Resolves the moment the run finishes (not at the next poll). */
  finished(): Promise<void> {
    return this.whenFinished
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
