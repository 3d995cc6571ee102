import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import type { LastResult } from '../../shared/domain'
import { summarise, type HistoryEntry, type HistorySummary } from '../../shared/history-types'
import { parseHistoryLine } from './history-entry-schema'
import { SummaryInterner } from './summary-interner'

/**
 * The delivery history: an append-only JSON Lines file. Appending is O(1) whatever the history's
 * size, a crash can tear at most the last line (skipped and reported on the next start), and
 * the file rotates at a size cap, keeping a bounded number of older files.
 * Only summaries stay in memory; a full entry is read from its file when asked for.
 *
 * A single send is written at once (append). A fan-out queues its entries (appendBuffered) and
 * they go to disk in one write per batch: when MAX_PENDING_BYTES have gathered, when the caller
 * flushes (a fan-out does at every progress tick and at its end), before an entry is read, and
 * on close (app quit). A crash loses at most the queued lines; a crash during a batch's write
 * tears at most its last line, which the next start skips and reports like any torn line.
 */
export interface HistoryOptions {
  /** Rotate when the current file grows past this. */
  maxFileBytes?: number
  /** Older files kept after rotation; the oldest beyond this are deleted. */
  keepOldFiles?: number
}

interface Located {
  summary: HistorySummary
  file: string
  offset: number
  length: number
}

const CURRENT = 'history.jsonl'
const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024
const DEFAULT_KEEP_OLD_FILES = 4
/** A batch is written once this much is queued, so a crash never loses more. */
const MAX_PENDING_BYTES = 256 * 1024

export class HistoryStore {
  private readonly index: Located[] = []
  private readonly byId = new Map<string, Located>()
  /**
   * Each token's newest answer: a saved device's last answer is read from here, never written
   * twice. Brought up to date when asked (index entries from newestUpTo on are not in it yet), so
   * an append costs no more with 100,000 tokens known, and a fan-out's 10,000 are taken in at once.
   */
  private newestByToken = new Map<string, Located>()
  private newestUpTo = 0
  private readonly rotatedOutListeners: ((answers: ReadonlyMap<string, LastResult>) => void)[] = []
  private fd: number | null = null
  /** Bytes of the current file, including the queued lines not yet written. */
  private size = 0
  /** Queued lines (without their newline) and their index entries, oldest first. */
  private pending: string[] = []
  private pendingLocated: Located[] = []
  private pendingBytes = 0
  private maxFileBytes: number
  /** The last rotation's time stamp and counter (see rotate). */
  private rotationStamp = ''
  private rotationCounter = 0
  private readonly keepOldFiles: number
  /** What loading found that the user should know (torn lines). */
  readonly notices: string[] = []

  constructor(
    private readonly dir: string,
    options: HistoryOptions = {}
  ) {
    this.maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES
    this.keepOldFiles = options.keepOldFiles ?? DEFAULT_KEEP_OLD_FILES
    mkdirSync(dir, { recursive: true })
    const interner = new SummaryInterner()
    for (const file of [...this.oldFiles(), CURRENT]) this.load(file, interner)
  }

  /**
   * Keeps at most about `bytes` on disk (the current file and the older ones together), from the
   * next send on: files rotate sooner, and the oldest go as before.
   */
  limitTotalBytes(bytes: number): void {
    this.maxFileBytes = Math.max(1, Math.floor(bytes / (this.keepOldFiles + 1)))
  }

  /** Writes the entry (and any queued ones) now. Throws if the disk refuses; the entry is then not kept. */
  append(entry: HistoryEntry): void {
    this.appendBuffered(entry)
    this.flush()
  }

  /**
   * Queues the entry for the next batch write; it is listed (summaries, count) at once. Throws
   * if a batch write it triggers fails; the entries of that batch are then not kept.
   */
  appendBuffered(entry: HistoryEntry): void {
    const line = JSON.stringify(entry)
    const length = Buffer.byteLength(line, 'utf8') + 1
    this.descriptor()
    if (this.size > 0 && this.size + length > this.maxFileBytes) {
      this.flush()
      this.rotate()
      this.descriptor()
    }
    const located: Located = { summary: summarise(entry), file: CURRENT, offset: this.size, length: length - 1 }
    this.pending.push(line)
    this.pendingLocated.push(located)
    this.pendingBytes += length
    this.size += length
    this.remember(located)
    if (this.pendingBytes >= MAX_PENDING_BYTES) this.flush()
  }

