import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { summarise, type HistoryEntry, type HistorySummary } from '../../shared/history-types'

/**
 * The delivery history: an append-only JSON Lines file. Appending is O(1) whatever the history's
 * size, a crash can tear at most the last line (skipped and reported on the next start), and
 * the file rotates at a size cap, keeping a bounded number of older files.
 * Only summaries stay in memory; a full entry is read from its file when asked for.
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

export class HistoryStore {
  private readonly index: Located[] = []
  private readonly byId = new Map<string, Located>()
  private fd: number | null = null
  private size = 0
  private readonly maxFileBytes: number
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
    for (const file of [...this.oldFiles(), CURRENT]) this.load(file)
  }

  append(entry: HistoryEntry): void {
    const line = Buffer.from(JSON.stringify(entry) + '\n', 'utf8')
    if (this.size > 0 && this.size + line.length > this.maxFileBytes) this.rotate()
    const fd = this.descriptor()
    writeSync(fd, line)
    this.remember({ summary: summarise(entry), file: CURRENT, offset: this.size, length: line.length - 1 })
    this.size += line.length
  }

  /** Newest first. */
  summaries(): HistorySummary[] {
    const out: HistorySummary[] = new Array(this.index.length)
    for (let i = 0; i < this.index.length; i++) out[i] = this.index[this.index.length - 1 - i]!.summary
    return out
  }

  get count(): number {
    return this.index.length
  }

  get(id: string): HistoryEntry | null {
    const located = this.byId.get(id)
    if (!located) return null
    const path = join(this.dir, located.file)
    if (!existsSync(path)) return null
    const fd = openSync(path, 'r')
    try {
      const buffer = Buffer.alloc(located.length)
      readSync(fd, buffer, 0, located.length, located.offset)
      return JSON.parse(buffer.toString('utf8')) as HistoryEntry
    } finally {
      closeSync(fd)
    }
  }

  /**
   * Several entries in the order asked (an export of thousands): each file is opened once rather
   * than once per entry. Entries no longer kept are left out.
   */
  getMany(ids: readonly string[]): HistoryEntry[] {
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
        out.push(JSON.parse(buffer.toString('utf8')) as HistoryEntry)
      }
    } finally {
      for (const fd of open.values()) if (fd !== null) closeSync(fd)
    }
    return out
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd)
    this.fd = null
  }

  /** The index is kept oldest first, so appending is a push. */
  private remember(located: Located): void {
    this.index.push(located)
    this.byId.set(located.summary.id, located)
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

  private rotate(): void {
    this.close()
    // Names sort by time; the counter keeps two rotations in one millisecond apart.
    const stamp = new Date().toISOString().replace(/[:.]/g, '-')
    let rotated = `history-${stamp}-0000.jsonl`
    for (let n = 1; existsSync(join(this.dir, rotated)); n++) rotated = `history-${stamp}-${String(n).padStart(4, '0')}.jsonl`
    renameSync(join(this.dir, CURRENT), join(this.dir, rotated))
    for (const located of this.index) if (located.file === CURRENT) located.file = rotated
    this.size = 0
    const old = this.oldFiles()
    for (const doomed of old.slice(0, Math.max(0, old.length - this.keepOldFiles))) {
      unlinkSync(join(this.dir, doomed))
      for (let i = this.index.length - 1; i >= 0; i--) {
        if (this.index[i]!.file === doomed) {
          this.byId.delete(this.index[i]!.summary.id)
          this.index.splice(i, 1)
        }
      }
    }
  }

  /** Rotated files, oldest first (their names sort by time). */
  private oldFiles(): string[] {
    return readdirSync(this.dir).filter((f) => /^history-.+\.jsonl$/.test(f)).sort()
  }

  private load(file: string): void {
    const path = join(this.dir, file)
    if (!existsSync(path)) return
    const size = statSync(path).size
    const fd = openSync(path, 'r')
    const chunk = Buffer.alloc(1024 * 1024)
    let carry = Buffer.alloc(0)
    let position = 0
    let skipped = 0
    const parseLine = (line: Buffer, offset: number, complete: boolean) => {
      if (line.length === 0) return
      try {
        if (!complete) throw new Error('torn')
        const entry = JSON.parse(line.toString('utf8')) as HistoryEntry
        this.remember({ summary: summarise(entry), file, offset, length: line.length })
      } catch {
        skipped++
      }
    }
    try {
      for (;;) {
        const read = readSync(fd, chunk, 0, chunk.length, position)
        if (read === 0) break
        let data = Buffer.concat([carry, chunk.subarray(0, read)])
        let start = position - carry.length
        let newline: number
        while ((newline = data.indexOf(0x0a)) >= 0) {
          parseLine(data.subarray(0, newline), start, true)
          start += newline + 1
          data = data.subarray(newline + 1)
        }
        carry = Buffer.from(data)
        position += read
      }
      parseLine(carry, size - carry.length, false)
    } finally {
      closeSync(fd)
    }
    if (skipped > 0) {
      this.notices.push(`${skipped} damaged history entr${skipped === 1 ? 'y' : 'ies'} in ${file} (most likely cut off by a crash) ${skipped === 1 ? 'was' : 'were'} skipped; every other entry is intact.`)
    }
  }
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
