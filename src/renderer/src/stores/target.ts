import { create } from 'zustand'
import { parseTagExpression } from '../../../shared/library/tag-expression'
import type { AppError } from '../../../shared/result'
import { api } from '../api'
import { useDevices } from './devices'

/** One device token, the devices a tag expression picks, or a booted simulator (through xcrun simctl). */
export type TargetMode = 'token' | 'tags' | 'simulator'

/**
 * Compose's target: one token (the token field), or a tag expression previewed against the saved
 * devices. Sending to a group arrives with fan-out; until then tag mode only previews, and Send
 * explains that instead of sending.
 */
interface TargetState {
  mode: TargetMode
  expression: string
  /** Main's answer for the expression as typed; null while empty, malformed or not yet answered. */
  matching: { expression: string; count: number; ids: string[] } | null
  error: AppError | null

  setMode: (mode: TargetMode) => void
  setExpression: (expression: string) => void
  /** Asks main again (after the device list changed). */
  refreshMatching: () => Promise<void>
}

export const GROUP_SEND_EXPLANATION = 'Sending to a group arrives with fan-out; pick one device to send now.'

/** How many matching devices the preview names. */
export const PREVIEW_NAMES = 8

let sequence = 0

export const useTarget = create<TargetState>()((set, get) => ({
  mode: 'token',
  expression: '',
  matching: null,
  error: null,

  setMode: (mode) => {
    set({ mode })
    if (mode === 'tags') void get().refreshMatching()
  },

  setExpression: (expression) => {
    set({ expression })
    void get().refreshMatching()
  },

  refreshMatching: async () => {
    const { expression } = get()
    const mine = ++sequence
    // A malformed expression is named locally (with its position) as it is typed: no round trip.
    if (expression.trim() === '' || !parseTagExpression(expression).ok) {
      set({ matching: null, error: null })
      return
    }
    const result = await api.devices.matching({ expression })
    if (mine !== sequence) return // a later keystroke asked again
    set(result.ok ? { matching: { expression, ...result.value }, error: null } : { matching: null, error: result.error })
    // The preview names devices from the local list: read it again if main knows some it lacks.
    const known = new Set(useDevices.getState().list.map((d) => d.id))
    if (result.ok && result.value.ids.slice(0, PREVIEW_NAMES).some((id) => !known.has(id))) await useDevices.getState().refresh()
  }
}))

/** The parse problem of the expression as typed, for the field; null when empty or fine. */
export function expressionProblem(expression: string): { message: string; position: number } | null {
  if (expression.trim() === '') return null
  const parsed = parseTagExpression(expression)
  return parsed.ok ? null : { message: parsed.message, position: parsed.position }
}
