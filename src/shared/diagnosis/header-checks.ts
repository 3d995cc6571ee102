import { MAX_EXPIRATION_EPOCH_SECONDS, MAX_RELATIVE_EXPIRATION_SECONDS } from '../expiration'
import { utf8ByteLength } from '../payload'
import type { Finding, PushDraft } from './types'

export const MAX_COLLAPSE_ID_BYTES = 64
/** Far beyond the 64-byte rule; only there so a pasted essay is refused by the checker, not the schema. */
export const MAX_COLLAPSE_ID_INPUT = 1000
const THIRTY_DAYS_S = 30 * 24 * 60 * 60
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function checkHeaders(draft: PushDraft, now: number, out: Finding[]): void {
  checkCollapseId(draft.collapseId, out)
  checkApnsId(draft.apnsId, out)
  checkExpiration(draft, now, out)
}

function checkCollapseId(collapseId: string, out: Finding[]): void {
  if (collapseId === '') return
  if (collapseId.length > MAX_COLLAPSE_ID_INPUT) {
    out.push({ id: 'headers.collapse-id-too-long', severity: 'error', field: 'headers', message: `The collapse ID is ${collapseId.length} characters; APNs allows ${MAX_COLLAPSE_ID_BYTES} bytes (APNs: BadCollapseId).`, fix: 'Shorten it to 64 bytes.' })
    return
  }
  const bytes = utf8ByteLength(collapseId)
  if (bytes > MAX_COLLAPSE_ID_BYTES) {
    out.push({ id: 'headers.collapse-id-too-long', severity: 'error', field: 'headers', message: `The collapse ID is ${bytes} bytes; APNs allows ${MAX_COLLAPSE_ID_BYTES} (APNs: BadCollapseId).`, fix: `Shorten it by ${bytes - MAX_COLLAPSE_ID_BYTES} bytes.` })
  }
  // HTTP/2 header values go out as Latin-1 in Node, so anything beyond ASCII arrives changed.
  if (/[^\x20-\x7e]/.test(collapseId)) {
    out.push({ id: 'headers.collapse-id-not-ascii', severity: 'error', field: 'headers', message: 'The collapse ID has characters outside ASCII; header values cannot carry them intact.', fix: 'Use letters, digits and punctuation only.' })
  }
}

function checkApnsId(apnsId: string, out: Finding[]): void {
  if (apnsId.trim() === '' || UUID.test(apnsId.trim())) return
  out.push({ id: 'headers.apns-id-not-uuid', severity: 'error', field: 'headers', message: `"${apnsId}" is not a UUID; APNs wants apns-id as 8-4-4-4-12 hex digits (APNs: BadMessageId).`, fix: 'Leave it empty and Pushdeck makes one, or paste a UUID.' })
}

function checkExpiration(draft: PushDraft, now: number, out: Finding[]): void {
  const expiration = draft.expiration
  const nowS = Math.floor(now / 1000)
  if (expiration.mode === 'at') {
    if (!Number.isInteger(expiration.epochSeconds) || expiration.epochSeconds < 0 || expiration.epochSeconds > MAX_EXPIRATION_EPOCH_SECONDS) {
      out.push({ id: 'headers.expiration-invalid', severity: 'error', field: 'headers', message: 'The expiration date is not a valid time (APNs: BadExpirationDate).', fix: 'Pick a date and time, or choose "none".' })
    } else if (expiration.epochSeconds <= nowS) {
      out.push({ id: 'headers.expiration-past', severity: 'warning', field: 'headers', message: 'The expiration time is in the past: APNs tries once and does not store the push, like expiration 0.', fix: 'Pick a future time if the device may be offline.' })
    } else if (expiration.epochSeconds - nowS > THIRTY_DAYS_S) {
      out.push({ id: 'headers.expiration-far', severity: 'info', field: 'headers', message: 'APNs stores a push for at most about 30 days, whatever the expiration says.', fix: 'No change needed.' })
    }
  }
  if (expiration.mode === 'relative' && (!Number.isInteger(expiration.seconds) || expiration.seconds < 0 || expiration.seconds > MAX_RELATIVE_EXPIRATION_SECONDS)) {
    out.push({ id: 'headers.expiration-invalid', severity: 'error', field: 'headers', message: 'A relative expiration must be a whole number of seconds from now, at most a year.', fix: 'Enter a duration up to 366 days.' })
  }
}
