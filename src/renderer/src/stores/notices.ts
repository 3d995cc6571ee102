import { create } from 'zustand'
import { api } from '../api'

/** Things main wants the user to know at start-up (e.g. a store file that was moved aside). */
interface NoticesState {
  notices: string[]
  load: () => Promise<void>
  dismiss: (index: number) => void
  dismissAll: () => void
}

export const useNotices = create<NoticesState>()((set) => ({
  notices: [],
  load: async () => {
    const result = await api.app.notices()
    // A failure here is itself worth telling, in the same bar.
    set({ notices: result.ok ? result.value : [`Could not load start-up notices: ${result.error.message}`] })
  },
  dismiss: (index) => set((s) => ({ notices: s.notices.filter((_, i) => i !== index) })),
  dismissAll: () => set({ notices: [] })
}))
