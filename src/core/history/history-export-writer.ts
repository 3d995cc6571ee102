import { open, rename, rm } from 'node:fs/promises'
import type { HistoryEntry } from '../../shared/history-types'
import { historyExportEnd, historyExportPart, historyExportStart, type HistoryExportFormat } from './history-export'

/** Entries read and written per step: the window stays responsive and memory stays flat. */
const ENTRIES_PER_PART = 1000

/**
 * Writes the entries with these ids to path, a part at a time, into a file beside it that takes
 * the final name only once complete: a failed export never leaves half a file under the name
 * the user chose. Returns how many entries were written (entries no longer kept are left out).
 */
export async function writeHistoryExport(path: string, format: HistoryExportFormat, ids: readonly string[], read: (ids: readonly string[]) => HistoryEntry[]): Promise<number> {
  const partial = `${path}.pushdeck-partial`
  const file = await open(partial, 'w')
  let written = 0
  try {
    await file.write(historyExportStart(format))
    for (let start = 0; start < ids.length; start += ENTRIES_PER_PART) {
      const entries = read(ids.slice(start, start + ENTRIES_PER_PART))
      await file.write(historyExportPart(format, entries, written === 0))
      written += entries.length
    }
    await file.write(historyExportEnd(format, written > 0))
    await file.close()
    await rename(partial, path)
    return written
  } catch (error) {
    await file.close().catch(() => undefined)
    await rm(partial, { force: true })
    throw error
  }
}
