import type { Environment } from './environments'
import type { Finding } from './diagnosis/types'
import type { Priority } from './push-types'

/**
 * Broadcast channels (iOS 18+, apns-reference.md §2.1–2.3) as the app sees them. Every answer
 * carries the apns-request-id, the id Apple support asks for.
 */

/** 0: No Message Stored (higher budget, apns-expiration must be 0). 1: Most Recent Message Stored (kept up to 8 hours). */
export const STORAGE_POLICIES = [0, 1] as const
export type StoragePolicy = (typeof STORAGE_POLICIES)[number]

export const STORAGE_POLICY_LABELS: Record<StoragePolicy, string> = {
  0: 'No message stored',
  1: 'Most recent message stored'
}

export const STORAGE_POLICY_NOTES: Record<StoragePolicy, string> = {
  0: 'Frequent updates (scores, prices); a device that is offline misses them. Broadcasts must use apns-expiration 0.',
  1: 'APNs keeps the latest message up to 8 hours for devices that are offline.'
}

/** Broadcast payloads may be up to 5 KB (device pushes: 4 KB). */
export const BROADCAST_PAYLOAD_LIMIT = 5120
/** Stored messages live at most 8 hours, so a later expiration is pointless. */
export const MAX_BROADCAST_STORAGE_SECONDS = 8 * 60 * 60

/** Which app, with which credential, on which APNs environment: channels are per app and per environment. */
export interface ChannelScope {
  credentialId: string
  environment: Environment
  bundleId: string
}

export interface ChannelInfo {
  id: string
  /** null when reading the channel failed (the list still shows it). */
  policy: StoragePolicy | null
}

/** What APNs answered to one channel request, explained. */
export interface ChannelAnswer {
  outcome: 'accepted' | 'rejected' | 'failed'
  status: number | null
  reason: string | null
  explanation: string
  fix: string
  requestId: string | null
  /** The host the request went to (management host or push host). */
  host: string
}

export interface ChannelListResult extends ChannelAnswer {
  channels: ChannelInfo[]
  /** Channels beyond the ones read in detail (only their IDs are listed). */
  unread: number
}

export interface ChannelCreateResult extends ChannelAnswer {
  channel: ChannelInfo | null
}

export interface BroadcastRequest extends ChannelScope {
  channelId: string
  payloadText: string
  priority: Priority
  /** apns-expiration: 0 (deliver now or never), or UNIX seconds. Required by APNs for broadcasts. */
  expirationSeconds: number
  variables?: Record<string, string>
}

export interface BroadcastResult extends ChannelAnswer {
  /** apns-unique-id: set by APNs on success; quote it to Apple support. */
  uniqueId: string | null
  sentAt: string
  /** The request as it went on the wire (authorization redacted). */
  request: { method: string; path: string; headers: Record<string, string>; body: string; bytes: number }
  warnings: Finding[]
}
