import { create } from 'zustand'
import type { RequiredField } from '../lib/finding-presentation'

/**
 * Which required fields (credential, token, topic) may call their emptiness an error. Until the
 * user edits a field or presses Send, an empty one is a neutral "To send, add: …", not a red
 * error: a first launch should not open on a wall of errors about fields nobody touched yet.
 */
interface RequiredFieldsState {
  revealed: Record<RequiredField, boolean>
  /** The user edited this field (typed, cleared, picked). */
  reveal: (field: RequiredField) => void
  /** The user pressed Send: from now on every empty field is an error. */
  revealAll: () => void
}

export const useRequiredFields = create<RequiredFieldsState>()((set, get) => ({
  revealed: { credential: false, token: false, topic: false },
  reveal: (field) => {
    if (!get().revealed[field]) set((s) => ({ revealed: { ...s.revealed, [field]: true } }))
  },
  revealAll: () => set({ revealed: { credential: true, token: true, topic: true } })
}))
