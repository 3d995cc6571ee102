import { create } from 'zustand'
import type { AppError } from '../../../shared/result'
import type { BootedSimulator, InstalledApp, SimulatorAvailability } from '../../../shared/simulator'
import { api } from '../api'
import { pickApp, pickSimulator, sameSimulators } from '../lib/simulator-choice'
import { useCompose } from './compose'
import { useDevices } from './devices'

/** How often the booted list is asked for while the simulator target is on screen; one short simctl call. */
export const SIMULATOR_POLL_MS = 3000

/**
 * The simulator target: booted simulators (main's answer, refreshed while shown), the apps of
 * the chosen one, and saving the pair as a device. Main owns the truth; this is its cache.
 */
interface SimulatorsState {
  /** null until main answered once. */
  availability: SimulatorAvailability | null
  simulators: BootedSimulator[]
  selectedUdid: string | null
  apps: InstalledApp[]
  appsFor: string | null
  appsError: AppError | null
  loadingApps: boolean
  saveName: string
  saving: boolean
  saveError: AppError | null
  saved: string | null
  /** A saved simulator was picked that is not booted: said once, above the list. */
  notice: AppError | null
  /** That saved simulator: selected when it boots. */
  pendingUdid: string | null

  refresh: () => Promise<void>
  select: (udid: string) => Promise<void>
  selectApp: (bundleId: string) => void
  refreshApps: () => Promise<void>
  /** Polls while the page is visible; returns the stop function for the component that shows the list. */
  watch: () => () => void
  setSaveName: (name: string) => void
  saveAsDevice: () => Promise<void>
  /** A saved simulator picked in the device list: show it as the target. */
  useSaved: (udid: string, bundleId: string) => Promise<void>
}

let refreshing: Promise<void> | null = null

export const useSimulators = create<SimulatorsState>()((set, get) => ({
  availability: null,
  simulators: [],
  selectedUdid: null,
  apps: [],
  appsFor: null,
  appsError: null,
  loadingApps: false,
  saveName: '',
  saving: false,
  saveError: null,
  saved: null,
  notice: null,
  pendingUdid: null,

  refresh: () => {
    // One call in flight at a time: a slow simctl must not pile up polls.
    refreshing ??= (async () => {
      const result = await api.simulators.list()
      const next: Pick<SimulatorsState, 'availability' | 'simulators'> = result.ok
        ? result.value
        : { availability: { usable: false, code: result.error.code, message: result.error.message, hint: result.error.hint ?? '' }, simulators: [] }
      const { simulators, availability, selectedUdid } = get()
      // Nothing changed: no new state, so nothing re-renders every few seconds.
      if (!sameSimulators(simulators, next.simulators) || JSON.stringify(availability) !== JSON.stringify(next.availability)) set(next)
      const { pendingUdid } = get()
      const pendingBooted = pendingUdid !== null && next.simulators.some((s) => s.udid === pendingUdid)
      const chosen = pickSimulator(next.simulators, pendingBooted ? pendingUdid : selectedUdid)
      if (pendingBooted) set({ pendingUdid: null, notice: null })
      if (chosen !== selectedUdid) set({ selectedUdid: chosen, apps: [], appsFor: null, appsError: null })
      if (chosen && get().appsFor !== chosen) await get().refreshApps()
    })().finally(() => {
      refreshing = null
    })
    return refreshing
  },

  select: async (udid) => {
    set({ selectedUdid: udid, apps: [], appsFor: null, appsError: null, saved: null, saveError: null, notice: null, pendingUdid: null })
    await get().refreshApps()
  },

  selectApp: (bundleId) => {
    // The app is the bundle ID compose sends to (and exports .apns files for).
    useCompose.getState().setBundleId(bundleId)
    set({ saved: null, saveError: null })
  },

  refreshApps: async () => {
    const udid = get().selectedUdid
    if (!udid) return
    set({ loadingApps: true })
    const result = await api.simulators.apps({ udid })
    if (get().selectedUdid !== udid) return // another simulator was picked meanwhile
    if (!result.ok) {
      set({ apps: [], appsFor: udid, appsError: result.error, loadingApps: false })
      return
    }
    set({ apps: result.value, appsFor: udid, appsError: null, loadingApps: false })
    const wanted = pickApp(result.value, useCompose.getState().bundleId)
    if (wanted && wanted !== useCompose.getState().bundleId) useCompose.getState().setBundleId(wanted)
  },

  watch: () => {
    void get().refresh()
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void get().refresh()
    }, SIMULATOR_POLL_MS)
    const onVisible = () => {
      if (document.visibilityState === 'visible') void get().refresh()
    }
    document.addEventListener('visibilitychange', onVisible)
    return () => {
      clearInterval(timer)
      document.removeEventListener('visibilitychange', onVisible)
    }
  },

  setSaveName: (saveName) => set({ saveName, saved: null }),

  saveAsDevice: async () => {
    const { selectedUdid, simulators, saveName, saving } = get()
    if (saving) return
    const bundleId = useCompose.getState().bundleId
    const simulator = simulators.find((s) => s.udid === selectedUdid)
    if (!simulator) {
      set({ saveError: { code: 'simulator.none-selected', message: 'Pick a booted simulator first.' } })
      return
    }
    set({ saving: true, saveError: null, saved: null })
    // Saved by UDID: main sends to it through simctl. Its environment is that of a simulator registered with APNs (sandbox).
    const result = await api.devices.save({ name: saveName.trim() || `${simulator.name} (${simulator.runtime})`, token: simulator.udid, bundleId, environment: 'sandbox', kind: 'simulator' })
    if (!result.ok) {
      set({ saving: false, saveError: result.error })
      return
    }
    set({ saving: false, saveName: '', saved: `Saved as “${result.value.name}”.` })
    await useDevices.getState().refresh()
  },

  useSaved: async (udid, bundleId) => {
    useCompose.getState().setBundleId(bundleId)
    set({ selectedUdid: udid, apps: [], appsFor: null, appsError: null, saved: null, saveError: null, notice: null, pendingUdid: udid })
    await get().refresh()
    if (get().selectedUdid !== udid) {
      const name = useDevices.getState().list.find((d) => d.token === udid)?.name
      set({ notice: { code: 'simulator.not-booted', message: `The saved simulator ${name ? `“${name}” (${udid})` : udid} is not booted.`, hint: `Boot it in Xcode or with “xcrun simctl boot ${udid}”; it is selected as soon as it boots.` } })
    }
  }
}))
