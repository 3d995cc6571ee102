import { create } from 'zustand'
import type { SwitcherItem } from '../lib/switcher-items'
import { useDevices } from './devices'
import { useProfiles } from './profiles'
import { useTemplates } from './templates'

/**
 * The quick switcher (⌘K): a query, the highlighted result, and what picking does. A device
 * fills compose's target, a template loads into compose, a profile becomes the active one.
 */
interface QuickSwitcherState {
  open: boolean
  query: string
  /** Index of the highlighted result. */
  active: number

  show: () => void
  close: () => void
  setQuery: (query: string) => void
  /** Arrow keys: moves the highlight, wrapping around a list of `count` results. */
  move: (delta: number, count: number) => void
  pick: (item: SwitcherItem) => Promise<void>
}

export const useQuickSwitcher = create<QuickSwitcherState>()((set) => ({
  open: false,
  query: '',
  active: 0,

  show: () => {
    set({ open: true, query: '', active: 0 })
    // Removing a credential drops its profiles in main: read them again, as the profile menu does.
    void useProfiles.getState().refresh()
  },
  close: () => set({ open: false }),
  setQuery: (query) => set({ query, active: 0 }),
  move: (delta, count) => set((s) => ({ active: count === 0 ? 0 : (s.active + delta + count) % count })),

  pick: async (item) => {
    set({ open: false })
    if (item.kind === 'device') {
      const device = useDevices.getState().list.find((d) => d.id === item.id)
      if (device) useDevices.getState().use(device)
    } else if (item.kind === 'template') {
      const template = useTemplates.getState().list.find((t) => t.id === item.id)
      if (template) useTemplates.getState().load(template)
    } else {
      await useProfiles.getState().choose(item.id)
    }
  }
}))
