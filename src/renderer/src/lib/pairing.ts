import { MAX_REGISTRATION_PORT, MIN_REGISTRATION_PORT, type RegistrationStatus } from '../../../shared/registration/types'

/**
 * The URL the snippet and QR code use: a LAN address when LAN access is on (a phone needs it),
 * else loopback (reachable from the iOS Simulator on this Mac only).
 */
export function pairingUrl(status: RegistrationStatus): string | null {
  return status.urls[0] ?? null
}

/** Why a typed port cannot be used, or null. */
export function portProblem(text: string): string | null {
  if (!/^\d+$/.test(text.trim())) return 'Enter a port number, such as 47800.'
  const port = Number(text)
  if (port < MIN_REGISTRATION_PORT || port > MAX_REGISTRATION_PORT) return `Use a port from ${MIN_REGISTRATION_PORT} to ${MAX_REGISTRATION_PORT}.`
  return null
}
