/**
 * What the emulator knows about device tokens: the stand-in for APNs' own token database, so
 * tests and the "try it" mode can produce BadDeviceToken, Unregistered, ExpiredToken and
 * DeviceTokenNotForTopic.
 */
export type DeviceState =
  /** topic: if set, pushes to another app's topic get 400 DeviceTokenNotForTopic. */
  | { state: 'active'; topic?: string }
  /** 410 Unregistered with "timestamp": since (epoch ms), as when the app was deleted. */
  | { state: 'unregistered'; since: number }
  /** 400 BadDeviceToken, e.g. a token from the other environment. */
  | { state: 'bad' }
  /** 410 ExpiredToken (no timestamp): the device token itself has expired. */
  | { state: 'expired' }

export interface DeviceRegistry {
  /** token: lowercase hex. */
  set(token: string, state: DeviceState): void
  get(token: string): DeviceState | undefined
  delete(token: string): void
}

/**
 * An in-memory registry. Tokens are compared case-insensitively: APNs tokens are hex, and a
 * caller registering "ABCD…" should match a push to "abcd…".
 */
export function createDeviceRegistry(): DeviceRegistry {
  const states = new Map<string, DeviceState>()
  return {
    set: (token, state) => void states.set(token.toLowerCase(), { ...state }),
    get: (token) => {
      const state = states.get(token.toLowerCase())
      return state && { ...state }
    },
    delete: (token) => void states.delete(token.toLowerCase())
  }
}