  /**
   * Writes the queued entries in one append. If the disk refuses, they are dropped from the
   * index too (the history never lists an entry it cannot read back), and the error is thrown.
   */
  flush(): void {
    if (this.pending.length === 0) return
    // Each line encoded straight into one buffer: joining them first would build (and flatten) a
    // 256 KB string per batch only to encode it.
    const lines = Buffer.allocUnsafe(this.pendingBytes)
    let filled = 0
    for (const line of this.pending) {
      filled += lines.write(line, filled, 'utf8')
      lines[filled++] = 0x0a
    }
    const dropped = this.pendingLocated
    this.pending = []
    this.pendingLocated = []
    this.pendingBytes = 0
    try {
      const fd = this.descriptor()
      for (let written = 0; written < lines.length; ) written += writeSync(fd, lines, written)
    } catch (error) {
      this.forget(new Set(dropped))
      // Part of the batch may be on disk: reopening measures the file again and starts the next
      // entry on a line of its own.
      try {
        this.closeDescriptor()
      } catch {
        // Already unusable; the next append opens the file afresh.
      }
      throw error
    }
  }

  /** Newest first. */
  summaries(): HistorySummary[] {
    const out: HistorySummary[] = new Array(this.index.length)
    for (let i = 0; i < this.index.length; i++) out[i] = this.index[this.index.length - 1 - i]!.summary
    return out
  }

  /**
   * The newest answer a token got that the history still keeps, or null. Cancelled targets
   * were never sent, so they are no answer.
   */
  lastResultFor(token: string): LastResult | null {
    const located = this.newest().get(token)
    return located ? answerOf(located.summary) : null
  }

  /**
   * Called with the last answers that leave the history when old files are deleted at rotation
   * (tokens with no newer entry kept), so their devices can keep them.
   */
  onAnswersRotatedOut(listener: (answers: ReadonlyMap<string, LastResult>) => void): void {
    this.rotatedOutListeners.push(listener)
  }

  get count(): number {
    return this.index.length
  }

  get(id: string): HistoryEntry | null {
    return this.getMany([id])[0] ?? null
  }

  /**
   * Several entries in the order asked (an export of thousands): each file is opened once rather
   * than once per entry. Entries no longer kept are left out.
   */
  getMany(ids: readonly string[]): HistoryEntry[] {
    // A fan-out's queued entries are written first, so they are read like the rest.
    if (this.pendingLocated.length > 0) this.flush()
    const out: HistoryEntry[] = []
    const open = new Map<string, number | null>()
    try {
      for (const id of ids) {
        const located = this.byId.get(id)
        if (!located) continue
        if (!open.has(located.file)) {
          const path = join(this.dir, located.file)
          open.set(located.file, existsSync(path) ? openSync(path, 'r') : null)
        }
        const fd = open.get(located.file)
        if (fd === null || fd === undefined) continue
        const buffer = Buffer.alloc(located.length)
        readSync(fd, buffer, 0, located.length, located.offset)
        const entry = parseHistoryLine(buffer.toString('utf8'))
        if (entry) out.push(entry)
      }
    } finally {
      for (const fd of open.values()) if (fd !== null) closeSync(fd)
    }
    return out
  }

  /** Writes what is queued, then closes the file (app quit). */
  close(): void {
    try {
      this.flush()
    } finally {
      this.closeDescriptor()
    }
  }

  private closeDescriptor(): void {
    const fd = this.fd
    this.fd = null
    if (fd !== null) closeSync(fd)
  }

  /** The index is kept oldest first, so appending is a push. */
  private remember(located: Located): void {
    this.index.push(located)
    this.byId.set(located.summary.id, located)
  }

  private newest(): Map<string, Located> {
    for (; this.newestUpTo < this.index.length; this.newestUpTo++) {
      const located = this.index[this.newestUpTo]!
      // Cancelled targets were never sent, so they are no answer.
      if (located.summary.outcome !== 'cancelled') this.newestByToken.set(located.summary.token, located)
    }
    return this.newestByToken
  }

  /** After entries leave the index (rare: a refused write, a deleted old file), each token's newest is found again. */
  private reindexNewest(): void {
    this.newestByToken = new Map()
    this.newestUpTo = 0
  }

  /** Drops entries from the index; they are the newest, so the scan stops once all are found. */
  private forget(doomed: Set<Located>): void {
    let left = doomed.size
    for (let i = this.index.length - 1; i >= 0 && left > 0; i--) {
      if (!doomed.has(this.index[i]!)) continue
      this.byId.delete(this.index[i]!.summary.id)
      this.index.splice(i, 1)
      left--
    }
    this.reindexNewest()
  }

