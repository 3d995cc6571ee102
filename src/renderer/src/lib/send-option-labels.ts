import type { Environment } from '../../../shared/environments'
import type { Priority } from '../../../shared/push-types'

/**
 * Short option labels, so the selects show them whole in a narrow window; what each choice
 * means is a note under the controls.
 */
export const ENVIRONMENT_OPTION_LABELS: Record<Environment, string> = {
  sandbox: 'Sandbox',
  production: 'Production',
  emulator: 'Local emulator'
}

export const ENVIRONMENT_NOTES: Record<Environment, string> = {
  sandbox: 'Sandbox: apps built and run from Xcode (development).',
  production: 'Production: TestFlight and App Store builds.',
  emulator: 'Local emulator: Pushdeck’s own APNs stand-in on this computer; nothing reaches a device.'
}

export const PRIORITY_OPTION_LABELS: Record<Priority, string> = {
  10: '10 – immediate',
  5: '5 – power-saving',
  1: '1 – lowest'
}

export const PRIORITY_NOTES: Record<Priority, string> = {
  10: 'Priority 10: delivered immediately.',
  5: 'Priority 5: delivered when it suits the device’s power; may be grouped with others and delayed.',
  1: 'Priority 1: power comes first; it does not wake the device and may be delayed a long time.'
}
