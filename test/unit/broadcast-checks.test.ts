import { describe, expect, it } from 'vitest'
import { checkBroadcastPayload } from '../../src/core/broadcast/channel-service'

const NOW_MS = Date.parse('2026-12-03T12:00:00Z')
const NOW = NOW_MS / 1000
const payloadText = '{"aps":{"event":"update","timestamp":{{now}},"content-state":{"minutesLeft":5}}}'
const warningsFor = (expirationSeconds: number) => {
  const checked = checkBroadcastPayload({ payloadText, expirationSeconds }, NOW_MS)
  if (!checked.ok) throw new Error(checked.error.message)
  return checked.value.warnings.map((w) => w.id)
}

describe('broadcast expiration', () => {
  it('0 and a time within the 8 hours a channel stores a broadcast pass quietly', () => {
    expect(warningsFor(0)).toEqual([])
    expect(warningsFor(NOW + 3600)).toEqual([])
    expect(warningsFor(NOW + 8 * 3600)).toEqual([])
  })

  it('a time already past, or beyond the 8 hours of storage, is named with what APNs will really do', () => {
    expect(warningsFor(5)).toEqual(['channels.expiration-past'])
    expect(warningsFor(NOW - 60)).toEqual(['channels.expiration-past'])
    expect(warningsFor(NOW + 365 * 86_400)).toEqual(['channels.expiration-beyond-storage'])
  })

  it('a negative or fractional expiration is refused', () => {
    for (const expirationSeconds of [-1, 1.5]) {
      const checked = checkBroadcastPayload({ payloadText, expirationSeconds }, NOW_MS)
      expect(!checked.ok && checked.error.code).toBe('channels.bad-expiration')
    }
  })
})
