import type { z } from 'zod'
import type { KeyValueFile } from '../ports'
import { StorageError } from './storage-error'

/** Upgrades a document written by an older Pushdeck by one schema version. */
export type Migration = (raw: unknown) => unknown

export interface DocumentOptions<T> {
  schema: z.ZodType<T>
  empty: () => T
  /** migrations[i] upgrades version i + 1 to i + 2; the current version is migrations.length + 1. */
  migrations?: Migration[]
  /** For lists: keeps the entries that are valid on their own. */
  salvage?: (raw: unknown) => T | null
  onInvalid?: (message: string) => void
  /** What the document is, in the user's words ("pairing endpoint settings"); the key otherwise. */
  label?: string
}

/**
 * One validated, schema-versioned document inside a store file. Content that fails the schema
 * is never thrown away: the raw value is kept under a backup key in the same file, the user is
 * told, and for lists every entry that still fits stays in use. An older version is migrated
 * on first read, with the original kept under a backup key. Reads are served from memory after
 * the first: only this process writes the file.
 */
export class StoredDocument<T> {
  private cached: { value: T } | null = null
  private readonly versionKey: string

  constructor(
    private readonly file: KeyValueFile,
    private readonly key: string,
    private readonly options: DocumentOptions<T>
  ) {
    this.versionKey = `${key}-schemaVersion`
  }

  get currentVersion(): number {
    return (this.options.migrations?.length ?? 0) + 1
  }

  read(): T {
    if (!this.cached) this.cached = { value: this.load() }
    return this.cached.value
  }

  write(value: T, extra: Record<string, unknown> = {}): void {
    try {
      // One set: each set reads and rewrites the whole file (10,000 saved devices after a fan-out).
      this.file.set({ ...extra, [this.key]: value, [this.versionKey]: this.currentVersion })
    } catch (error) {
      throw new StorageError(this.file.path, error)
    }
    this.cached = { value }
  }

  private load(): T {
    const stored = this.file.get(this.key)
    if (stored === undefined) return this.options.empty()
    const version = Number(this.file.get(this.versionKey) ?? 1)
    const raw = this.migrate(stored, version)
    const parsed = this.options.schema.safeParse(raw)
    if (parsed.success) {
      if (version !== this.currentVersion) this.write(parsed.data, { [`${this.key}-v${version}-backup`]: stored })
      return parsed.data
    }
    const backupKey = `${this.key}-unreadable-${Date.now()}`
    const kept = this.options.salvage?.(raw) ?? this.options.empty()
    this.write(kept, { [backupKey]: stored })
    const outcome = Array.isArray(kept) ? `${kept.length} entr${kept.length === 1 ? 'y that was' : 'ies that were'} still whole ${kept.length === 1 ? 'is' : 'are'} in use` : 'the defaults are in use until you change them'
    this.options.onInvalid?.(`Your saved ${this.options.label ?? this.key} in ${this.file.path} could not be read as saved, so ${outcome}. Nothing was deleted: the original is kept under "${backupKey}" in that file.`)
    return kept
  }

  private migrate(raw: unknown, version: number): unknown {
    let value = raw
    for (let v = version; v < this.currentVersion; v++) {
      try {
        value = this.options.migrations![v - 1]!(value)
      } catch {
        return value
      }
    }
    return value
  }
}

/** salvage for list documents: the entries that parse on their own. */
export function validEntries<T>(itemSchema: z.ZodType<T>): (raw: unknown) => T[] | null {
  return (raw) =>
    Array.isArray(raw)
      ? raw.flatMap((item) => {
          const parsed = itemSchema.safeParse(item)
          return parsed.success ? [parsed.data] : []
        })
      : null
}