  private descriptor(): number {
    if (this.fd === null) {
      this.fd = openSync(join(this.dir, CURRENT), 'a')
      this.size = fstatSync(this.fd).size
      // A torn last line has no newline; start the next entry on a line of its own.
      if (this.size > 0 && !endsWithNewline(join(this.dir, CURRENT), this.size)) {
        writeSync(this.fd, '\n')
        this.size++
      }
    }
    return this.fd
  }

  /** Only with nothing queued: the queued lines belong to the current file. */
  private rotate(): void {
    this.closeDescriptor()
    // Names sort by time; the counter keeps rotations in one millisecond apart and in order. It
    // only grows within a millisecond: a name freed by deleting an old file is never reused, or
    // a newer file could sort before an older one and be deleted first.
    const stamp = new Date().toISOString().replace(/[:.]/g, '-')
    this.rotationCounter = stamp === this.rotationStamp ? this.rotationCounter + 1 : 0
    this.rotationStamp = stamp
    let rotated = `history-${stamp}-${String(this.rotationCounter).padStart(4, '0')}.jsonl`
    while (existsSync(join(this.dir, rotated))) rotated = `history-${stamp}-${String(++this.rotationCounter).padStart(4, '0')}.jsonl`
    renameSync(join(this.dir, CURRENT), join(this.dir, rotated))
    for (const located of this.index) if (located.file === CURRENT) located.file = rotated
    this.size = 0
    const old = this.oldFiles()
    const doomed = new Set(old.slice(0, Math.max(0, old.length - this.keepOldFiles)))
    if (doomed.size === 0) return
    for (const file of doomed) unlinkSync(join(this.dir, file))
    // A token's newest answer in a deleted file means none of its answers is kept any more.
    const rotatedOut = new Map<string, LastResult>()
    for (const [token, located] of this.newest()) if (doomed.has(located.file)) rotatedOut.set(token, answerOf(located.summary)!)
    // One pass that keeps the rest in order (a splice per entry would be quadratic in a 100,000-entry history).
    let kept = 0
    for (const located of this.index) {
      if (doomed.has(located.file)) this.byId.delete(located.summary.id)
      else this.index[kept++] = located
    }
    this.index.length = kept
    this.reindexNewest()
    if (rotatedOut.size > 0) for (const listener of this.rotatedOutListeners) listener(rotatedOut)
  }

  /** Rotated files, oldest first (their names sort by time). */
  private oldFiles(): string[] {
    return readdirSync(this.dir).filter((f) => /^history-.+\.jsonl$/.test(f)).sort()
  }

  private load(file: string, interner: SummaryInterner): void {
    const path = join(this.dir, file)
    if (!existsSync(path)) return
    const size = statSync(path).size
    const fd = openSync(path, 'r')
    const chunk = Buffer.alloc(1024 * 1024)
    let carry = Buffer.alloc(0)
    let position = 0
    let skipped = 0
    // A last line without its newline is kept when it is a whole entry (a hand edit); one torn by
    // a crash is not valid JSON, so it is skipped and reported.
    const parseLine = (line: Buffer, offset: number) => {
      if (line.length === 0) return
      const entry = parseHistoryLine(line.toString('utf8'))
      if (entry) this.remember({ summary: interner.share(summarise(entry)), file, offset, length: line.length })
      else skipped++
    }
    try {
      for (;;) {
        const read = readSync(fd, chunk, 0, chunk.length, position)
        if (read === 0) break
        let data = Buffer.concat([carry, chunk.subarray(0, read)])
        let start = position - carry.length
        let newline: number
        while ((newline = data.indexOf(0x0a)) >= 0) {
          parseLine(data.subarray(0, newline), start)
          start += newline + 1
          data = data.subarray(newline + 1)
        }
        carry = Buffer.from(data)
        position += read
      }
      parseLine(carry, size - carry.length)
    } finally {
      closeSync(fd)
    }
    if (skipped > 0) {
      this.notices.push(`${skipped} damaged history entr${skipped === 1 ? 'y' : 'ies'} in ${file} (cut off by a crash, or not a history entry) ${skipped === 1 ? 'was' : 'were'} skipped; every other entry is intact.`)
    }
  }
}

/** A summary as a device's last answer; null for a cancelled target (never sent). */
function answerOf(summary: HistorySummary): LastResult | null {
  return summary.outcome === 'cancelled' ? null : { at: summary.at, outcome: summary.outcome, status: summary.status, reason: summary.reason }
}

function endsWithNewline(path: string, size: number): boolean {
  const fd = openSync(path, 'r')
  try {
    const last = Buffer.alloc(1)
    readSync(fd, last, 0, 1, size - 1)
    return last[0] === 0x0a
  } finally {
    closeSync(fd)
  }
}
