import type { Finding } from './types'

/**
 * What ActivityKit needs in a Live Activity payload (apns-reference.md §2.4). APNs accepts almost
 * any body with a 200, and iOS then drops what it cannot use without telling anyone: a timestamp
 * in milliseconds wins against every later update, a null in content-state fails to decode, a
 * date written as a string is ignored. So each of these is named here, before sending.
 *
 * Token auth and the ".push-type.liveactivity" topic suffix are checked with the other credential
 * and topic rules (credential-checks.ts: pushType.needs-token-auth; topic-checks.ts:
 * topic.suffix-mismatch); this module owns the payload.
 */

export const LIVE_ACTIVITY_EVENTS = ['start', 'update', 'end'] as const
export type LiveActivityEvent = (typeof LIVE_ACTIVITY_EVENTS)[number]

/** Where the payload goes: a device token (push-to-start or per-activity) or a broadcast channel. */
export type LiveActivityRoute = 'token' | 'channel'

/** Seconds since 1970 stay below this until the year 5138; a millisecond value today is far above it. */
const LARGEST_PLAUSIBLE_SECONDS = 1e11
/** iOS keeps an ended activity on the Lock Screen at most this long (ActivityKit's dismissal policy). */
const MAX_DISMISSAL_DELAY_SECONDS = 4 * 3600

/** Which sub-second unit a too-large time is in: milliseconds (13 digits today), microseconds (16), nanoseconds (19). */
function subsecondUnit(value: number): { name: string; divisor: number } {
  if (value >= LARGEST_PLAUSIBLE_SECONDS * 1e6) return { name: 'nanoseconds', divisor: 1e9 }
  if (value >= LARGEST_PLAUSIBLE_SECONDS * 1e3) return { name: 'microseconds', divisor: 1e6 }
  return { name: 'milliseconds', divisor: 1e3 }
}
/** Older than this, a timestamp was typed by hand or kept from an earlier send rather than made now. */
const STALE_TIMESTAMP_SECONDS = 60 * 60
/** Later than this, the device would ignore every real update sent until that time passes. */
const FUTURE_TIMESTAMP_SECONDS = 5 * 60

const fix = {
  timestamp: 'Write "timestamp": {{now}} (no quotes); Pushdeck fills in the current time in seconds when sending.'
}

type Aps = Record<string, unknown>

export function checkLiveActivity(aps: Aps, nowMs: number, route: LiveActivityRoute, out: Finding[]): void {
  const nowSeconds = Math.floor(nowMs / 1000)
  const event = checkEvent(aps, route, out)
  checkTimestamp(aps.timestamp, nowSeconds, out)
  checkContentState(aps, event, out)
  if (event === 'start') checkStart(aps, route, out)
  else checkNotStart(aps, out)
  checkDate(aps, 'stale-date', nowSeconds, out)
  checkDate(aps, 'dismissal-date', nowSeconds, out)
  if ('dismissal-date' in aps && event !== null && event !== 'end') {
    out.push(finding('liveactivity.dismissal-date-not-end', 'warning', `"dismissal-date" only counts on an "end" event; iOS ignores it on "${event}".`, 'Move it to the end push, or remove it.'))
  }
  if ('relevance-score' in aps && (typeof aps['relevance-score'] !== 'number' || !Number.isFinite(aps['relevance-score']))) {
    out.push(finding('liveactivity.relevance-score-not-number', 'error', `"relevance-score" is ${describe(aps['relevance-score'])}; iOS only reads a number.`, 'Write a number, e.g. "relevance-score": 75 (higher shows first among your activities).'))
  }
  checkAlert(aps, out)
}

