import { create } from 'zustand'

/**
 * "Now" for the live diagnosis: certificate expiry and a past expiration date depend on it, so
 * it ticks, coarsely, to keep those findings from going stale while the window stays open.
 */
const TICK_MS = 30_000

export const useClock = create<{ now: number }>()(() => ({ now: Date.now() }))

export function startClock(): () => void {
  const timer = setInterval(() => useClock.setState({ now: Date.now() }), TICK_MS)
  return () => clearInterval(timer)
}
