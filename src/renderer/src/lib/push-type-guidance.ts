import type { PushType } from '../../../shared/push-types'

/** One line under the push-type select: what APNs and iOS expect of each type. */
export const PUSH_TYPE_GUIDANCE: Record<PushType, string> = {
  alert: 'Alert: shows an alert, sound or badge; priority 10 (or 5 to save power); topic is the bundle ID.',
  background: 'Background: priority 5, "content-available": 1, no alert, sound or badge; iOS throttles these.',
  location: 'Location query: topic …location-query; the app needs the location push service extension.',
  voip: 'VoIP: topic …voip, payload up to 5120 bytes; the app must report a call to CallKit for each.',
  complication: 'Watch complication: topic …complication; for apps with a watchOS complication.',
  fileprovider: 'File provider: topic …pushkit.fileprovider; signals a File Provider extension to update.',
  mdm: 'MDM: for device management; the topic comes from the MDM push certificate.',
  liveactivity: 'Live Activity: token auth only; topic …push-type.liveactivity; payload with "event" and "content-state".',
  pushtotalk: 'Push to Talk: topic …voip-ptt; priority 10 to deliver at once.',
  widgets: 'Widgets: topic …push-type.widgets; asks WidgetKit to reload the app’s widgets.',
  controls: 'Controls: topic …push-type.controls; asks iOS to reload the app’s controls.'
}