function checkEvent(aps: Aps, route: LiveActivityRoute, out: Finding[]): LiveActivityEvent | null {
  if (!('event' in aps)) {
    out.push(finding('liveactivity.event-missing', 'error', 'A Live Activity push needs "event" in "aps"; without it iOS ignores the push.', 'Add "event": "start", "update" or "end".'))
    return null
  }
  const event = aps.event
  if (typeof event !== 'string' || !(LIVE_ACTIVITY_EVENTS as readonly string[]).includes(event)) {
    const hint = typeof event === 'string' && (LIVE_ACTIVITY_EVENTS as readonly string[]).includes(event.trim().toLowerCase()) ? ` (write it in lowercase, without spaces: "${event.trim().toLowerCase()}")` : ''
    out.push(finding('liveactivity.event-invalid', 'error', `"event" is ${describe(event)}; iOS knows only "start", "update" and "end"${hint}.`, 'Write "event": "start", "update" or "end".'))
    return null
  }
  if (event === 'start' && route === 'channel') {
    out.push(finding('liveactivity.channel-cannot-start', 'error', 'A broadcast on a channel can update or end Live Activities but cannot start one.', 'Start the activity with a push-to-start token (or in the app) with "input-push-channel", then broadcast "update" and "end".'))
  }
  return event as LiveActivityEvent
}

function checkTimestamp(value: unknown, nowSeconds: number, out: Finding[]): void {
  if (value === undefined) {
    out.push(finding('liveactivity.timestamp-missing', 'error', 'A Live Activity push needs "timestamp" (seconds since 1970): iOS uses it to keep only the newest update, and drops a push without one.', fix.timestamp))
    return
  }
  if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)) {
    out.push(finding('liveactivity.timestamp-string', 'error', `"timestamp" is the string ${JSON.stringify(value)}; iOS needs a number.`, 'Remove the quotes around the value (or write {{now}} without quotes).'))
    return
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    out.push(finding('liveactivity.timestamp-not-number', 'error', `"timestamp" is ${describe(value)}; iOS needs a number of seconds since 1970.`, fix.timestamp))
    return
  }
  if (value >= LARGEST_PLAUSIBLE_SECONDS) {
    const unit = subsecondUnit(value)
    out.push(finding('liveactivity.timestamp-milliseconds', 'error', `"timestamp" ${value} is in ${unit.name} (it would be the year ${yearOf(value)}); iOS reads seconds, and then ignores every later update because this one looks newer.`, `Divide by ${unit.divisor.toLocaleString('en-US')} (${Math.floor(value / unit.divisor)}), or write {{now}}.`))
    return
  }
  if (value <= 0) {
    out.push(finding('liveactivity.timestamp-not-positive', 'error', `"timestamp" is ${value}, which is not a time: iOS keeps the newest update by it, so this one is always the oldest and dropped.`, fix.timestamp))
    return
  }
  if (!Number.isInteger(value)) {
    out.push(finding('liveactivity.timestamp-fraction', 'warning', `"timestamp" ${value} has a fraction; Apple expects whole seconds.`, `Write ${Math.floor(value)}.`))
  }
  if (value < nowSeconds - STALE_TIMESTAMP_SECONDS) {
    out.push(finding('liveactivity.timestamp-past', 'warning', `"timestamp" is ${ago(nowSeconds - value)} in the past; if the activity already had a newer update, iOS drops this one.`, fix.timestamp))
  } else if (value > nowSeconds + FUTURE_TIMESTAMP_SECONDS) {
    out.push(finding('liveactivity.timestamp-future', 'warning', `"timestamp" is ${ago(value - nowSeconds)} in the future; iOS then ignores every update stamped with the real time until that moment.`, fix.timestamp))
  }
}

function checkContentState(aps: Aps, event: LiveActivityEvent | null, out: Finding[]): void {
  const state = aps['content-state']
  if (state === undefined) {
    if (event === 'end') {
      out.push(finding('liveactivity.content-state-missing-end', 'warning', 'This "end" push has no "content-state", so the activity keeps showing its last state until it is dismissed.', 'Add the final "content-state" (e.g. "delivered").'))
    } else if (event !== null) {
      out.push(finding('liveactivity.content-state-missing', 'error', `A "${event}" push needs "content-state", the activity's dynamic data; without it iOS ignores the push.`, 'Add "content-state": { ... } with the fields of your ContentState struct.'))
    }
    return
  }
  if (!isObject(state)) {
    out.push(finding('liveactivity.content-state-not-object', 'error', `"content-state" is ${describe(state)}; it must be a JSON object that decodes into your ContentState struct.`, 'Write "content-state": { "field": value, ... }.'))
    return
  }
  reportNulls(state, 'content-state', out)
}

