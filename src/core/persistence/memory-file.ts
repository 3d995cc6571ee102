import type { KeyValueFile } from '../ports'

/** Stands in for a store file the disk will not let us keep; the session works, nothing persists. */
export class MemoryKeyValueFile implements KeyValueFile {
  private readonly data = new Map<string, unknown>()

  constructor(readonly path: string) {}

  get(key: string): unknown {
    return structuredClone(this.data.get(key))
  }

  set(key: string, value: unknown): void
  set(values: Record<string, unknown>): void
  set(keyOrValues: string | Record<string, unknown>, value?: unknown): void {
    const values = typeof keyOrValues === 'string' ? { [keyOrValues]: value } : keyOrValues
    for (const [key, each] of Object.entries(values)) this.data.set(key, structuredClone(each))
  }
}
