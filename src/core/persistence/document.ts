import type { z } from 'zod'
import type { KeyValueFile } from '../ports'
import { StorageError } from './storage-error'

/**
 * One validated document inside a store file. Content that fails the schema is never thrown
 * away: the raw value is kept under a backup key in the same file, the user is told, and for
 * lists every entry that still fits the schema stays in use.
 */
export class StoredDocument<T> {
  constructor(
    private readonly file: KeyValueFile,
    private readonly key: string,
    private readonly schema: z.ZodType<T>,
    private readonly empty: () => T,
    private readonly onInvalid: (message: string) => void = () => {},
    /** For lists: keeps the entries that are valid on their own. */
    private readonly salvage: (raw: unknown) => T | null = () => null
  ) {}

  read(): T {
    const raw = this.file.get(this.key)
    if (raw === undefined) return this.empty()
    const parsed = this.schema.safeParse(raw)
    if (parsed.success) return parsed.data
    const backupKey = `${this.key}-unreadable-${Date.now()}`
    const kept = this.salvage(raw) ?? this.empty()
    this.write(kept, backupKey, raw)
    const count = Array.isArray(kept) ? ` ${kept.length} entr${kept.length === 1 ? 'y was' : 'ies were'} kept;` : ''
    this.onInvalid(`Some saved ${this.key} in ${this.file.path} did not have the expected shape.${count} the original is kept under "${backupKey}" in that file.`)
    return kept
  }

  write(value: T, backupKey?: string, backup?: unknown): void {
    try {
      if (backupKey !== undefined) this.file.set(backupKey, backup)
      this.file.set(this.key, value)
    } catch (error) {
      throw new StorageError(this.file.path, error)
    }
  }
}

/** salvage for list documents: the entries that parse on their own. */
export function validEntries<T>(itemSchema: z.ZodType<T>): (raw: unknown) => T[] | null {
  return (raw) => (Array.isArray(raw) ? raw.flatMap((item) => {
    const parsed = itemSchema.safeParse(item)
    return parsed.success ? [parsed.data] : []
  }) : null)
}
