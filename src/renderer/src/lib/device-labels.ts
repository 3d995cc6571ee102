import type { DeviceKind, LastResult } from '../../../shared/domain'

/** Kind badges in the list are short; the full DEVICE_KIND_LABELS name is their tooltip and select label. */
export const DEVICE_KIND_SHORT: Record<DeviceKind, string> = {
  regular: 'Regular',
  voip: 'VoIP',
  liveactivity: 'Live Activity',
  simulator: 'Simulator'
}

/** "200 accepted", "410 Unregistered", "failed: connection reset". */
export function lastResultLabel(result: LastResult): string {
  // A simulator push (simctl) has no HTTP status.
  if (result.outcome === 'accepted') return result.status === null ? 'accepted' : `${result.status} accepted`
  if (result.outcome === 'rejected') return `${result.status ?? ''} ${result.reason ?? 'rejected'}`.trim()
  return `failed${result.reason ? `: ${result.reason}` : ''}`
}

export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`
}

/** How a reported tap reads: the user opened the push, dismissed it, or chose an action button. */
export function tapActionLabel(action: string): string {
  if (action === 'com.apple.UNNotificationDefaultActionIdentifier') return 'opened'
  if (action === 'com.apple.UNNotificationDismissActionIdentifier') return 'dismissed'
  return `action ${action}`
}
