import { isPushdeckPage } from './same-page'

/**
 * The one permission Pushdeck's page uses: writing to the clipboard (Copy as curl). Camera,
 * microphone, notifications, geolocation, HID/USB/serial, fullscreen, openExternal and the rest
 * are refused, and nothing is granted to a page that is not Pushdeck's own.
 */
const GRANTED = new Set(['clipboard-sanitized-write'])

export function allowsPermission(permission: string, requestingUrl: string, rendererUrl: string): boolean {
  return GRANTED.has(permission) && isPushdeckPage(requestingUrl, rendererUrl)
}
