import { existsSync, readFileSync, renameSync, statSync } from 'node:fs'
import type { KeyValueFile } from '../ports'
import { MemoryKeyValueFile } from './memory-file'

export interface OpenedStore {
  store: KeyValueFile
  /** What the user should be told about this file, if anything. */
  notice: string | null
}

/**
 * Opens a store file. One that cannot be used (not JSON, not a JSON object, a folder in its
 * place) is moved aside with a timestamp, never overwritten, and a fresh one is opened. When
 * the folder cannot be written at all, the session runs from memory and says so.
 */
export function openRecovering(open: () => KeyValueFile, filePath: string, label: string, now = new Date()): OpenedStore {
  const problem = unusableBecause(filePath)
  if (problem) {
    const aside = filePath.replace(/\.json$/, '') + `.unreadable-${now.toISOString().replace(/[:.]/g, '-')}.json`
    try {
      renameSync(filePath, aside)
    } catch (error) {
      return inMemory(filePath, label, error)
    }
    const notice = `Your ${label} file could not be read (${problem}), so it was moved to ${aside} and a new one was started. Nothing was deleted.`
    return tryOpen(open, filePath, label, notice)
  }
  return tryOpen(open, filePath, label, null)
}

function tryOpen(open: () => KeyValueFile, filePath: string, label: string, notice: string | null): OpenedStore {
  try {
    return { store: open(), notice }
  } catch (error) {
    return inMemory(filePath, label, error)
  }
}

function inMemory(filePath: string, label: string, error: unknown): OpenedStore {
  const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message
  return {
    store: new MemoryKeyValueFile(filePath),
    notice: `Pushdeck cannot use ${filePath} (${code}), so your ${label} are kept only until Pushdeck quits. Check the permissions of that folder.`
  }
}

/** Why a store file cannot be opened as is, or null when it is fine (or absent). */
function unusableBecause(filePath: string): string | null {
  if (!existsSync(filePath)) return null
  try {
    if (statSync(filePath).isDirectory()) return 'a folder is in its place'
    const text = readFileSync(filePath, 'utf8').replace(/^\uFEFF/, '')
    if (text.trim() === '') return 'it is empty'
    const value: unknown = JSON.parse(text)
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'it is not a JSON object'
    return null
  } catch (error) {
    return error instanceof SyntaxError ? 'it is not valid JSON' : ((error as NodeJS.ErrnoException).code ?? 'it cannot be read')
  }
}
