import type { SendRequest } from './domain'

/** Who a fan-out goes to. Every device keeps its own environment and bundle ID. */
export type FanoutTarget = { kind: 'devices'; ids: string[] } | { kind: 'tags'; expression: string } | { kind: 'account'; accountId: string }

/** The push to send to every target: a send request without the per-device parts. */
export type FanoutPush = Omit<SendRequest, 'deviceToken' | 'environment' | 'bundleId' | 'apnsId'>

export interface FanoutRequest {
  target: FanoutTarget
  push: FanoutPush
}

export type FanoutOutcome = 'accepted' | 'rejected' | 'failed' | 'cancelled' | 'skipped'

/** Exactly one per target, whatever happens to the send. */
export interface FanoutTargetResult {
  deviceId: string
  deviceName: string
  token: string
  environment: string
  outcome: FanoutOutcome
  status: number | null
  reason: string | null
  explanation: string
  apnsId: string | null
  latencyMs: number
  historyId: string | null
  /**
   * The label of the credential that signed it when that was not the one chosen in compose (a
   * group of several apps can need a certificate per app); null otherwise.
   */
  otherSigner: string | null
}

export interface FanoutTotals {
  total: number
  done: number
  accepted: number
  rejected: number
  failed: number
  cancelled: number
  skipped: number
}

export interface FanoutSnapshot {
  runId: string
  startedAt: string
  finishedAt: string | null
  cancelRequested: boolean
  totals: FanoutTotals
  results: FanoutTargetResult[]
}

/** Pushed from main while a fan-out runs: only what is new since the last event. */
export interface FanoutProgressEvent {
  runId: string
  totals: FanoutTotals
  newResults: FanoutTargetResult[]
  finished: boolean
}
