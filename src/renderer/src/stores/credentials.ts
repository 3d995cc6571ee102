import { create } from 'zustand'
import type { CredentialSummary } from '../../../shared/domain'
import type { AppError } from '../../../shared/result'
import { api } from '../api'
import { useRequiredFields } from './required-fields'

/** A cache of main's credential list (metadata only; key material never leaves main). */
interface CredentialsState {
  list: CredentialSummary[]
  selectedId: string | null
  /** The list came from main at least once (before that, empty means unknown). */
  loaded: boolean
  loadError: AppError | null
  removeError: AppError | null

  refresh: () => Promise<void>
  select: (id: string) => void
  remove: (id: string) => Promise<void>
}

export const useCredentials = create<CredentialsState>()((set, get) => ({
  list: [],
  selectedId: null,
  loaded: false,
  loadError: null,
  removeError: null,

  refresh: async () => {
    const result = await api.credentials.list()
    if (!result.ok) {
      set({ loadError: result.error })
      return
    }
    const list = result.value
    const { selectedId } = get()
    // Keep the user's choice while it still exists; otherwise fall back to the first credential.
    const stillThere = list.some((c) => c.id === selectedId)
    set({ list, loaded: true, loadError: null, selectedId: stillThere ? selectedId : (list[0]?.id ?? null) })
  },

  select: (selectedId) => {
    useRequiredFields.getState().reveal('credential')
    set({ selectedId, removeError: null })
  },

  remove: async (id) => {
    const result = await api.credentials.remove({ id })
    if (!result.ok) {
      set({ removeError: result.error })
      return
    }
    set({ removeError: null })
    await get().refresh()
  }
}))

export function selectedCredential(state: Pick<CredentialsState, 'list' | 'selectedId'>): CredentialSummary | null {
  return state.list.find((c) => c.id === state.selectedId) ?? null
}
