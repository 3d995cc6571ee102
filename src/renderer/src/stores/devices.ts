import { create } from 'zustand'
import { normaliseDeviceToken } from '../../../shared/device-token'
import type { SavedDevice } from '../../../shared/domain'
import type { AppError } from '../../../shared/result'
import { api } from '../api'
import { useCompose } from './compose'

/** A cache of main's saved devices, plus the "Save as device" name being typed. */
interface DevicesState {
  list: SavedDevice[]
  /** The device last put into compose, to highlight its row. */
  activeId: string | null
  loadError: AppError | null
  saveName: string
  saving: boolean
  saveError: AppError | null
  removeError: AppError | null

  refresh: () => Promise<void>
  use: (device: SavedDevice) => void
  setSaveName: (name: string) => void
  saveCurrent: () => Promise<void>
  remove: (id: string) => Promise<void>
}

export const useDevices = create<DevicesState>()((set, get) => ({
  list: [],
  activeId: null,
  loadError: null,
  saveName: '',
  saving: false,
  saveError: null,
  removeError: null,

  refresh: async () => {
    const result = await api.devices.list()
    if (result.ok) set({ list: result.value, loadError: null })
    else set({ loadError: result.error })
  },

  use: (device) => {
    useCompose.getState().applyDevice(device)
    set({ activeId: device.id })
  },

  setSaveName: (saveName) => set({ saveName, saveError: null }),

  saveCurrent: async () => {
    if (get().saving) return
    const { deviceToken, bundleId, environment } = useCompose.getState()
    // Save the token Pushdeck would send (normalised) when it is valid; otherwise the raw text,
    // so main's answer names the problem.
    const normalised = normaliseDeviceToken(deviceToken)
    const token = normalised.ok ? normalised.token : deviceToken
    const name = get().saveName.trim() || defaultDeviceName(bundleId, token)
    set({ saving: true, saveError: null })
    const result = await api.devices.save({ name, token, bundleId: bundleId.trim(), environment })
    if (!result.ok) {
      set({ saving: false, saveError: result.error })
      return
    }
    set({ saving: false, saveName: '', activeId: result.value.id })
    await get().refresh()
  },

  remove: async (id) => {
    const result = await api.devices.remove({ id })
    if (!result.ok) {
      set({ removeError: result.error })
      return
    }
    set((s) => ({ removeError: null, activeId: s.activeId === id ? null : s.activeId }))
    await get().refresh()
  }
}))

/** A name that tells devices apart in the list when the user typed none. */
function defaultDeviceName(bundleId: string, token: string): string {
  const app = bundleId.trim().split('.').pop() || 'Device'
  return token ? `${app} · ${token.slice(0, 8)}` : app
}
