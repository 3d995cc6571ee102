import { create } from 'zustand'
import type { AppError } from '../../../shared/result'
import { api } from '../api'
import { useCompose } from './compose'
import { useCredentials } from './credentials'
import { useDevices } from './devices'

/** The first-launch offer of a demo key and demo devices for the local emulator. */
interface DemoState {
  offered: boolean
  busy: boolean
  error: AppError | null
  loadStatus: () => Promise<void>
  setup: () => Promise<void>
  dismiss: () => Promise<void>
}

export const useDemo = create<DemoState>()((set, get) => ({
  offered: false,
  busy: false,
  error: null,

  loadStatus: async () => {
    const result = await api.demo.status()
    // If the status is unknown, say nothing: the offer is a convenience, not a requirement.
    set({ offered: result.ok && result.value.offered })
  },

  setup: async () => {
    if (get().busy) return
    set({ busy: true, error: null })
    const result = await api.demo.setup()
    if (!result.ok) {
      set({ busy: false, error: result.error })
      return
    }
    await Promise.all([useCredentials.getState().refresh(), useDevices.getState().refresh()])
    // Leave the user one click from a first send: demo key, first demo device, emulator.
    useCredentials.getState().select(result.value.credential.id)
    const first = result.value.devices[0]
    if (first) useDevices.getState().use(first)
    useCompose.getState().setEnvironment('emulator')
    set({ busy: false, offered: false })
  },

  dismiss: async () => {
    if (get().busy) return
    set({ busy: true, error: null })
    const result = await api.demo.dismiss()
    set(result.ok ? { busy: false, offered: false } : { busy: false, error: result.error })
  }
}))
