import { create } from 'zustand'

/**
 * A store action that ends somewhere else on screen (the demo banner closes after setting up)
 * asks for focus here; the field's component takes it. Stores never touch the DOM themselves.
 */
export type FocusTarget = 'device-token'

interface FocusRequestState {
  target: FocusTarget | null
  request: (target: FocusTarget) => void
  /** Called by the component once it has focused itself. */
  done: () => void
}

export const useFocusRequest = create<FocusRequestState>()((set) => ({
  target: null,
  request: (target) => set({ target }),
  done: () => set({ target: null })
}))
