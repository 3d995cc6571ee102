import type { Environment } from '../../../shared/environments'

/** Who answers a push: APNs, or for the emulator Pushdeck's stand-in (never to be taken for APNs). */
export function answererName(environment: Environment): string {
  return environment === 'emulator' ? 'the local emulator' : 'APNs'
}
