import { create } from 'zustand'
import { isSimctlDevice } from '../../../shared/simulator'
import { useSimulators } from './simulators'
import { normaliseDeviceToken } from '../../../shared/device-token'
import type { SavedDevice } from '../../../shared/domain'
import type { Environment } from '../../../shared/environments'
import type { AppError } from '../../../shared/result'
import { api } from '../api'
import { useCompose } from './compose'
import { currentDiagnosis } from './diagnosis'
import { useRequiredFields } from './required-fields'
import { useTarget } from './target'

/** What "Save as device" would save: the name typed and compose's token, bundle ID and environment. */
interface SaveInput {
  name: string
  token: string
  bundleId: string
  environment: Environment
}

/**
 * A cache of main's saved devices, plus the "Save as device" name being typed. Which row is
 * selected is derived from compose's token (deviceForToken), never stored, so it cannot go stale.
 */
interface DevicesState {
  list: SavedDevice[]
  /** The list came from main at least once. */
  loaded: boolean
  loadError: AppError | null
  saveName: string
  saving: boolean
  /** Main's answer to the last save, with what was saved: it is shown only while those still hold. */
  saveError: { error: AppError; input: SaveInput } | null
  removeError: AppError | null

  refresh: () => Promise<void>
  use: (device: SavedDevice) => void
  setSaveName: (name: string) => void
  saveCurrent: () => Promise<void>
  remove: (id: string) => Promise<void>
}

export const useDevices = create<DevicesState>()((set, get) => ({
  list: [],
  loaded: false,
  loadError: null,
  saveName: '',
  saving: false,
  saveError: null,
  removeError: null,

  refresh: async () => {
    const result = await api.devices.list()
    if (result.ok) set({ list: result.value, loaded: true, loadError: null })
    else set({ loadError: result.error })
  },

  // A device is one token: compose switches to the one-token target to show it; a simulator
  // saved by UDID is shown as the simulator target.
  use: (device) => {
    if (isSimctlDevice(device)) {
      useTarget.getState().setMode('simulator')
      void useSimulators.getState().useSaved(device.token, device.bundleId)
      return
    }
    useTarget.getState().setMode('token')
    useCompose.getState().applyDevice(device)
  },

  setSaveName: (saveName) => set({ saveName }),

  saveCurrent: async () => {
    if (get().saving) return
    const input = currentSaveInput(get().saveName)
    // A token or bundle ID problem is already named under its field in compose: point there
    // (and make sure it shows) rather than repeat it here.
    const pointer = fieldToFixFirst()
    if (pointer) {
      useRequiredFields.getState().reveal(pointer.field)
      set({ saveError: { error: { code: 'device.fix-field-first', message: pointer.message }, input } })
      return
    }
    // Save the token as Pushdeck would send it (normalised).
    const normalised = normaliseDeviceToken(input.token)
    const token = normalised.ok ? normalised.token : input.token
    const name = input.name.trim() || defaultDeviceName(input.bundleId, token)
    set({ saving: true, saveError: null })
    const result = await api.devices.save({ name, token, bundleId: input.bundleId.trim(), environment: input.environment })
    if (!result.ok) {
      set({ saving: false, saveError: { error: result.error, input } })
      return
    }
    set({ saving: false, saveName: '' })
    await get().refresh()
  },

  remove: async (id) => {
    const result = await api.devices.remove({ id })
    if (!result.ok) {
      set({ removeError: result.error })
      return
    }
    set({ removeError: null })
    await get().refresh()
  }
}))

/** The compose field whose problem stops a save, with a pointer to it. */
function fieldToFixFirst(): { field: 'token' | 'topic'; message: string } | null {
  const findings = currentDiagnosis().findings.filter((f) => f.severity === 'error')
  if (findings.some((f) => f.field === 'token')) return { field: 'token', message: 'Fix the device token above first; its problem is named under it.' }
  // Without an override the topic is the bundle ID (plus a suffix), so a topic problem is the bundle ID's.
  if (useCompose.getState().topicOverride === null && findings.some((f) => f.id === 'topic.missing' || f.id === 'topic.malformed')) {
    return { field: 'topic', message: 'Fix the bundle ID above first; its problem is named under it.' }
  }
  return null
}

function currentSaveInput(name: string): SaveInput {
  const { deviceToken, bundleId, environment } = useCompose.getState()
  return { name, token: deviceToken, bundleId, environment }
}

/**
 * Keeps the list live: devices change outside this window's own calls too (an app registering
 * itself, a reported tap, a fan-out marking devices).
 */

/** The saved device with this token as it would be sent (normalised), if any. */
export function deviceForToken(list: SavedDevice[], rawToken: string): SavedDevice | null {
  const token = normaliseDeviceToken(rawToken)
  return token.ok ? (list.find((d) => d.token === token.token) ?? null) : null
}

/** The last save's error while name, token, bundle ID and environment are still what was saved. */
export function currentSaveError(saveError: DevicesState['saveError'], now: SaveInput): AppError | null {
  if (!saveError) return null
  const then = saveError.input
  const same = then.name === now.name && then.token === now.token && then.bundleId === now.bundleId && then.environment === now.environment
  return same ? saveError.error : null
}

/** A name that tells devices apart in the list when the user typed none. */
function defaultDeviceName(bundleId: string, token: string): string {
  const app = bundleId.trim().split('.').pop() || 'Device'
  return token ? `${app} · ${token.slice(0, 8)}` : app
}
