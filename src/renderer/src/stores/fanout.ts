import { create } from 'zustand'
import type { FanoutProgressEvent, FanoutPush, FanoutTarget, FanoutTargetResult, FanoutTotals } from '../../../shared/fanout-types'
import { fail, type AppError, type Result } from '../../../shared/result'
import type { TapInfo } from '../../../shared/tap-rate'
import { api } from '../api'
import { groupBlocked } from '../lib/fanout-gate'
import { presentFindings } from '../lib/finding-presentation'
import { mergeResults } from '../lib/fanout-results'
import { useCompose } from './compose'
import { currentDiagnosis, currentRequest } from './diagnosis'
import { useDeviceView } from './device-view'
import { useRequiredFields } from './required-fields'
import { useTarget } from './target'

/**
 * The fan-out started from compose: its totals and per-device results as main streams them
 * (fanout:progress), and Cancel. When main says the run is finished, the table is replaced by
 * main's own snapshot, so it holds exactly one row per target even if an event was lost.
 */
interface FanoutState {
  runId: string | null
  starting: boolean
  running: boolean
  cancelling: boolean
  totals: FanoutTotals | null
  results: FanoutTargetResult[]
  error: AppError | null
  /** The result column shows the fan-out (until a single send replaces it). */
  shown: boolean
  /** Taps the app reported for this run's pushes, by apns-id (POST /v1/opened). */
  taps: Record<string, TapInfo>

  /** Sends compose's push to compose's group target; the shared checks gate it first. */
  startFromCompose: () => Promise<void>
  cancel: () => Promise<void>
  hide: () => void
  /** Reads which of the finished run's delivered pushes the app reported opened. */
  refreshTaps: () => Promise<void>
}

const EMPTY_TOTALS = (total: number): FanoutTotals => ({ total, done: 0, accepted: 0, rejected: 0, failed: 0, cancelled: 0, skipped: 0 })
/** Events for a run whose start has not answered yet (they can overtake the answer). */
let early: FanoutProgressEvent[] = []

export const useFanout = create<FanoutState>()((set, get) => ({
  runId: null,
  starting: false,
  running: false,
  cancelling: false,
  totals: null,
  results: [],
  error: null,
  shown: false,
  taps: {},

  startFromCompose: async () => {
    if (get().starting || get().running) return
    useRequiredFields.getState().revealAll()
    const compose = useCompose.getState()
    const presented = presentFindings(currentDiagnosis(), compose.deviceToken, useRequiredFields.getState().revealed)
    if (groupBlocked(presented)) return
    const target = composeTarget()
    if (!target.ok) {
      set({ error: target.error, shown: true, runId: null, totals: null, results: [], taps: {} })
      return
    }
    early = []
    set({ starting: true, error: null, shown: true, runId: null, totals: null, results: [], taps: {}, cancelling: false })
    const started = await api.fanout.start({ target: target.value, push: pushFromCompose() })
    if (!started.ok) {
      set({ starting: false, error: started.error })
      return
    }
    set({ starting: false, running: true, runId: started.value.runId, totals: EMPTY_TOTALS(started.value.total) })
    const waiting = early.filter((e) => e.runId === started.value.runId)
    early = []
    for (const event of waiting) applyProgress(event)
  },

  cancel: async () => {
    const { runId, running, cancelling } = get()
    if (!runId || !running || cancelling) return
    set({ cancelling: true })
    const outcome = await api.fanout.cancel({ runId })
    if (!outcome.ok) set({ cancelling: false, error: outcome.error })
  },

  hide: () => {
    if (!get().running && !get().starting) set({ shown: false })
  },

  refreshTaps: async () => {
    const { runId, running, shown, results } = get()
    if (!runId || running || !shown) return
    const apnsIds = results.flatMap((r) => (r.outcome === 'accepted' && r.apnsId ? [r.apnsId] : []))
    if (apnsIds.length === 0) return
    const taps = await api.history.taps({ apnsIds })
    if (taps.ok && get().runId === runId) set({ taps: taps.value })
  }
}))

function applyProgress(event: FanoutProgressEvent): void {
  const state = useFanout.getState()
  if (state.runId !== event.runId) {
    if (state.starting) early.push(event)
    return
  }
  useFanout.setState({ totals: event.totals, results: mergeResults(state.results, event.newResults) })
  if (event.finished) void settle(event.runId)
}

/** The run is over: main's snapshot is the record; the devices list and history change with it. */
async function settle(runId: string): Promise<void> {
  const snapshot = await api.fanout.status({ runId })
  if (useFanout.getState().runId !== runId) return
  useFanout.setState(snapshot.ok ? { running: false, cancelling: false, totals: snapshot.value.totals, results: snapshot.value.results } : { running: false, cancelling: false })
  await useFanout.getState().refreshTaps()
}

// Subscribed once, for the window's life; api.events subscribes to nothing without a bridge.
api.events['fanout:progress'](applyProgress)

function composeTarget(): Result<FanoutTarget> {
  const target = useTarget.getState()
  switch (target.mode) {
    case 'tags':
      return target.expression.trim() === '' ? fail('fanout.no-expression', 'Type a tag expression first.', 'For example: qa and not ipad') : { ok: true, value: { kind: 'tags', expression: target.expression } }
    case 'selection': {
      const ids = [...useDeviceView.getState().selected]
      return ids.length === 0 ? fail('fanout.no-selection', 'No devices are ticked.', 'Tick devices in the Devices list (Shift-click ticks a range), then send.') : { ok: true, value: { kind: 'devices', ids } }
    }
    case 'account':
      return target.accountId ? { ok: true, value: { kind: 'account', accountId: target.accountId } } : fail('fanout.no-account', 'No account is chosen.', 'Choose the account whose devices should get the push.')
    default:
      return fail('fanout.not-a-group', 'The target is one token, not a group.', 'Choose a group target.')
  }
}

/**
 * Compose's push without what each device brings itself (token, bundle ID and so its topic,
 * environment) or a fixed apns-id. A topic override is one app's: a group can span apps, and
 * compose hides the topic field for groups, so none is sent.
 */
function pushFromCompose(): FanoutPush {
  const { deviceToken: _token, environment: _environment, bundleId: _bundleId, apnsId: _apnsId, ...push } = currentRequest()
  return { ...push, topicOverride: null }
}
