/**
 * apns-expiration as a user thinks of it. APNs wants UNIX seconds: 0 means one attempt and no
 * storage; omitted means APNs' own storage policy (up to 30 days).
 */
/** Limits the IPC schema enforces; the checker names them first, so the user never meets the schema's words. */
export const MAX_EXPIRATION_EPOCH_SECONDS = 4_102_444_800 // 2100-01-01
export const MAX_RELATIVE_EXPIRATION_SECONDS = 366 * 24 * 3600

export type Expiration =
  | { mode: 'none' }
  | { mode: 'immediate' }
  | { mode: 'at'; epochSeconds: number }
  | { mode: 'relative'; seconds: number }

/** The header value to send, or null for no header. Relative times count from the moment of sending. */
export function expirationHeaderValue(expiration: Expiration, nowMs: number): number | null {
  switch (expiration.mode) {
    case 'none':
      return null
    case 'immediate':
      return 0
    case 'at':
      return Math.floor(expiration.epochSeconds)
    case 'relative':
      return Math.floor(nowMs / 1000) + Math.floor(expiration.seconds)
  }
}
