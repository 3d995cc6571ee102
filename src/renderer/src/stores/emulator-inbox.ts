import { create } from 'zustand'
import type { EmulatorFault, EmulatorRequest, FaultScope } from '../../../shared/emulator-types'
import type { AppError } from '../../../shared/result'
import { api } from '../api'
import { faultPreset } from '../lib/fault-presets'

/** What the local emulator received (newest first), and the faults armed for what comes next. */
interface EmulatorInboxState {
  running: boolean
  /** Newest first. */
  requests: EmulatorRequest[]
  faults: { scope: FaultScope; fault: EmulatorFault }[]
  loaded: boolean
  loading: boolean
  error: AppError | null
  faultPreset: string
  faultBusy: boolean
  faultError: AppError | null

  refresh: () => Promise<void>
  setFaultPreset: (id: string) => void
  armFault: () => Promise<void>
  clearFaults: () => Promise<void>
}

export const useEmulatorInbox = create<EmulatorInboxState>()((set, get) => ({
  running: false,
  requests: [],
  faults: [],
  loaded: false,
  loading: false,
  error: null,
  faultPreset: 'none',
  faultBusy: false,
  faultError: null,

  refresh: async () => {
    set({ loading: true })
    const result = await api.emulator.inbox()
    if (!result.ok) {
      set({ loading: false, error: result.error })
      return
    }
    const { running, requests, faults } = result.value
    set({ loading: false, loaded: true, error: null, running, faults, requests: [...requests].reverse() })
  },

  setFaultPreset: (faultPreset) => set({ faultPreset, faultError: null }),

  armFault: async () => {
    const fault = faultPreset(get().faultPreset)
    if (!fault || get().faultBusy) return
    set({ faultBusy: true, faultError: null })
    const result = await api.emulator.injectFault({ target: { scope: 'next' }, fault })
    set(result.ok ? { faultBusy: false, faultPreset: 'none' } : { faultBusy: false, faultError: result.error })
    await get().refresh()
  },

  clearFaults: async () => {
    if (get().faultBusy) return
    set({ faultBusy: true, faultError: null })
    const result = await api.emulator.clearFaults()
    set(result.ok ? { faultBusy: false } : { faultBusy: false, faultError: result.error })
    await get().refresh()
  }
}))
