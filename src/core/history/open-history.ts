import { existsSync, mkdtempSync, renameSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HistoryStore } from './history-store'
import { TapStore } from './tap-store'

export interface OpenedHistory {
  history: HistoryStore
  taps: TapStore
  /** What the user should be told: damaged lines, a path moved aside, a history kept in a temporary folder. */
  notices: string[]
}

/**
 * Opens the history folder so that the app always starts: a file where the folder should be, or
 * a folder where a log file should be, is moved aside (never deleted) and a new one started; a
 * folder that still cannot be used (permissions) gives a history in a temporary folder, kept
 * until Pushdeck quits, and says so.
 */
export function openHistory(dataDir: string, now = new Date()): OpenedHistory {
  const dir = join(dataDir, 'history')
  const notices: string[] = []
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  const moveAside = (path: string, shouldBeFolder: boolean) => {
    if (!existsSync(path) || statSync(path).isDirectory() === shouldBeFolder) return
    const aside = `${path}.unreadable-${stamp}`
    renameSync(path, aside)
    notices.push(`${path} was a ${shouldBeFolder ? 'file' : 'folder'} where Pushdeck keeps its ${shouldBeFolder ? 'history folder' : 'history log'}, so it was moved to ${aside} and a new one was started. Nothing was deleted.`)
  }
  try {
    moveAside(dir, true)
    for (const file of ['history.jsonl', 'taps.jsonl']) moveAside(join(dir, file), false)
    return withNotices(new HistoryStore(dir), new TapStore(dir), notices)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message
    const temporary = mkdtempSync(join(tmpdir(), 'pushdeck-history-'))
    notices.push(`Pushdeck cannot use ${dir} (${code}), so this session's history is kept in ${temporary} until Pushdeck quits. Check the permissions of that folder.`)
    return withNotices(new HistoryStore(temporary), new TapStore(temporary), notices)
  }
}

function withNotices(history: HistoryStore, taps: TapStore, notices: string[]): OpenedHistory {
  return { history, taps, notices: [...notices, ...history.notices, ...taps.notices] }
}
