import { create } from 'zustand'

export type LibraryView = 'devices' | 'templates' | 'accounts' | 'history'

/** Which library tab the sidebar shows; a store, so other features can bring one forward (a fan-out's "Show in history"). */
interface LibraryTabState {
  view: LibraryView
  show: (view: LibraryView) => void
}

export const useLibraryTab = create<LibraryTabState>()((set) => ({
  view: 'devices',
  show: (view) => set({ view })
}))
