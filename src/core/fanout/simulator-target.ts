import type { SavedDevice } from '../../shared/domain'
import type { FanoutPush, FanoutTargetResult } from '../../shared/fanout-types'
import type { Result } from '../../shared/result'
import type { SimulatorSendRequest, SimulatorSendResult } from '../../shared/simulator'
import type { SimulatorTargetInfo } from '../simulator/simulator-service'

/** What a fan-out needs from the simulator service: one simctl push, recorded in the history with the run. */
export interface SimulatorTargetSender {
  send(request: SimulatorSendRequest, target: SimulatorTargetInfo): Promise<Result<SimulatorSendResult>>
}

/**
 * A saved simulator in a fan-out: the same push through `xcrun simctl push`, with one result like
 * every other target. What stops the push before simctl runs (not macOS, not booted, app missing,
 * a push type simctl cannot deliver) makes the target skipped with that reason and its fix.
 */
export async function sendToSimulator(simulators: SimulatorTargetSender | null, runId: string, push: FanoutPush, device: SavedDevice): Promise<FanoutTargetResult> {
  const base = { deviceId: device.id, deviceName: device.name, token: device.token, environment: 'simulator', status: null, reason: null, apnsId: null, latencyMs: 0, historyId: null, otherSigner: null }
  if (!simulators) return { ...base, outcome: 'skipped', reason: 'simulator.unsupported', explanation: 'Simulator targets cannot be sent from here.' }
  const sent = await simulators.send(
    { udid: device.token, bundleId: device.bundleId, pushType: push.pushType, payloadText: push.payloadText, variables: push.variables, templateName: push.templateName },
    { deviceId: device.id, deviceName: device.name, tags: device.tags, runId }
  )
  if (!sent.ok) return { ...base, outcome: 'skipped', reason: sent.error.code, explanation: [sent.error.message, sent.error.hint].filter(Boolean).join(' ') }
  const r = sent.value
  return { ...base, outcome: r.outcome, reason: r.outcome === 'accepted' ? null : 'SimctlFailed', explanation: r.explanation, latencyMs: r.latencyMs, historyId: r.historyId }
}
