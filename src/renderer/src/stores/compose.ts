import { create } from 'zustand'
import type { FindingAction } from '../../../shared/diagnosis'
import type { SavedDevice } from '../../../shared/domain'
import type { Environment } from '../../../shared/environments'
import { replaceSmartQuotes } from '../../../shared/payload'
import { PRIORITIES, type Priority, type PushType } from '../../../shared/push-types'
import { DEFAULT_ALERT_PAYLOAD, DEFAULT_BACKGROUND_PAYLOAD } from './samples'

/**
 * The push being composed, exactly as typed. The token is kept raw: the shared diagnosis shows
 * what it normalises to, and main normalises and checks it again before sending.
 */
interface ComposeState {
  deviceToken: string
  bundleId: string
  environment: Environment
  pushType: PushType
  priority: Priority
  payloadText: string

  setDeviceToken: (value: string) => void
  setBundleId: (value: string) => void
  setEnvironment: (value: Environment) => void
  setPushType: (value: PushType) => void
  setPriority: (value: Priority) => void
  setPayloadText: (value: string) => void
  replaceSmartQuotes: () => void
  /** The one-click fixes that findings offer. */
  applyAction: (action: FindingAction) => void
  /** Fill token, bundle ID and environment from a saved device. */
  applyDevice: (device: SavedDevice) => void
}

export const useCompose = create<ComposeState>()((set, get) => ({
  deviceToken: '',
  bundleId: '',
  environment: 'sandbox',
  pushType: 'alert',
  priority: 10,
  payloadText: DEFAULT_ALERT_PAYLOAD,

  setDeviceToken: (deviceToken) => set({ deviceToken }),
  setBundleId: (bundleId) => set({ bundleId }),
  setEnvironment: (environment) => set({ environment }),
  setPriority: (priority) => set({ priority }),
  setPayloadText: (payloadText) => set({ payloadText }),

  setPushType: (pushType) => {
    const { payloadText, pushType: previous } = get()
    if (pushType === 'background') {
      // Apple requires priority 5 for background pushes; an untouched alert sample would only
      // earn warnings, so it becomes the minimal silent payload.
      set({ pushType, priority: 5, payloadText: payloadText === DEFAULT_ALERT_PAYLOAD ? DEFAULT_BACKGROUND_PAYLOAD : payloadText })
    } else if (previous === 'background' && pushType === 'alert' && payloadText === DEFAULT_BACKGROUND_PAYLOAD) {
      // The reverse trip, but only while the silent sample is untouched.
      set({ pushType, priority: 10, payloadText: DEFAULT_ALERT_PAYLOAD })
    } else {
      set({ pushType })
    }
  },

  replaceSmartQuotes: () => set({ payloadText: replaceSmartQuotes(get().payloadText) }),

  applyAction: (action) => {
    switch (action.kind) {
      case 'replace-smart-quotes':
        get().replaceSmartQuotes()
        return
      case 'use-token':
        if (action.value !== undefined) set({ deviceToken: action.value })
        return
      case 'set-priority': {
        const priority = PRIORITIES.find((p) => String(p) === action.value)
        if (priority !== undefined) set({ priority })
        return
      }
    }
  },

  applyDevice: (device) => set({ deviceToken: device.token, bundleId: device.bundleId, environment: device.environment })
}))
