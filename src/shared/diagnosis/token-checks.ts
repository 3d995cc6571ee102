import { normaliseDeviceToken } from '../device-token'
import { DEVICE_KIND_LABELS, type DeviceKind, type SavedDevice } from '../domain'
import type { PushType } from '../push-types'
import { ENVIRONMENT_LABELS } from '../environments'
import type { Finding, PushDraft } from './types'

export function checkToken(raw: string, out: Finding[]): string | null {
  const result = normaliseDeviceToken(raw)
  if (!result.ok) {
    const { code, message, fix, suggestion } = result.problem
    out.push({
      id: code,
      severity: 'error',
      field: 'token',
      message,
      fix,
      ...(suggestion ? { action: { kind: 'use-token' as const, label: suggestion.label, value: suggestion.token } } : {})
    })
    return null
  }
  if (result.notes.length > 0) {
    out.push({ id: 'token.normalised', severity: 'info', field: 'token', message: `Normalised from the pasted value: ${result.notes.join(', ')}.`, fix: `Pushdeck sends ${result.token}.` })
  }
  return result.token
}

/** C-23: APNs said this token is inactive; sending again is allowed but will most likely 410 again. */
export function checkSavedDevice(draft: PushDraft, device: SavedDevice | null, out: Finding[]): void {
  if (device?.unregisteredAt) {
    out.push({
      id: 'device.unregistered',
      severity: 'warning',
      field: 'token',
      message: `APNs said "${device.name}" is unregistered since ${device.unregisteredAt.slice(0, 16).replace('T', ' ')} UTC: the app was removed or its notifications turned off.`,
      fix: 'Reinstall the app and copy its new token; this one will keep answering 410.'
    })
  }
  checkSavedEnvironment(draft, device, out)
  checkTokenKind(draft, device, out)
}

/** C-09: a PushKit token takes only VoIP pushes, a push-to-start token only Live Activity ones, and the reverse. */
function checkTokenKind(draft: PushDraft, device: SavedDevice | null, out: Finding[]): void {
  if (!device || device.kind === 'simulator') return
  const expected: Record<Exclude<DeviceKind, 'simulator'>, PushType[] | null> = { regular: null, voip: ['voip'], liveactivity: ['liveactivity'] }
  const allowed = expected[device.kind]
  const mismatch = allowed ? !allowed.includes(draft.pushType) : draft.pushType === 'voip' || draft.pushType === 'liveactivity'
  if (!mismatch) return
  out.push({
    id: 'token.kind-mismatch',
    severity: 'warning',
    field: 'pushType',
    message: `"${device.name}" holds a ${DEVICE_KIND_LABELS[device.kind]} token, which APNs does not accept for ${draft.pushType} pushes (DeviceTokenNotForTopic).`,
    fix: device.kind === 'regular' ? `Use the device's ${draft.pushType === 'voip' ? 'PushKit (VoIP)' : 'Live Activity'} token, saved as its own device.` : `Send ${allowed!.join(' or ')} pushes to this token, or pick the device's regular token.`
  })
}

/** C-07: a token registered with one environment is unknown to the other (BadDeviceToken). */
function checkSavedEnvironment(draft: PushDraft, device: SavedDevice | null, out: Finding[]): void {
  if (!device || device.environment === draft.environment) return
  out.push({
    id: 'environment.device-mismatch',
    severity: 'warning',
    field: 'environment',
    message: `"${device.name}" was saved as a ${ENVIRONMENT_LABELS[device.environment]} device, but this push goes to ${ENVIRONMENT_LABELS[draft.environment]}. APNs will answer BadDeviceToken if the token belongs to the other environment.`,
    fix: 'Debug builds from Xcode use sandbox; TestFlight and App Store builds use production.',
    action: { kind: 'set-environment', label: `Use ${ENVIRONMENT_LABELS[device.environment]}`, value: device.environment }
  })
}
