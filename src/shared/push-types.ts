/** APNs push types and what each one implies (apns-reference.md §1.3). */
export const PUSH_TYPES = [
  'alert',
  'background',
  'location',
  'voip',
  'complication',
  'fileprovider',
  'mdm',
  'liveactivity',
  'pushtotalk',
  'widgets',
  'controls'
] as const
export type PushType = (typeof PUSH_TYPES)[number]

export const PRIORITIES = [10, 5, 1] as const
export type Priority = (typeof PRIORITIES)[number]

export const DEFAULT_PAYLOAD_LIMIT = 4096
export const VOIP_PAYLOAD_LIMIT = 5120

interface PushTypeInfo {
  label: string
  /** Appended to the bundle ID to form apns-topic; null when the topic is the bundle ID itself. */
  topicSuffix: string | null
  maxPayloadBytes: number
}

export const PUSH_TYPE_INFO: Record<PushType, PushTypeInfo> = {
  alert: { label: 'Alert', topicSuffix: null, maxPayloadBytes: DEFAULT_PAYLOAD_LIMIT },
  background: { label: 'Background (silent)', topicSuffix: null, maxPayloadBytes: DEFAULT_PAYLOAD_LIMIT },
  location: { label: 'Location query', topicSuffix: '.location-query', maxPayloadBytes: DEFAULT_PAYLOAD_LIMIT },
  voip: { label: 'VoIP (PushKit)', topicSuffix: '.voip', maxPayloadBytes: VOIP_PAYLOAD_LIMIT },
  complication: { label: 'Watch complication', topicSuffix: '.complication', maxPayloadBytes: DEFAULT_PAYLOAD_LIMIT },
  fileprovider: { label: 'File provider', topicSuffix: '.pushkit.fileprovider', maxPayloadBytes: DEFAULT_PAYLOAD_LIMIT },
  mdm: { label: 'MDM', topicSuffix: null, maxPayloadBytes: DEFAULT_PAYLOAD_LIMIT },
  liveactivity: { label: 'Live Activity', topicSuffix: '.push-type.liveactivity', maxPayloadBytes: DEFAULT_PAYLOAD_LIMIT },
  pushtotalk: { label: 'Push to Talk', topicSuffix: '.voip-ptt', maxPayloadBytes: DEFAULT_PAYLOAD_LIMIT },
  widgets: { label: 'Widgets', topicSuffix: '.push-type.widgets', maxPayloadBytes: DEFAULT_PAYLOAD_LIMIT },
  controls: { label: 'Controls', topicSuffix: '.push-type.controls', maxPayloadBytes: DEFAULT_PAYLOAD_LIMIT }
}

const SUFFIXES_LONGEST_FIRST = PUSH_TYPES.map((t) => PUSH_TYPE_INFO[t].topicSuffix)
  .filter((s): s is string => s !== null)
  .sort((a, b) => b.length - a.length)

/** The push-type suffix a topic already carries, if any (".voip", ".push-type.liveactivity", ...). */
export function topicSuffixOf(topic: string): string | null {
  const trimmed = topic.trim()
  return SUFFIXES_LONGEST_FIRST.find((s) => trimmed.endsWith(s) && trimmed.length > s.length) ?? null
}

/**
 * apns-topic for a bundle ID and push type. A suffix the user already typed is kept, never
 * doubled (C-09: ".voip.voip"); a suffix of another push type is left for the checker to flag.
 */
export function apnsTopicFor(bundleId: string, pushType: PushType): string {
  const trimmed = bundleId.trim()
  const suffix = PUSH_TYPE_INFO[pushType].topicSuffix
  if (!suffix || trimmed === '' || trimmed.endsWith(suffix)) return trimmed
  return trimmed + suffix
}
