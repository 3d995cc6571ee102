/**
 * The keys Apple documents for the aps dictionary and its alert dictionary, with one line each,
 * for the payload editor's completion. Values are listed where Apple fixes them.
 */
export interface ApsKey {
  key: string
  description: string
  values?: { value: string; description: string }[]
}

export const APS_KEYS: ApsKey[] = [
  { key: 'alert', description: 'The alert to show: a string, or a dictionary with title, subtitle and body.' },
  { key: 'badge', description: 'The number on the app icon; 0 removes the badge.' },
  { key: 'sound', description: 'A sound file name, "default", or a dictionary for critical alerts.' },
  { key: 'thread-id', description: 'Groups notifications with the same value into one thread.' },
  { key: 'category', description: 'The notification category, for its actions and custom UI.' },
  { key: 'content-available', description: '1 wakes the app in the background (silent push, priority 5).' },
  { key: 'mutable-content', description: '1 lets the notification service extension change the content.' },
  { key: 'target-content-id', description: 'The window or content to bring forward when the notification is opened.' },
  {
    key: 'interruption-level',
    description: 'How much the notification may interrupt: passive, active, time-sensitive or critical.',
    values: [
      { value: 'passive', description: 'Added to the list without lighting up the screen or a sound.' },
      { value: 'active', description: 'The default: presented at once, lights up the screen, may play a sound.' },
      { value: 'time-sensitive', description: 'Breaks through Focus; needs the Time Sensitive capability.' },
      { value: 'critical', description: 'Breaks through Focus and the ringer switch; needs Apple’s entitlement.' }
    ]
  },
  { key: 'relevance-score', description: 'From 0 to 1: which notification of a group the summary highlights.' },
  { key: 'filter-criteria', description: 'The Focus filter this notification belongs to.' },
  { key: 'stale-date', description: 'Live Activity: UNIX time after which the activity is shown as outdated.' },
  { key: 'content-state', description: 'Live Activity: the new dynamic content, matching the ContentState type.' },
  { key: 'timestamp', description: 'Live Activity: UNIX time of this update, in seconds; required.' },
  {
    key: 'event',
    description: 'Live Activity: start, update or end.',
    values: [
      { value: 'start', description: 'Starts a Live Activity (push-to-start token).' },
      { value: 'update', description: 'Updates a running Live Activity.' },
      { value: 'end', description: 'Ends the Live Activity.' }
    ]
  },
  { key: 'dismissal-date', description: 'Live Activity: UNIX time when an ended activity leaves the Lock Screen.' },
  { key: 'attributes-type', description: 'Live Activity start: the name of the ActivityAttributes type.' },
  { key: 'attributes', description: 'Live Activity start: the static attributes of the new activity.' },
  { key: 'input-push-token', description: 'Live Activity start: 1 asks the new activity for its update token.' },
  { key: 'input-push-channel', description: 'Live Activity start: the broadcast channel ID the activity subscribes to.' },
  { key: 'content-changed', description: 'Widgets and controls: true asks WidgetKit to reload.' }
]

export const ALERT_KEYS: ApsKey[] = [
  { key: 'title', description: 'The title, shown in bold above the body.' },
  { key: 'subtitle', description: 'A line under the title.' },
  { key: 'body', description: 'The message text.' },
  { key: 'launch-image', description: 'The launch image to show when the app opens from the notification.' },
  { key: 'title-loc-key', description: 'The Localizable.strings key for the title.' },
  { key: 'title-loc-args', description: 'Strings that replace the format specifiers in title-loc-key.' },
  { key: 'subtitle-loc-key', description: 'The Localizable.strings key for the subtitle.' },
  { key: 'subtitle-loc-args', description: 'Strings that replace the format specifiers in subtitle-loc-key.' },
  { key: 'loc-key', description: 'The Localizable.strings key for the body.' },
  { key: 'loc-args', description: 'Strings that replace the format specifiers in loc-key.' }
]

export const TOP_LEVEL_KEYS: ApsKey[] = [{ key: 'aps', description: 'Apple’s dictionary: alert, badge, sound and the other system keys.' }]

/** The keys that fit an object at this path of the payload ([] is the root, ["aps"] the aps dictionary). */
export function keysForPath(path: readonly string[]): ApsKey[] {
  if (path.length === 0) return TOP_LEVEL_KEYS
  if (path.length === 1 && path[0] === 'aps') return APS_KEYS
  if (path.length === 2 && path[0] === 'aps' && path[1] === 'alert') return ALERT_KEYS
  return []
}

/** The fixed values of a key at this path, if Apple lists them. */
export function valuesFor(path: readonly string[], key: string): ApsKey['values'] {
  if (path.length === 1 && path[0] === 'aps') return APS_KEYS.find((k) => k.key === key)?.values
  return undefined
}
