import { create } from 'zustand'
import type { AppError } from '../../../shared/result'
import { api } from '../api'
import { useCompose } from './compose'
import { useCredentials } from './credentials'
import { useDevices } from './devices'
import { useFocusRequest } from './focus-request'

/**
 * The demo: a demo key and demo devices for the local emulator. Main offers it at first launch
 * (the banner, while there are no credentials at all); setup works any time (the link).
 */
interface DemoState {
  offered: boolean
  /** Main has said whether it offers the demo. */
  statusLoaded: boolean
  busy: boolean
  error: AppError | null
  loadStatus: () => Promise<void>
  setup: () => Promise<void>
  dismiss: () => Promise<void>
}

export const useDemo = create<DemoState>()((set, get) => ({
  offered: false,
  statusLoaded: false,
  busy: false,
  error: null,

  loadStatus: async () => {
    const result = await api.demo.status()
    // If the status is unknown, say nothing: the offer is a convenience, not a requirement.
    set({ offered: result.ok && result.value.offered, statusLoaded: true })
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
    // The banner (or link) that had focus is gone; the token field is where the next step is.
    useFocusRequest.getState().request('device-token')
  },

  dismiss: async () => {
    if (get().busy) return
    set({ busy: true, error: null })
    const result = await api.demo.dismiss()
    set(result.ok ? { busy: false, offered: false } : { busy: false, error: result.error })
  }
}))

/** The first-launch banner: offered by main, and only while there are no credentials at all. */
export function useDemoBannerShown(): boolean {
  const offered = useDemo((s) => s.offered)
  const noCredentials = useCredentials((s) => s.list.length === 0)
  return offered && noCredentials
}

/** The small "Set up the demo" link: whenever the banner is not up and no demo credential exists. */
export function useDemoLinkShown(): boolean {
  const bannerShown = useDemoBannerShown()
  const hasDemo = useCredentials((s) => s.list.some((c) => c.demo))
  const credentialsLoaded = useCredentials((s) => s.loaded)
  const statusLoaded = useDemo((s) => s.statusLoaded)
  return credentialsLoaded && statusLoaded && !bannerShown && !hasDemo
}
