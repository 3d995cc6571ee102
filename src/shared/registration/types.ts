/**
 * Device self-registration: a debug build of the user's app registers its token with Pushdeck
 * (as it would with a provider server) and reports taps. Shared between main and the pairing panel.
 */

/** Unlikely to clash with development servers (3000, 8080...); the user can change it. */
export const DEFAULT_REGISTRATION_PORT = 47800
export const MIN_REGISTRATION_PORT = 1024
export const MAX_REGISTRATION_PORT = 65535

/** The request bodies are a few hundred bytes; anything past this is refused unread (413). */
export const MAX_REGISTRATION_BODY_BYTES = 16 * 1024

/**
 * The payload key a tap report may quote instead of the apns-id: a top-level
 * `"notificationId"` the sender put in the payload (for pushes whose apns-id the app cannot see).
 */
export const NOTIFICATION_ID_PAYLOAD_KEY = 'notificationId'

/** What the app reports when the user tapped the notification itself rather than an action button. */
export const DEFAULT_TAP_ACTION = 'com.apple.UNNotificationDefaultActionIdentifier'

export interface RegistrationSettings {
  enabled: boolean
  port: number
  /** Listen on every interface (0.0.0.0) so a phone on the same network can reach it. */
  lan: boolean
}

export type RegistrationState = 'off' | 'listening' | 'error'

export interface RegistrationStatus {
  settings: RegistrationSettings
  state: RegistrationState
  /** Where the app should send its requests: loopback, or one per LAN address when LAN is on. */
  urls: string[]
  /** The port actually bound (differs from settings.port only when the settings say 0, in tests). */
  boundPort: number | null
  /** The pairing secret (sent as Authorization: Bearer). Null when the endpoint has never been enabled. */
  secret: string | null
  /** Why the endpoint is not listening although enabled, with the fix. */
  error: { message: string; hint: string } | null
}

export interface RegisterResponse {
  deviceId: string
  created: boolean
}

export interface OpenedResponse {
  recorded: boolean
  historyId: string | null
  deviceId: string | null
}
