import type { HistorySummary } from '../../../shared/history-types'

/**
 * Apple's Push Notifications Console, where the Delivery Log looks a push up by its
 * apns-unique-id. Apple documents no deep link that takes the ID, so Pushdeck opens the console
 * and copies the ID for its search field. Only https is opened outside the app (main refuses
 * anything else).
 */
export const PUSH_CONSOLE_URL = 'https://icloud.developer.apple.com/dashboard/notifications'

export type DeliveryLogHandoff = { kind: 'open'; url: string; uniqueId: string } | { kind: 'unavailable'; why: string }

/** Whether Apple can have a delivery log for this send, and how to get to it. Null: no unique ID at all. */
export function deliveryLogHandoff(entry: Pick<HistorySummary, 'environment' | 'apnsUniqueId'>): DeliveryLogHandoff | null {
  const uniqueId = entry.apnsUniqueId?.trim()
  if (!uniqueId) return null
  if (entry.environment === 'emulator') return { kind: 'unavailable', why: 'This send went to the local emulator, so Apple has no delivery log for it.' }
  if (entry.environment === 'production') return { kind: 'unavailable', why: "Apple keeps delivery logs for the Development (sandbox) environment only." }
  return { kind: 'open', url: PUSH_CONSOLE_URL, uniqueId }
}

/** What the detail says after the delivery-log button: whether the console opened, and how to find the push in it. */
export function deliveryLogNote(uniqueId: string, opened: boolean, copied: boolean): string {
  const paste = copied ? 'The apns-unique-id is copied: paste it into the Delivery Log search.' : `Paste this apns-unique-id into the Delivery Log search: ${uniqueId}`
  return opened ? `Apple's Push Notifications Console opens in your browser. ${paste}` : `The console's address is not https, so Pushdeck did not open it. ${paste}`
}