function checkStart(aps: Aps, route: LiveActivityRoute, out: Finding[]): void {
  const type = aps['attributes-type']
  if (type === undefined) {
    out.push(finding('liveactivity.attributes-type-missing', 'error', 'A "start" push needs "attributes-type": the name of your ActivityAttributes struct.', 'Add "attributes-type": "YourAttributes" (the Swift type name, exactly).'))
  } else if (typeof type !== 'string' || type.trim() === '') {
    out.push(finding('liveactivity.attributes-type-invalid', 'error', `"attributes-type" is ${describe(type)}; it must be the name of your ActivityAttributes struct as a string.`, 'Write "attributes-type": "YourAttributes".'))
  }
  const attributes = aps.attributes
  if (attributes === undefined) {
    out.push(finding('liveactivity.attributes-missing', 'error', 'A "start" push needs "attributes": the static data of the activity (ActivityAttributes fields).', 'Add "attributes": { ... }, even {} when the struct has no fields.'))
  } else if (!isObject(attributes)) {
    out.push(finding('liveactivity.attributes-not-object', 'error', `"attributes" is ${describe(attributes)}; it must be a JSON object.`, 'Write "attributes": { "field": value, ... }.'))
  } else {
    reportNulls(attributes, 'attributes', out)
  }
  if (route === 'token' && !('alert' in aps)) {
    out.push(finding('liveactivity.start-alert-missing', 'error', 'A push-to-start payload needs an "alert"; iOS does not start the activity without one.', 'Add "alert": { "title": "...", "body": "..." }.'))
  }
  if ('input-push-token' in aps && aps['input-push-token'] !== 1) {
    out.push(finding('liveactivity.input-push-token', 'error', `"input-push-token" is ${describe(aps['input-push-token'])}; iOS 18 only reads the number 1.`, 'Write "input-push-token": 1, or remove it.'))
  }
  if ('input-push-channel' in aps && (typeof aps['input-push-channel'] !== 'string' || aps['input-push-channel'] === '')) {
    out.push(finding('liveactivity.input-push-channel', 'error', `"input-push-channel" is ${describe(aps['input-push-channel'])}; it must be a channel ID (base64 string).`, 'Paste the channel ID from the Channels panel.'))
  }
}

function checkNotStart(aps: Aps, out: Finding[]): void {
  const startOnly = ['attributes-type', 'attributes', 'input-push-token', 'input-push-channel'].filter((k) => k in aps)
  if (startOnly.length > 0 && 'event' in aps && aps.event !== 'start') {
    out.push(finding('liveactivity.start-keys-ignored', 'warning', `${startOnly.map((k) => `"${k}"`).join(', ')} only count${startOnly.length === 1 ? 's' : ''} on a "start" push; iOS ignores ${startOnly.length === 1 ? 'it' : 'them'} here.`, 'Remove them from update and end pushes.'))
  }
}

