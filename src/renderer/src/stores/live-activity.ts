import { useMemo } from 'react'
import { create } from 'zustand'
import { diagnose, type Diagnosis, type LiveActivityEvent } from '../../../shared/diagnosis'
import type { CredentialSummary, SendResult, SavedDevice } from '../../../shared/domain'
import type { Priority } from '../../../shared/push-types'
import type { AppError } from '../../../shared/result'
import { api } from '../api'
import { buildStepPayload, stepRequest, type SequenceFields, type StepFields } from '../lib/live-activity-steps'
import { useClock } from './clock'
import { useCompose } from './compose'
import { selectedCredential, useCredentials } from './credentials'
import { deviceForToken, useDevices } from './devices'

/**
 * The Live Activity screen: one activity's start → update → end, fired step by step. Start goes
 * to the push-to-start token; update and end go to the per-activity token iOS issues once the
 * activity runs. App, environment and credential are compose's, so both screens send alike.
 */

export interface StepRun {
  sending: boolean
  result: SendResult | null
  error: AppError | null
}

interface LiveActivityState extends SequenceFields {
  pushToStartToken: string
  activityToken: string
  priority: Priority
  steps: Record<LiveActivityEvent, StepFields>
  runs: Record<LiveActivityEvent, StepRun>

  setPushToStartToken: (value: string) => void
  setActivityToken: (value: string) => void
  setPriority: (value: Priority) => void
  setAttributesType: (value: string) => void
  setAttributes: (value: string) => void
  setRequestUpdateToken: (value: boolean) => void
  setStepField: (step: LiveActivityEvent, field: keyof StepFields, value: string) => void
  fire: (step: LiveActivityEvent) => Promise<void>
}

const idle: StepRun = { sending: false, result: null, error: null }
const step = (contentState: object, extra: Partial<StepFields> = {}): StepFields => ({
  contentState: JSON.stringify(contentState, null, 2), alertTitle: '', alertBody: '', dismissAfterMinutes: '', ...extra
})

export const useLiveActivity = create<LiveActivityState>()((set, get) => ({
  pushToStartToken: '',
  activityToken: '',
  priority: 10,
  attributesType: 'DeliveryAttributes',
  attributes: JSON.stringify({ orderId: 'A-1001' }, null, 2),
  requestUpdateToken: true,
  steps: {
    start: step({ status: 'ordered', minutesLeft: 30 }, { alertTitle: 'Order placed', alertBody: 'Tracking your delivery.' }),
    update: step({ status: 'on the way', minutesLeft: 10 }),
    end: step({ status: 'delivered', minutesLeft: 0 }, { dismissAfterMinutes: '15' })
  },
  runs: { start: idle, update: idle, end: idle },

  setPushToStartToken: (pushToStartToken) => set({ pushToStartToken }),
  setActivityToken: (activityToken) => set({ activityToken }),
  setPriority: (priority) => set({ priority }),
  setAttributesType: (attributesType) => set({ attributesType }),
  setAttributes: (attributes) => set({ attributes }),
  setRequestUpdateToken: (requestUpdateToken) => set({ requestUpdateToken }),
  setStepField: (which, field, value) => set((s) => ({ steps: { ...s.steps, [which]: { ...s.steps[which], [field]: value } } })),

  fire: async (which) => {
    if (get().runs[which].sending) return
    const check = checkStep(which, Date.now())
    const setRun = (run: StepRun) => set((s) => ({ runs: { ...s.runs, [which]: run } }))
    if (!check.payload.ok) {
      setRun({ sending: false, result: null, error: { code: 'liveactivity.payload', message: check.payload.problem } })
      return
    }
    // Main checks again and refuses with the first error; this only avoids a pointless round trip.
    const blocking = check.diagnosis?.findings.find((f) => f.severity === 'error')
    if (blocking) {
      setRun({ sending: false, result: null, error: { code: blocking.id, message: blocking.message, hint: blocking.fix } })
      return
    }
    setRun({ sending: true, result: null, error: null })
    const sent = await api.push.send(check.request!)
    setRun(sent.ok ? { sending: false, result: sent.value, error: null } : { sending: false, result: null, error: sent.error })
    if (sent.ok) void useDevices.getState().refresh()
  }
}))

/** Which token a step goes to: push-to-start for start, the activity's own token afterwards. */
export function tokenFor(which: LiveActivityEvent, state: Pick<LiveActivityState, 'pushToStartToken' | 'activityToken'>): string {
  return which === 'start' ? state.pushToStartToken : state.activityToken
}

export interface StepCheck {
  payload: ReturnType<typeof buildStepPayload>
  request: ReturnType<typeof stepRequest> | null
  diagnosis: Diagnosis | null
}

function check(which: LiveActivityEvent, state: LiveActivityState, compose: { bundleId: string; environment: ReturnType<typeof useCompose.getState>['environment'] }, credential: CredentialSummary | null, devices: SavedDevice[], nowMs: number): StepCheck {
  const payload = buildStepPayload(which, state.steps[which], state, nowMs)
  if (!payload.ok) return { payload, request: null, diagnosis: null }
  const token = tokenFor(which, state)
  const request = stepRequest(payload.text, { credentialId: credential?.id ?? '', bundleId: compose.bundleId, environment: compose.environment, priority: state.priority, token }, which)
  return { payload, request, diagnosis: diagnose(request, credential, { now: nowMs, savedDevice: deviceForToken(devices, token) }) }
}

/** For actions: the step as it would be sent now. */
export function checkStep(which: LiveActivityEvent, nowMs: number): StepCheck {
  return check(which, useLiveActivity.getState(), useCompose.getState(), selectedCredential(useCredentials.getState()), useDevices.getState().list, nowMs)
}

/** For components: the step's payload and findings, recomputed when an input changes. */
export function useStepCheck(which: LiveActivityEvent): StepCheck {
  const state = useLiveActivity()
  const bundleId = useCompose((s) => s.bundleId)
  const environment = useCompose((s) => s.environment)
  const credential = useCredentials((s) => selectedCredential(s))
  const devices = useDevices((s) => s.list)
  const now = useClock((s) => s.now)
  return useMemo(() => check(which, state, { bundleId, environment }, credential, devices, now), [which, state, bundleId, environment, credential, devices, now])
}

/** Saved push-to-start tokens: devices of kind "liveactivity" for this app (or any app when none is typed). */
export function pushToStartDevices(devices: SavedDevice[], bundleId: string): SavedDevice[] {
  const forApp = devices.filter((d) => d.kind === 'liveactivity' && (bundleId.trim() === '' || d.bundleId === bundleId.trim()))
  return forApp.sort((a, b) => a.name.localeCompare(b.name))
}
