import { create } from 'zustand'
import type { AppError } from '../../../shared/result'
import { DEFAULT_SETTINGS, type AppSettings, type SettingsPatch } from '../../../shared/settings'
import { api } from '../api'

/** A cache of main's settings and the Settings dialog; a change is saved (and applied) at once. */
interface SettingsState {
  values: AppSettings
  dialogOpen: boolean
  error: AppError | null
  /** "Saved" after a change main accepted, for the dialog's status line. */
  saved: boolean

  load: () => Promise<void>
  setDialogOpen: (open: boolean) => void
  update: (patch: SettingsPatch) => Promise<void>
}

export const useSettings = create<SettingsState>()((set, get) => ({
  values: DEFAULT_SETTINGS,
  dialogOpen: false,
  error: null,
  saved: false,

  load: async () => {
    const result = await api.settings.get()
    set(result.ok ? { values: result.value, error: null } : { error: result.error })
  },

  setDialogOpen: (dialogOpen) => set({ dialogOpen, error: null, saved: false }),

  // Shown at once (a radio button must not flick back while main saves), then main's answer
  // is taken; if main refuses, the previous values come back with its reason.
  update: async (patch) => {
    const before = get().values
    set({ values: { ...before, ...patch }, saved: false })
    const result = await api.settings.update(patch)
    set(result.ok ? { values: result.value, error: null, saved: true } : { values: before, error: result.error, saved: false })
  }
}))
