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

export const useSettings = create<SettingsState>()((set) => ({
  values: DEFAULT_SETTINGS,
  dialogOpen: false,
  error: null,
  saved: false,

  load: async () => {
    const result = await api.settings.get()
    set(result.ok ? { values: result.value, error: null } : { error: result.error })
  },

  setDialogOpen: (dialogOpen) => set({ dialogOpen, error: null, saved: false }),

  update: async (patch) => {
    const result = await api.settings.update(patch)
    set(result.ok ? { values: result.value, error: null, saved: true } : { error: result.error, saved: false })
  }
}))
