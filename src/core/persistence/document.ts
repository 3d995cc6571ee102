import type { z } from 'zod'
import type { KeyValueFile } from '../ports'

/**
 * One validated document inside a store file. Content that fails the schema is not used, and is
 * not overwritten until the user saves something new: the raw value is kept under a backup key.
 */
export class StoredDocument<T> {
  constructor(
    private readonly file: KeyValueFile,
    private readonly key: string,
    private readonly schema: z.ZodType<T>,
    private readonly empty: () => T,
    private readonly onInvalid: (message: string) => void = () => {}
  ) {}

  read(): T {
    const raw = this.file.get(this.key)
    if (raw === undefined) return this.empty()
    const parsed = this.schema.safeParse(raw)
    if (parsed.success) return parsed.data
    const backupKey = `${this.key}-unreadable-${Date.now()}`
    this.file.set(backupKey, raw)
    this.file.set(this.key, this.empty())
    this.onInvalid(`Saved ${this.key} in ${this.file.path} did not match the expected shape; the old value is kept under "${backupKey}" in that file.`)
    return this.empty()
  }

  write(value: T): void {
    this.file.set(this.key, value)
  }
}