function checkDate(aps: Aps, key: 'stale-date' | 'dismissal-date', nowSeconds: number, out: Finding[]): void {
  if (!(key in aps)) return
  const value = aps[key]
  if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)) {
    out.push(finding(`liveactivity.${key}-string`, 'error', `"${key}" is the string ${JSON.stringify(value)}; iOS ignores a date that is not a number.`, 'Remove the quotes: seconds since 1970 as a number.'))
    return
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    const isoHint = typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? ` (${value} as seconds is ${Math.floor(Date.parse(value) / 1000)})` : ''
    out.push(finding(`liveactivity.${key}-not-number`, 'error', `"${key}" is ${describe(value)}; it must be a number of seconds since 1970${isoHint}.`, 'Write the date as seconds since 1970, e.g. {{now}} plus the delay.'))
    return
  }
  if (value >= LARGEST_PLAUSIBLE_SECONDS) {
    const unit = subsecondUnit(value)
    out.push(finding(`liveactivity.${key}-milliseconds`, 'error', `"${key}" ${value} is in ${unit.name} (the year ${yearOf(value)}); iOS reads seconds.`, `Divide by ${unit.divisor.toLocaleString('en-US')} (${Math.floor(value / unit.divisor)}).`))
    return
  }
  if (key === 'stale-date' && value < nowSeconds) {
    out.push(finding('liveactivity.stale-date-past', 'warning', `"stale-date" is ${ago(nowSeconds - value)} in the past, so the activity shows as stale at once.`, 'Use a time in the future, or remove "stale-date".'))
  }
  if (key === 'dismissal-date' && value < nowSeconds) {
    out.push(finding('liveactivity.dismissal-date-past', 'info', '"dismissal-date" is in the past: iOS removes the ended activity from the Lock Screen at once.', 'Use a future time to keep it visible for a while (iOS keeps it at most 4 hours).'))
  } else if (key === 'dismissal-date' && value > nowSeconds + MAX_DISMISSAL_DELAY_SECONDS) {
    out.push(finding('liveactivity.dismissal-date-too-late', 'warning', `"dismissal-date" is ${ago(value - nowSeconds)} away, but iOS removes an ended activity from the Lock Screen at most 4 hours after it ends.`, 'Use a time within 4 hours of the end push, or expect it gone after 4 hours.'))
  }
}

function checkAlert(aps: Aps, out: Finding[]): void {
  if (!('alert' in aps)) return
  const alert = aps.alert
  if (typeof alert === 'string') return
  if (!isObject(alert)) {
    out.push(finding('liveactivity.alert-invalid', 'error', `"alert" is ${describe(alert)}; it must be an object with "title" and "body" (or a string).`, 'Write "alert": { "title": "...", "body": "..." }, or remove it.'))
    return
  }
  if (!('title' in alert) && !('body' in alert)) {
    out.push(finding('liveactivity.alert-empty', 'warning', '"alert" has neither "title" nor "body", so nothing is shown for it.', 'Add "title" and "body", or remove the alert.'))
  }
}

/** One finding for every null, naming the first few places (a big content-state can have many). */
function reportNulls(value: Record<string, unknown>, root: string, out: Finding[]): void {
  const paths: string[] = []
  collectNulls(value, root, paths)
  if (paths.length === 0) return
  const shown = paths.slice(0, 3).join(', ') + (paths.length > 3 ? ` and ${paths.length - 3} more` : '')
  out.push(finding(`liveactivity.${root}-null`, 'warning', `${shown} ${paths.length === 1 ? 'is' : 'are'} null: that decodes only into an optional Swift property; for any other property iOS fails to decode ${root} and drops the push.`, 'Leave the key out for an optional property, or give it a value.'))
}

function collectNulls(value: unknown, path: string, out: string[]): void {
  if (value === null) {
    out.push(path)
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => collectNulls(item, `${path}[${i}]`, out))
  } else if (typeof value === 'object') {
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) collectNulls(child, `${path}.${key}`, out)
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`
  return `${typeof value} ${String(value)}`
}

function yearOf(seconds: number): string {
  const year = new Date(Math.min(seconds * 1000, 8.64e15)).getUTCFullYear()
  return Number.isFinite(year) ? String(year) : 'far future'
}

function ago(seconds: number): string {
  if (seconds < 2 * 3600) return `${Math.round(seconds / 60)} minutes`
  if (seconds < 2 * 86_400) return `${Math.round(seconds / 3600)} hours`
  return `${Math.round(seconds / 86_400)} days`
}

function finding(id: string, severity: Finding['severity'], message: string, fixText: string): Finding {
  return { id, severity, field: 'payload', message, fix: fixText }
}
