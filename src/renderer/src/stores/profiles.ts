import { create } from 'zustand'
import type { CredentialProfile } from '../../../shared/domain'
import type { AppError } from '../../../shared/result'
import { api } from '../api'
import { useCompose } from './compose'
import { useCredentials } from './credentials'

/**
 * Credential profiles: a credential, a bundle ID and an environment under one name, switched in
 * one click from the top of compose. The active one is applied again at start.
 */
interface ProfilesState {
  list: CredentialProfile[]
  activeId: string | null
  menuOpen: boolean
  /** "Save current as profile": the label typed; null while that field is closed. */
  saveLabel: string | null
  error: AppError | null

  refresh: () => Promise<void>
  setMenuOpen: (open: boolean) => void
  choose: (id: string) => Promise<void>
  /** At start: compose takes the active profile's credential, app and environment. */
  applyActive: () => void
  setSaveLabel: (label: string | null) => void
  saveCurrent: () => Promise<void>
  remove: (id: string) => Promise<void>
}

function applyToCompose(profile: CredentialProfile): void {
  useCredentials.getState().select(profile.credentialId)
  const compose = useCompose.getState()
  compose.setBundleId(profile.bundleId)
  compose.setEnvironment(profile.environment)
}

export const useProfiles = create<ProfilesState>()((set, get) => ({
  list: [],
  activeId: null,
  menuOpen: false,
  saveLabel: null,
  error: null,

  refresh: async () => {
    const result = await api.profiles.list()
    set(result.ok ? { list: result.value.profiles, activeId: result.value.activeId } : { error: result.error })
  },

  setMenuOpen: (menuOpen) => {
    set({ menuOpen, saveLabel: menuOpen ? get().saveLabel : null, error: menuOpen ? get().error : null })
    // Removing a credential drops its profiles in main: the list is read again on opening.
    if (menuOpen) void get().refresh()
  },

  choose: async (id) => {
    const result = await api.profiles.activate({ id })
    if (!result.ok) {
      set({ error: result.error })
      return
    }
    if (result.value) applyToCompose(result.value)
    set({ activeId: id, menuOpen: false, error: null })
  },

  applyActive: () => {
    const profile = get().list.find((p) => p.id === get().activeId)
    if (profile && useCredentials.getState().list.some((c) => c.id === profile.credentialId)) applyToCompose(profile)
  },

  setSaveLabel: (saveLabel) => set({ saveLabel, error: null }),

  saveCurrent: async () => {
    const { bundleId, environment } = useCompose.getState()
    const credentialId = useCredentials.getState().selectedId
    if (!credentialId) {
      set({ error: { code: 'profile.no-credential', message: 'Pick a credential first: a profile sends with one.' } })
      return
    }
    const result = await api.profiles.save({ label: get().saveLabel ?? '', credentialId, bundleId, environment })
    if (!result.ok) {
      set({ error: result.error })
      return
    }
    await api.profiles.activate({ id: result.value.id })
    set({ saveLabel: null, error: null, menuOpen: false })
    await get().refresh()
  },

  remove: async (id) => {
    const result = await api.profiles.remove({ id })
    if (!result.ok) {
      set({ error: result.error })
      return
    }
    set({ error: null })
    await get().refresh()
  }
}))

/** The switcher's caption: the active profile, or what compose holds when none is. */
export function activeProfile(state: Pick<ProfilesState, 'list' | 'activeId'>): CredentialProfile | null {
  return state.list.find((p) => p.id === state.activeId) ?? null
}
