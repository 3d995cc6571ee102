import { appendFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import type { HistoryEntry, HistorySummary } from '../../shared/history-types'
import type { TapInfo } from '../../shared/tap-rate'

/**
 * Taps the app reported (POST /v1/opened), kept beside the delivery history in a JSON Lines file
 * of their own: the history stays append-only (an entry is never rewritten to add its tap), and
 * taps are joined onto entries by history id and apns-id when they are read.
 */
const tapRecordSchema = z.object({
  at: z.string(),
  action: z.string(),
  historyId: z.string().nullable(),
  apnsId: z.string().nullable(),
  deviceId: z.string().nullable(),
  token: z.string()
})
export type TapRecord = z.infer<typeof tapRecordSchema>

const FILE = 'taps.jsonl'

/**
 * The log is compacted to its newest half once it holds this many taps: the history it annotates
 * rotates too, so taps far older than that would mostly point at entries no longer kept.
 */
export const DEFAULT_MAX_TAPS = 50_000

export class TapStore {
  private readonly byHistoryId = new Map<string, TapInfo>()
  private readonly byApnsId = new Map<string, TapInfo>()
  private readonly path: string
  /** The newest taps, oldest first, as on disk: what a compaction keeps. */
  private lines: string[] = []
  private readonly maxTaps: number
  /** The file ends in a line a crash cut off. */
  private torn = false
  /** Damaged lines found on load (a crash mid-write), for the notices. */
  readonly notices: string[] = []

  constructor(dir: string, options: { maxTaps?: number } = {}) {
    this.path = join(dir, FILE)
    this.maxTaps = options.maxTaps ?? DEFAULT_MAX_TAPS
    this.load()
  }

  record(tap: TapRecord): void {
    const line = JSON.stringify(tap)
    // A line that a crash tore is skipped on load; start on a fresh line so this one survives.
    appendFileSync(this.path, (this.torn ? '\n' : '') + line + '\n', 'utf8')
    this.torn = false
    this.lines.push(line)
    this.remember(tap)
    if (this.lines.length > this.maxTaps) this.compact()
  }

  /** Keeps the newest half, written beside and renamed over, so a crash leaves one whole file. */
  private compact(): void {
    this.lines = this.lines.slice(-Math.ceil(this.maxTaps / 2))
    const temporary = `${this.path}.tmp`
    writeFileSync(temporary, this.lines.join('\n') + '\n', 'utf8')
    renameSync(temporary, this.path)
    this.byHistoryId.clear()
    this.byApnsId.clear()
    for (const line of this.lines) this.remember(JSON.parse(line) as TapRecord)
  }

  forHistoryId(id: string): TapInfo | null {
    return this.byHistoryId.get(id) ?? null
  }

  /** Taps of the given apns-ids (any case), keyed as asked: for a fan-out's tap rate. */
  forApnsIds(apnsIds: readonly string[]): Record<string, TapInfo> {
    const out: Record<string, TapInfo> = {}
    for (const id of apnsIds) {
      const tap = this.byApnsId.get(id.toLowerCase())
      if (tap) out[id] = tap
    }
    return out
  }

  withTap(summary: HistorySummary): HistorySummary {
    const tap = this.forHistoryId(summary.id)
    return tap ? { ...summary, tappedAt: tap.at, tapAction: tap.action } : summary
  }

  withTapEntry(entry: HistoryEntry): HistoryEntry {
    const tap = this.forHistoryId(entry.id)
    return tap ? { ...entry, tap } : entry
  }

  /** A push opened twice shows its latest tap; it still counts once in a tap rate. */
  private remember(tap: TapRecord): void {
    const info = { at: tap.at, action: tap.action }
    if (tap.historyId) this.byHistoryId.set(tap.historyId, info)
    if (tap.apnsId) this.byApnsId.set(tap.apnsId.toLowerCase(), info)
  }

  private load(): void {
    if (!existsSync(this.path)) return
    let skipped = 0
    const text = readFileSync(this.path, 'utf8')
    this.torn = text.length > 0 && !text.endsWith('\n')
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue
      try {
        const parsed = tapRecordSchema.safeParse(JSON.parse(line))
        if (parsed.success) {
          this.remember(parsed.data)
          this.lines.push(line)
        } else skipped++
      } catch {
        skipped++
      }
    }
    if (skipped > 0) this.notices.push(`${skipped} damaged tap record${skipped === 1 ? '' : 's'} in ${this.path} ${skipped === 1 ? 'was' : 'were'} skipped; the other taps are intact.`)
  }
}
