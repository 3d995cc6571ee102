import { existsSync, renameSync } from 'node:fs'
import type { KeyValueFile } from '../ports'

export interface OpenedStore {
  store: KeyValueFile
  /** Set when the file could not be read and was moved aside; tell the user where it went. */
  recoveredTo: string | null
}

/**
 * Opens a store file; if it cannot be parsed, moves it aside with a timestamp (never overwrites
 * what the user saved) and opens a fresh one.
 */
export function openRecovering(open: () => KeyValueFile, filePath: string, now = new Date()): OpenedStore {
  try {
    return { store: open(), recoveredTo: null }
  } catch (error) {
    if (!existsSync(filePath)) throw error
    const stamp = now.toISOString().replace(/[:.]/g, '-')
    const aside = filePath.replace(/\.json$/, '') + `.unreadable-${stamp}.json`
    renameSync(filePath, aside)
    return { store: open(), recoveredTo: aside }
  }
}
