import { DEFAULT_GOAWAY_REASON, describeFaultKind, FAULT_STATUSES } from '../../../shared/emulator-faults'
import type { EmulatorFault } from '../../../shared/emulator-types'

/**
 * The faults the inbox offers for the next request: every status APNs can answer with (each
 * with Apple's default reason, named by the shared module), and the connection misbehaviours
 * worth rehearsing. Labels come from the same describeFaultKind that names armed faults, a few
 * shortened so the select stays narrow enough for the result column.
 */
export interface FaultPreset {
  id: string
  label: string
  fault: EmulatorFault | null
}

const STATUS_PRESETS: FaultPreset[] = FAULT_STATUSES.map((status) => {
  const fault: EmulatorFault = { kind: 'status', status }
  return { id: String(status), label: capitalised(describeFaultKind(fault)), fault }
})

const OTHER_FAULTS: { id: string; fault: EmulatorFault; label?: string }[] = [
  { id: '503-retry-after', fault: { kind: 'status', status: 503, retryAfterSeconds: 2 }, label: '503 + Retry-After 2 s' },
  { id: 'latency', fault: { kind: 'latency', ms: 2000 } },
  { id: 'hang', fault: { kind: 'hang' } },
  { id: 'goaway', fault: { kind: 'goaway' }, label: `GOAWAY ${DEFAULT_GOAWAY_REASON}` },
  { id: 'drop-connection', fault: { kind: 'drop-connection' } }
]

export const FAULT_PRESETS: FaultPreset[] = [
  { id: 'none', label: 'None', fault: null },
  ...STATUS_PRESETS,
  ...OTHER_FAULTS.map(({ id, fault, label }) => ({ id, fault, label: label ?? capitalised(describeFaultKind(fault)) }))
]

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

export function faultPreset(id: string): EmulatorFault | null {
  return FAULT_PRESETS.find((p) => p.id === id)?.fault ?? null
}
