import apn from '@parse/node-apn'
import type { Priority } from '../../shared/push-types'
import type { StoragePolicy } from '../../shared/channel-types'

/**
 * node-apn Notifications for channel requests, built so that what goes on the wire is what Apple
 * documents rather than what node-apn defaults to (apns-reference.md §0 fact 9, §3.7):
 *
 * - create: node-apn adds "push-type": "liveactivity" (lowercase) to the body unless a raw payload
 *   is given; Apple documents "LiveActivity". A rawPayload carries Apple's exact body, with the
 *   storage policy as a number (node-apn's README shows the string "1").
 * - broadcast: node-apn sends no apns-expiration unless `expiry` is set, yet APNs requires it
 *   (and 0 on No-Message-Stored channels); no apns-push-type unless `pushType` is set; a topic
 *   would be sent as apns-topic, which broadcasts do not use. All are set explicitly here.
 * - a fresh Notification per request: node-apn caches compile() (C-14).
 */

export function createChannelNote(policy: StoragePolicy, requestId: string): apn.Notification {
  const note = new apn.Notification()
  note.rawPayload = { 'message-storage-policy': policy, 'push-type': 'LiveActivity' }
  note.requestId = requestId
  return note
}

/** read / delete: the channel in apns-channel-id, no body (node-apn sends none for "{}"). */
export function channelNote(channelId: string | null, requestId: string): apn.Notification {
  const note = new apn.Notification()
  if (channelId !== null) note.channelId = channelId
  note.requestId = requestId
  return note
}

export interface BroadcastNoteInput {
  channelId: string
  requestId: string
  payload: object
  priority: Priority
  expirationSeconds: number
}

export function broadcastNote(input: BroadcastNoteInput): apn.Notification {
  const note = new apn.Notification()
  note.rawPayload = input.payload
  note.channelId = input.channelId
  note.requestId = input.requestId
  // Apple's samples use lowercase "liveactivity" for the broadcast header.
  note.pushType = 'liveactivity'
  note.priority = input.priority
  // Required on broadcasts; node-apn omits the header when expiry is left at its default -1.
  note.expiry = input.expirationSeconds
  return note
}

/** The headers node-apn will send for this note (headers() exists at runtime, not in its typings). */
export function headersOf(note: apn.Notification): Record<string, string> {
  const internals = note as unknown as { headers(): Record<string, unknown> }
  return Object.fromEntries(Object.entries(internals.headers()).map(([k, v]) => [k, String(v)]))
}

export function bodyOf(note: apn.Notification): string {
  return (note as unknown as { compile(): string }).compile()
}
