import { explainReason, type ReasonExplanation } from './apns-reasons'

/**
 * Channel-management and broadcast errors (apns-reference.md §2.3), explained for the request
 * they answer. Several reasons mean something more specific here than on a device push
 * (BadExpirationDate, InvalidPushType, TopicDisallowed), so this table is consulted first and
 * apns-reasons.ts covers the rest (credentials, 5xx, rate limits).
 */
const CHANNEL_REASONS: Record<string, ReasonExplanation> = {
  FeatureNotEnabled: {
    explanation: 'Broadcast push is not enabled for this app: channels need the capability on the App ID.',
    fix: 'On developer.apple.com, open the App ID, enable Push Notifications > Broadcast Capability, then try again.'
  },
  MissingChannelId: { explanation: 'The request had no apns-channel-id header.', fix: 'Pick a channel from the list, or create one first.' },
  BadChannelId: { explanation: 'The channel ID is not one APNs made: channel IDs are base64 strings.', fix: 'Copy the channel ID from the list exactly (it may end with "=").' },
  ChannelNotRegistered: {
    explanation: 'No such channel for this app in this environment: it was deleted, or it was created in the other environment (channels are per environment).',
    fix: 'Refresh the list, check the environment, or create a new channel.'
  },
  BadRequestParams: {
    explanation: 'The request body has an attribute APNs does not know, or "message-storage-policy" is not the number 0 or 1.',
    fix: 'Send only "message-storage-policy" (0 or 1, as a number) and "push-type": "LiveActivity".'
  },
  BadRequestPayload: { explanation: 'The body is not valid JSON (or not a JSON object).', fix: 'Fix the JSON; the payload must be an object with "aps".' },
  PayloadEmpty: { explanation: 'The request had no body.', fix: 'Send a JSON object: for a broadcast, {"aps": {"event": "update", ...}}.' },
  MissingPushType: { explanation: 'The push type is missing: "push-type" in the create body, or apns-push-type on a broadcast.', fix: 'Use "LiveActivity" when creating a channel and apns-push-type: liveactivity when broadcasting.' },
  InvalidPushType: { explanation: 'Channels only carry Live Activity updates; APNs allows no other push type.', fix: 'Use "push-type": "LiveActivity" (this exact spelling) when creating, and apns-push-type: liveactivity when broadcasting.' },
  CannotCreateChannelConfig: { explanation: 'The app has reached 10,000 channels in this environment.', fix: 'Delete channels whose events are over, then create the new one.' },
  BadExpirationDate: {
    explanation: 'apns-expiration is missing or not allowed: broadcasts require it, and a No-Message-Stored channel (policy 0) accepts only 0.',
    fix: 'For a policy 0 channel send expiration 0; for policy 1 send 0 or a time in seconds within the next 8 hours.'
  },
  BadPriority: { explanation: 'apns-priority is missing or not 10, 5 or 1; broadcasts require it.', fix: 'Choose priority 10 (counts against the Live Activity budget) or 5.' },
  TopicDisallowed: { explanation: 'The bundle ID in the path carries a push-type suffix; broadcasts use the bare bundle ID.', fix: 'Remove ".push-type.liveactivity" from the bundle ID.' },
  TopicMismatch: { explanation: 'The credential is not for the app in the path: the certificate or key does not cover this bundle ID.', fix: "Use a key of the team that owns the app, or the app's own push certificate." },
  PayloadTooLarge: { explanation: 'The broadcast payload is larger than 5120 bytes.', fix: 'Shorten content-state; the byte counter shows the size APNs measures.' },
  BadMessageId: { explanation: 'apns-request-id is not a canonical UUID.', fix: 'Leave it empty so Pushdeck makes one.' },
  BadPath: { explanation: 'The channel request went to a path APNs does not serve.', fix: 'This is a Pushdeck bug; please report it with the request ID.' },
  MethodNotAllowed: { explanation: 'APNs does not allow this method on the channel path.', fix: 'This is a Pushdeck bug; please report it with the request ID.' }
}

export function explainChannelReason(reason: string): ReasonExplanation {
  return CHANNEL_REASONS[reason] ?? explainReason(reason)
}

export const CHANNEL_REASON_NAMES = Object.keys(CHANNEL_REASONS)
