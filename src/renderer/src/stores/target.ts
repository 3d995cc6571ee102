import { create } from 'zustand'
import { parseTagExpression } from '../../../shared/library/tag-expression'
import type { AppError } from '../../../shared/result'
import { api } from '../api'
import { useDevices } from './devices'

/** One device token, a group of saved devices (tag expression, ticked devices, account), or a booted simulator (through xcrun simctl). */
export type TargetMode = 'token' | 'tags' | 'selection' | 'account' | 'simulator'

/** Modes that send to a group of saved devices (a fan-out). */
export const GROUP_MODES: ReadonlySet<TargetMode> = new Set(['tags', 'selection', 'account'])

/**
 * Compose's target: one token (the token field), or a group of saved devices sent as a fan-out:
 * a tag expression (previewed against the saved devices), the devices ticked in the devices
 * list, or an account's devices.
 */
interface TargetState {
  mode: TargetMode
  expression: string
  /** Main's answer for the expression as typed; null while empty, malformed or not yet answered. */
  matching: { expression: string; count: number; ids: string[] } | null
  error: AppError | null
  /** The account whose devices a fan-out goes to, in account mode. */
  accountId: string | null

  setMode: (mode: TargetMode) => void
  setExpression: (expression: string) => void
  setAccountId: (accountId: string | null) => void
  /** Asks main again (after the device list changed). */
  refreshMatching: () => Promise<void>
}

/** How many matching devices the preview names. */
export const PREVIEW_NAMES = 8

let sequence = 0

export const useTarget = create<TargetState>()((set, get) => ({
  mode: 'token',
  expression: '',
  matching: null,
  error: null,
  accountId: null,

  setMode: (mode) => {
    set({ mode })
    if (mode === 'tags') void get().refreshMatching()
  },

  setExpression: (expression) => {
    set({ expression })
    void get().refreshMatching()
  },

  setAccountId: (accountId) => set({ accountId }),

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
