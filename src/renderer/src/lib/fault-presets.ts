import type { EmulatorFault, FaultScope } from '../../../shared/emulator-types'

/** The faults the inbox offers for the next request: the APNs misbehaviours worth rehearsing. */
export const FAULT_PRESETS = [
  { id: 'none', label: 'None', fault: null },
  { id: '429', label: '429 TooManyRequests', fault: { kind: 'status', status: 429, reason: 'TooManyRequests' } },
  { id: '500', label: '500 InternalServerError', fault: { kind: 'status', status: 500, reason: 'InternalServerError' } },
  { id: '503', label: '503 ServiceUnavailable', fault: { kind: 'status', status: 503, reason: 'ServiceUnavailable' } },
  { id: '503-retry-after', label: '503 with Retry-After 2 s', fault: { kind: 'status', status: 503, reason: 'ServiceUnavailable', retryAfterSeconds: 2 } },
  { id: 'latency', label: 'Latency 2 s', fault: { kind: 'latency', ms: 2000 } },
  { id: 'hang', label: 'Hang (never answer)', fault: { kind: 'hang' } },
  { id: 'goaway', label: 'GOAWAY (server shutting down)', fault: { kind: 'goaway' } },
  { id: 'drop-connection', label: 'Drop the connection', fault: { kind: 'drop-connection' } }
] as const satisfies readonly { id: string; label: string; fault: EmulatorFault | null }[]

export type FaultPresetId = (typeof FAULT_PRESETS)[number]['id']

export function faultPreset(id: FaultPresetId): EmulatorFault | null {
  return FAULT_PRESETS.find((p) => p.id === id)?.fault ?? null
}

/** "503 ServiceUnavailable, Retry-After 2 s · next request" for the pending-faults line. */
export function describePendingFault(scope: FaultScope, fault: EmulatorFault): string {
  const where = scope.scope === 'next' ? 'next request' : `token ${scope.token.slice(0, 8)}…`
  return `${describeFault(fault)} · ${where}`
}

function describeFault(fault: EmulatorFault): string {
  switch (fault.kind) {
    case 'status':
      return `${fault.status}${fault.reason ? ` ${fault.reason}` : ''}${fault.retryAfterSeconds !== undefined ? `, Retry-After ${fault.retryAfterSeconds} s` : ''}`
    case 'latency':
      return `latency ${fault.ms} ms`
    case 'hang':
      return 'hang'
    case 'goaway':
      return `GOAWAY${fault.reason ? ` ${fault.reason}` : ''}`
    case 'drop-connection':
      return 'drop connection'
  }
}
