/** Every APNs reason (apns-reference.md §1.4 and §2.3) in plain language, with the fix. */
export interface ReasonExplanation {
  explanation: string
  fix: string
  /** Things to check one by one, when there is no single fix (C-17). */
  checklist?: string[]
}

const REASONS: Record<string, ReasonExplanation> = {
  BadCollapseId: { explanation: 'The apns-collapse-id is longer than 64 bytes.', fix: 'Shorten the collapse ID to 64 bytes or fewer (count bytes, not characters).' },
  BadDeviceToken: {
    explanation: 'APNs does not know this token in this environment. Most often the token comes from a debug build (sandbox) and was sent to production, or the reverse.',
    fix: 'Try the other environment. Xcode debug builds register with sandbox; TestFlight, Ad Hoc and App Store builds with production.'
  },
  BadExpirationDate: { explanation: 'apns-expiration is not a valid UNIX time in seconds.', fix: 'Use 0, a future time in seconds since 1970, or leave it unset.' },
  BadMessageId: { explanation: 'apns-id is not a canonical UUID.', fix: 'Use a lowercase 8-4-4-4-12 UUID, or leave apns-id empty so APNs makes one.' },
  BadPriority: { explanation: 'apns-priority must be 10, 5 or 1.', fix: 'Pick priority 10, 5 or 1.' },
  BadTopic: { explanation: 'apns-topic is not a valid topic.', fix: 'Use the app bundle ID, plus the suffix the push type needs.' },
  DeviceTokenNotForTopic: {
    explanation: 'The token belongs to a different app (bundle ID) than apns-topic.',
    fix: 'Check the bundle ID of the target that registered the token (not an extension or another scheme), and that a VoIP/PushKit token is not used for an alert push or the reverse.'
  },
  DuplicateHeaders: { explanation: 'A header was sent twice.', fix: 'Remove the repeated header.' },
  IdleTimeout: { explanation: 'APNs closed an idle connection.', fix: 'Send again; Pushdeck opens a new connection.' },
  InvalidPushType: { explanation: 'apns-push-type is not one APNs accepts here.', fix: 'Pick a push type from the list (for broadcasts, liveactivity).' },
  MissingDeviceToken: { explanation: 'The request had no device token.', fix: 'Enter the device token.' },
  MissingTopic: { explanation: 'apns-topic is required: token auth and multi-topic certificates need it.', fix: "Enter the app's bundle ID as the topic." },
  PayloadEmpty: { explanation: 'The payload was empty.', fix: 'Send a JSON object, usually with an "aps" dictionary.' },
  TopicDisallowed: {
    explanation: 'This credential may not push to this topic.',
    fix: 'Check the bundle ID (no brackets or spaces), that the key or certificate belongs to the team that owns the app, and that broadcasts carry no push-type suffix.'
  },
  BadCertificate: { explanation: 'APNs rejected the client certificate.', fix: 'Export the push certificate again with its private key.' },
  BadCertificateEnvironment: { explanation: 'The certificate is for the other environment.', fix: 'Switch environment, or use a Sandbox & Production certificate.' },
  ExpiredProviderToken: {
    explanation: 'The JWT is more than an hour old, as APNs sees it. This usually means the computer clock is wrong.',
    fix: "Check the system clock and time zone, then send again; Pushdeck makes a fresh token."
  },
  Forbidden: { explanation: 'APNs refused the action.', fix: 'Check that the key or certificate is enabled for push notifications.' },
  InvalidProviderToken: {
    explanation: 'APNs could not verify the JWT signed with this key.',
    fix: 'Check each of these; swapped IDs are the most common cause.',
    checklist: [
      'Key ID and Team ID are not swapped.',
      'The Key ID matches the .p8 file (AuthKey_KEYID.p8).',
      'The key has not been revoked in your Apple Developer account.',
      'The key belongs to the team that owns the app.',
      'The key has Apple Push Notifications service enabled.',
      'A brand-new key can take a while before APNs accepts it.'
    ]
  },

  MissingProviderToken: { explanation: 'No certificate and no JWT were presented.', fix: 'Choose a credential for this send.' },
  UnrelatedKeyIdInToken: { explanation: "The Key ID is not related to the key used for this connection's first push.", fix: 'Send again; Pushdeck keeps one connection per key, so this clears on a new connection.' },
  BadEnvironmentKeyIdInToken: {
    explanation: 'This key is restricted to one environment and was used on the other.',
    fix: 'Send to the environment the key was created for, or create a key for this environment.'
  },
  BadPath: { explanation: 'The request path is invalid.', fix: 'This is a Pushdeck bug if it happens on a device push; please report it.' },
  MethodNotAllowed: { explanation: 'Only POST is allowed.', fix: 'This is a Pushdeck bug; please report it.' },
  ExpiredToken: { explanation: 'The device token has expired.', fix: 'Get a fresh token from the app.' },
  Unregistered: {
    explanation: 'The token is no longer active for this topic: the app was deleted, or notifications were turned off for it.',
    fix: 'Stop sending to this token; reinstall the app and copy its new token.'
  },
  PayloadTooLarge: { explanation: 'The payload is larger than APNs allows (4096 bytes; 5120 for VoIP).', fix: 'Shorten the payload; the byte counter shows the size APNs measures.' },
  TooManyProviderTokenUpdates: {
    explanation: 'The JWT was replaced more than once in 20 minutes on one connection.',
    fix: 'Wait 20 minutes. Pushdeck reuses one token per key; another tool sending with the same key can cause this.'
  },
  TooManyRequests: { explanation: 'Too many pushes in a row to the same device.', fix: 'Wait a little before sending to this device again.' },
  InternalServerError: { explanation: 'APNs had an internal error.', fix: 'Try again later.' },
  ServiceUnavailable: { explanation: 'APNs is unavailable right now.', fix: 'Try again later.' },
  Shutdown: { explanation: 'The APNs server is shutting down.', fix: 'Send again; Pushdeck opens a new connection.' },
  FeatureNotEnabled: { explanation: 'Broadcast is not enabled for this app.', fix: 'Enable the broadcast capability for the App ID on developer.apple.com.' },
  MissingChannelId: { explanation: 'The broadcast had no apns-channel-id.', fix: 'Pick a channel.' },
  BadChannelId: { explanation: 'The channel ID is malformed.', fix: 'Use the base64 channel ID returned when the channel was created.' },
  ChannelNotRegistered: { explanation: 'The channel does not exist in this environment.', fix: 'Create the channel, or check the environment.' },
  BadRequestParams: { explanation: 'The request had an attribute APNs does not recognise.', fix: 'Remove the unknown attribute.' },
  BadRequestPayload: { explanation: 'The request body was not valid JSON.', fix: 'Fix the JSON.' },
  MissingPushType: { explanation: 'apns-push-type is required here.', fix: 'Set the push type.' },
  CannotCreateChannelConfig: { explanation: 'The app has reached the limit of 10,000 channels.', fix: 'Delete channels you no longer use.' },
  TopicMismatch: { explanation: 'The bundle IDs in the credential do not include the topic in the path.', fix: 'Use a credential for this app.' }
}

// APNs really answers with this spelling, although the docs list BadEnvironmentKeyIdInToken.
REASONS.BadEnvironmentKeyInToken = REASONS.BadEnvironmentKeyIdInToken
REASONS['Service Unavailable'] = REASONS.ServiceUnavailable

export const KNOWN_REASONS = Object.keys(REASONS)

export function explainReason(reason: string): ReasonExplanation {
  return REASONS[reason] ?? { explanation: `APNs answered "${reason}".`, fix: "Look the reason up in Apple's documentation." }
}

/** Statuses without a reason, e.g. when the error body was lost. */
export function explainStatus(status: number): ReasonExplanation {
  const byStatus: Record<number, string> = {
    400: 'APNs rejected the request as malformed.',
    403: 'APNs rejected the credential.',
    404: 'The request path was wrong.',
    405: 'Only POST is allowed.',
    410: 'The device token is no longer active.',
    413: 'The payload is too large.',
    429: 'Too many requests.',
    500: 'APNs had an internal error.',
    503: 'APNs is unavailable.'
  }
  return { explanation: byStatus[status] ?? `APNs answered HTTP ${status}.`, fix: 'See the status above; try again later for 5xx.' }
}
