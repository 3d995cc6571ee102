import { create } from 'zustand'
import type { Account } from '../../../shared/domain'
import type { AppError } from '../../../shared/result'
import { api } from '../api'
import { useDevices } from './devices'

/**
 * Accounts of the app under test ("qa+ios@example.com"): a cache of main's list and the small
 * manager's edits. Removing one keeps its devices, without an account.
 */
interface AccountsState {
  list: Account[]
  loadError: AppError | null
  newName: string
  newNotes: string
  /** The account being renamed or annotated, with the text as edited. */
  editing: { id: string; name: string; notes: string } | null
  error: AppError | null

  refresh: () => Promise<void>
  setNewName: (value: string) => void
  setNewNotes: (value: string) => void
  add: () => Promise<void>
  /** Creates an account by name (the device editor's "New account"); returns it. */
  create: (name: string) => Promise<Account | null>
  startEdit: (account: Account) => void
  setEditName: (value: string) => void
  setEditNotes: (value: string) => void
  cancelEdit: () => void
  saveEdit: () => Promise<void>
  remove: (id: string) => Promise<void>
}

export const useAccounts = create<AccountsState>()((set, get) => ({
  list: [],
  loadError: null,
  newName: '',
  newNotes: '',
  editing: null,
  error: null,

  refresh: async () => {
    const result = await api.accounts.list()
    set(result.ok ? { list: result.value, loadError: null } : { loadError: result.error })
  },

  setNewName: (newName) => set({ newName, error: null }),
  setNewNotes: (newNotes) => set({ newNotes }),

  add: async () => {
    const result = await api.accounts.save({ name: get().newName, notes: get().newNotes })
    if (!result.ok) {
      set({ error: result.error })
      return
    }
    set({ newName: '', newNotes: '', error: null })
    await get().refresh()
  },

  create: async (name) => {
    const result = await api.accounts.save({ name })
    if (!result.ok) {
      set({ error: result.error })
      return null
    }
    await get().refresh()
    return result.value
  },

  startEdit: (account) => set({ editing: { id: account.id, name: account.name, notes: account.notes }, error: null }),
  setEditName: (name) => set((s) => (s.editing ? { editing: { ...s.editing, name } } : {})),
  setEditNotes: (notes) => set((s) => (s.editing ? { editing: { ...s.editing, notes } } : {})),
  cancelEdit: () => set({ editing: null, error: null }),

  saveEdit: async () => {
    const editing = get().editing
    if (!editing) return
    const result = await api.accounts.update(editing)
    if (!result.ok) {
      set({ error: result.error })
      return
    }
    set({ editing: null, error: null })
    await get().refresh()
  },

  remove: async (id) => {
    const result = await api.accounts.remove({ id })
    if (!result.ok) {
      set({ error: result.error })
      return
    }
    set({ error: null, editing: get().editing?.id === id ? null : get().editing })
    // Its devices stay, now without an account.
    await Promise.all([get().refresh(), useDevices.getState().refresh()])
  }
}))

export function accountName(list: readonly Account[], id: string | null): string | null {
  return id === null ? null : (list.find((a) => a.id === id)?.name ?? null)
}
