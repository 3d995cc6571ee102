import { create } from 'zustand'
import type { ImportOutcome, ImportPreview } from '../../../shared/library/bundle-types'
import type { AppError } from '../../../shared/result'
import { api } from '../api'
import { useAccounts } from './accounts'
import { useDevices } from './devices'
import { useTemplates } from './templates'

/**
 * Sharing the library as one file: export it, and import one in two steps (a preview of what
 * would change, with a choice per conflict; then the import and what it did).
 */
interface LibraryShareState {
  /** The import dialog; null while closed. */
  importing: { fileName: string; text: string; preview: ImportPreview; replace: ReadonlySet<string>; outcome: ImportOutcome | null } | null
  busy: boolean
  error: AppError | null

  exportLibrary: () => Promise<{ fileName: string; text: string } | null>
  pickFile: (file: File) => Promise<void>
  toggleReplace: (key: string, replace: boolean) => void
  apply: () => Promise<void>
  close: () => void
}

export const useLibraryShare = create<LibraryShareState>()((set, get) => ({
  importing: null,
  busy: false,
  error: null,

  exportLibrary: async () => {
    const result = await api.library.export()
    if (!result.ok) {
      set({ error: result.error })
      return null
    }
    set({ error: null })
    return result.value
  },

  pickFile: async (file) => {
    if (get().busy) return
    set({ busy: true, error: null })
    let text: string
    try {
      text = await file.text()
    } catch (error) {
      set({ busy: false, error: { code: 'library.unreadable', message: `${file.name} could not be read.`, hint: error instanceof Error ? error.message : String(error) } })
      return
    }
    const result = await api.library.previewImport({ text })
    if (!result.ok) {
      set({ busy: false, error: result.error })
      return
    }
    // Every conflict keeps ours unless the user ticks "replace with imported".
    set({ busy: false, importing: { fileName: file.name, text, preview: result.value, replace: new Set(), outcome: null } })
  },

  toggleReplace: (key, replace) => {
    const importing = get().importing
    if (!importing) return
    const next = new Set(importing.replace)
    if (replace) next.add(key)
    else next.delete(key)
    set({ importing: { ...importing, replace: next } })
  },

  apply: async () => {
    const importing = get().importing
    if (!importing || importing.outcome || get().busy) return
    set({ busy: true, error: null })
    const result = await api.library.applyImport({ text: importing.text, replace: [...importing.replace] })
    if (!result.ok) {
      set({ busy: false, error: result.error })
      return
    }
    set({ busy: false, importing: { ...importing, outcome: result.value } })
    await Promise.all([useDevices.getState().refresh(), useAccounts.getState().refresh(), useTemplates.getState().refresh()])
  },

  close: () => set({ importing: null, error: null })
}))
