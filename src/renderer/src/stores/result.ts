import { create } from 'zustand'
import type { SendRequest, SendResult } from '../../../shared/domain'
import type { SimulatorSendResult } from '../../../shared/simulator'
import { simulatorRequest, simulatorSendBlocker } from '../lib/simulator-request'
import { otherAppleEnvironment } from '../../../shared/environments'
import type { AppError } from '../../../shared/result'
import type { TapInfo } from '../../../shared/tap-rate'
import { api } from '../api'
import { useCompose } from './compose'
import { deviceForToken, useDevices } from './devices'
import { currentDiagnosis, currentRequest } from './diagnosis'
import { useEmulatorInbox } from './emulator-inbox'
import { useRequiredFields } from './required-fields'
import { useFanout } from './fanout'
import { useHistory } from './history'
import { useSimulators } from './simulators'
import { GROUP_MODES, useTarget } from './target'
import { useTemplates } from './templates'

/** The last send: what APNs answered, or why the send did not happen. */
interface ResultState {
  sending: boolean
  result: SendResult | null
  /** What was asked for with the last send; SendResult does not echo the push type. */
  request: SendRequest | null
  /** The send itself failed (main refused the input, or a check main enforces blocked it). */
  error: AppError | null
  /** The app reported this push opened (POST /v1/opened), read from its history entry. */
  tap: TapInfo | null
  /** The last simulator send: what simctl said. Only one of result / simulatorResult is set. */
  simulatorResult: SimulatorSendResult | null

  send: () => Promise<void>
  /** Re-reads the shown send's history entry for a tap reported since. */
  refreshTap: () => Promise<void>
  /** After BadDeviceToken: switch sandbox <-> production and send the same push again. */
  retryInOtherEnvironment: () => Promise<void>
}

export const useResult = create<ResultState>()((set, get) => ({
  sending: false,
  result: null,
  request: null,
  error: null,
  tap: null,
  simulatorResult: null,

  send: async () => {
    // The button stays focusable (aria-disabled) while sending and while a finding blocks, so
    // this is the guard; it also stops fast repeats (double-click, Enter held down) that arrive
    // before React re-renders. Pressing Send turns empty required fields into errors.
    if (get().sending) return
    // A group target (tag expression, ticked devices, account) is sent as a fan-out.
    if (GROUP_MODES.has(useTarget.getState().mode)) return useFanout.getState().startFromCompose()
    // One send at a time: a running fan-out keeps the result column until it ends.
    if (useFanout.getState().running || useFanout.getState().starting) return
    useFanout.getState().hide()
    if (useTarget.getState().mode === 'simulator') return sendToSimulator(set)
    useRequiredFields.getState().revealAll()
    if (currentDiagnosis().blocked) return
    const request = currentRequest()
    set({ sending: true, result: null, error: null, simulatorResult: null, tap: null, request })
    const outcome = await api.push.send(request)
    set(outcome.ok ? { sending: false, result: outcome.value, error: null } : { sending: false, result: null, error: outcome.error })
    // Main keeps the answer on the saved device (and marks it unregistered on a 410): show it on its row.
    if (outcome.ok && deviceForToken(useDevices.getState().list, request.deviceToken)) await useDevices.getState().refresh()
    // What the emulator received is worth seeing next to its answer (and a fault was used up).
    if (request.environment === 'emulator') await useEmulatorInbox.getState().refresh()
    // Every send is a history entry: a history already shown reads it (one that was never opened reads everything when it opens).
    if (outcome.ok && useHistory.getState().loaded) void useHistory.getState().refresh()
  },

  refreshTap: async () => {
    const historyId = get().result?.historyId
    if (!historyId) return
    const entry = await api.history.get({ id: historyId })
    // Only if the same send is still shown.
    if (entry.ok && get().result?.historyId === historyId) set({ tap: entry.value.tap ?? null })
  },

  retryInOtherEnvironment: async () => {
    if (get().sending) return
    const last = get().result
    const other = last ? otherAppleEnvironment(last.environment) : null
    if (!other) return
    useCompose.getState().setEnvironment(other)
    await get().send()
  }
}))

/** simctl push to the picked simulator and app; main checks everything again and names what is wrong. */
async function sendToSimulator(set: (partial: Partial<ResultState>) => void): Promise<void> {
  const compose = useCompose.getState()
  const simulators = useSimulators.getState()
  const blocker = simulatorSendBlocker(simulatorReadiness())
  const udid = simulators.selectedUdid
  if (blocker || !udid) {
    set({ result: null, simulatorResult: null, tap: null, error: { code: 'simulator.not-ready', message: blocker ?? 'Pick a booted simulator.' } })
    return
  }
  const templateName = useTemplates.getState().list.find((t) => t.id === compose.templateId)?.name ?? null
  set({ sending: true, result: null, simulatorResult: null, tap: null, error: null, request: null })
  const outcome = await api.simulators.send(simulatorRequest(compose, udid, templateName))
  set(outcome.ok ? { sending: false, simulatorResult: outcome.value } : { sending: false, error: outcome.error })
  // A saved simulator keeps its last result, like a device.
  if (outcome.ok && useDevices.getState().list.some((d) => d.token === udid)) await useDevices.getState().refresh()
  // The list may have changed under the send (a simulator shut down): ask again now.
  if (!outcome.ok) await useSimulators.getState().refresh()
}

/** The inputs of simulatorSendBlocker, from the stores. */
export function simulatorReadiness() {
  const s = useSimulators.getState()
  const { bundleId, pushType } = useCompose.getState()
  return { availability: s.availability, selectedUdid: s.selectedUdid, bundleId, pushType, appsLoaded: s.appsFor === s.selectedUdid && s.appsError === null, installed: s.apps.some((a) => a.bundleId === bundleId.trim()) }
}

/** The environment a "Try …" button offers, when the answer suggests a sandbox/production mix-up. */
export function retryEnvironment(result: SendResult | null) {
  if (!result || result.outcome !== 'rejected' || result.reason !== 'BadDeviceToken') return null
  return otherAppleEnvironment(result.environment)
}
