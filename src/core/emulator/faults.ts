import { DEFAULT_GOAWAY_REASON, describeFault, FAULT_STATUS_REASONS, statusFaultReason } from '../../shared/emulator-faults'
import type { EmulatorFault, FaultScope } from '../../shared/emulator-types'

export { DEFAULT_GOAWAY_REASON, statusFaultReason }

/**
 * Fault injection (apns-reference.md §4.4): make the emulator misbehave on purpose, once for
 * the next request or for every request to one device token, so an app can be tested against
 * throttling, outages, hung streams, GOAWAY and dropped connections.
 */

/** The public face, as RunningEmulator.faults. */
export interface EmulatorFaults {
  /**
   * scope 'next': the next request, once (several queue up, first in first out).
   * scope 'token': every request to that device token until clear(); injecting again for the
   * same token replaces its fault. A pending 'next' fault is used before a token fault.
   * Throws RangeError for a fault the emulator cannot play (e.g. status 404, negative latency).
   */
  inject(scope: FaultScope, fault: EmulatorFault): void
  /** Forget every pending fault. */
  clear(): void
  /** What is still pending, in the order it was injected. */
  pending(): { scope: FaultScope; fault: EmulatorFault }[]
}

/** The fault chosen for one request, with the text the inbox shows for it. */
export interface ChosenFault {
  fault: EmulatorFault
  description: string
}

export interface FaultBook extends EmulatorFaults {
  /** The fault for a request to `deviceToken` (null when the path has none); consumes a 'next' fault. */
  take(deviceToken: string | null): ChosenFault | null
}


/** The longest delay a Node timer can hold (about 24.8 days). */
export const MAX_LATENCY_MS = 2 ** 31 - 1


interface Entry {
  scope: FaultScope
  fault: EmulatorFault
}

export function createFaultBook(): FaultBook {
  let entries: Entry[] = []
  return {
    inject(scope, fault) {
      const entry = { scope: checkedScope(scope), fault: checkedFault(fault) }
      if (entry.scope.scope === 'token') {
        const token = entry.scope.token
        entries = entries.filter((e) => !(e.scope.scope === 'token' && e.scope.token === token))
      }
      entries.push(entry)
    },
    clear() {
      entries = []
    },
    pending: () => entries.map((e) => ({ scope: { ...e.scope }, fault: { ...e.fault } })),
    take(deviceToken) {
      const nextIndex = entries.findIndex((e) => e.scope.scope === 'next')
      if (nextIndex >= 0) {
        const [entry] = entries.splice(nextIndex, 1)
        return choose(entry)
      }
      if (deviceToken === null) return null
      const token = deviceToken.toLowerCase()
      const entry = entries.find((e) => e.scope.scope === 'token' && e.scope.token === token)
      return entry ? choose(entry) : null
    }
  }
}

function choose(entry: Entry): ChosenFault {
  return { fault: { ...entry.fault }, description: describeFault(entry.scope, entry.fault) }
}


function checkedScope(scope: FaultScope): FaultScope {
  if (scope.scope === 'next') return { scope: 'next' }
  if (scope.scope === 'token') {
    const token = typeof scope.token === 'string' ? scope.token.trim().toLowerCase() : ''
    if (token === '') throw new RangeError('A token fault needs the device token it applies to.')
    return { scope: 'token', token }
  }
  throw new RangeError(`Unknown fault scope ${JSON.stringify((scope as { scope?: unknown }).scope)}.`)
}

function checkedFault(fault: EmulatorFault): EmulatorFault {
  switch (fault.kind) {
    case 'status': {
      if (!(fault.status in FAULT_STATUS_REASONS)) throw new RangeError(`A status fault answers one of ${Object.keys(FAULT_STATUS_REASONS).join(', ')}, not ${String(fault.status)}.`)
      if (fault.reason !== undefined && (typeof fault.reason !== 'string' || fault.reason.trim() === '')) {
        throw new RangeError('A status fault reason must be a non-empty string.')
      }
      const retry = fault.retryAfterSeconds
      if (retry !== undefined && !(Number.isInteger(retry) && retry >= 0)) {
        throw new RangeError(`retry-after must be a whole number of seconds, not ${String(retry)}.`)
      }
      return { ...fault }
    }
    case 'latency':
      if (!(Number.isFinite(fault.ms) && fault.ms >= 0 && fault.ms <= MAX_LATENCY_MS)) {
        throw new RangeError(`Latency must be between 0 and ${MAX_LATENCY_MS} ms, not ${String(fault.ms)}.`)
      }
      return { ...fault }
    case 'goaway':
      if (fault.reason !== undefined && (typeof fault.reason !== 'string' || fault.reason.trim() === '')) {
        throw new RangeError('A GOAWAY reason must be a non-empty string.')
      }
      return { ...fault }
    case 'hang':
    case 'drop-connection':
      return { ...fault }
    default:
      throw new RangeError(`Unknown fault kind ${JSON.stringify((fault as { kind?: unknown }).kind)}.`)
  }
}
