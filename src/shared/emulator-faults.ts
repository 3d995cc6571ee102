import type { EmulatorFault, FaultScope } from './emulator-types'

/**
 * The statuses a status fault can answer with, each with the reason APNs gives by default,
 * so QA can see how an app's flow handles every kind of answer without Apple.
 */
export const FAULT_STATUS_REASONS = {
  400: 'BadDeviceToken',
  403: 'InvalidProviderToken',
  410: 'Unregistered',
  413: 'PayloadTooLarge',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  503: 'ServiceUnavailable'
} as const
export type FaultStatus = keyof typeof FAULT_STATUS_REASONS
export const FAULT_STATUSES = Object.keys(FAULT_STATUS_REASONS).map(Number) as FaultStatus[]

/** Apple's GOAWAY reason when a server shuts down. */
export const DEFAULT_GOAWAY_REASON = 'Shutdown'

export function statusFaultReason(fault: Extract<EmulatorFault, { kind: 'status' }>): string {
  return fault.reason ?? FAULT_STATUS_REASONS[fault.status]
}

/** "503 ServiceUnavailable, retry-after 2 s" */
export function describeFaultKind(fault: EmulatorFault): string {
  switch (fault.kind) {
    case 'status': {
      const retry = fault.retryAfterSeconds === undefined ? '' : `, retry-after ${fault.retryAfterSeconds} s`
      return `${fault.status} ${statusFaultReason(fault)}${retry}`
    }
    case 'latency':
      return `latency ${fault.ms} ms`
    case 'hang':
      return 'hang, no answer'
    case 'goaway':
      return `GOAWAY ${fault.reason ?? DEFAULT_GOAWAY_REASON}`
    case 'drop-connection':
      return 'connection dropped'
  }
}

/** "503 ServiceUnavailable, retry-after 2 s (next request)" */
export function describeFault(scope: FaultScope, fault: EmulatorFault): string {
  const where = scope.scope === 'next' ? 'next device push' : `token ${scope.token.length > 12 ? `${scope.token.slice(0, 8)}…` : scope.token}`
  return `${describeFaultKind(fault)} (${where})`
}
