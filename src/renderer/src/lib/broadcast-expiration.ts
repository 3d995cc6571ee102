import type { StoragePolicy } from '../../../shared/channel-types'

/**
 * apns-expiration for a broadcast. APNs requires the header on every broadcast (node-apn omits
 * it unless told), and a No-Message-Stored channel (policy 0) accepts only 0.
 */
export const EXPIRATION_CHOICES = ['zero', 'hour', 'eight-hours'] as const
export type ExpirationChoice = (typeof EXPIRATION_CHOICES)[number]

export const EXPIRATION_LABELS: Record<ExpirationChoice, string> = {
  zero: '0 (now or never)',
  hour: 'Stored up to 1 hour',
  'eight-hours': 'Stored up to 8 hours'
}

export function broadcastExpiration(choice: ExpirationChoice, policy: StoragePolicy | null, nowMs: number): number {
  if (policy === 0 || choice === 'zero') return 0
  const seconds = choice === 'hour' ? 3600 : 8 * 3600
  return Math.floor(nowMs / 1000) + seconds
}

/** Whether the choice can be made at all: a policy 0 channel stores nothing. */
export function expirationAllowed(choice: ExpirationChoice, policy: StoragePolicy | null): boolean {
  return choice === 'zero' || policy !== 0
}
