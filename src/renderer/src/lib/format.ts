/** A readable local date and time for an ISO 8601 string; the raw text if it does not parse. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' })
}

/** A readable local date (no time) for an ISO 8601 string; the raw text if it does not parse. */
export function formatDate(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return date.toLocaleDateString(undefined, { dateStyle: 'medium' })
}

/** Hours, minutes, seconds and milliseconds of an epoch-ms time, for the inbox. */
export function formatClockTime(ms: number): string {
  const date = new Date(ms)
  const pad = (n: number, width = 2) => String(n).padStart(width, '0')
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`
}

/** "/3/device/0f1e2d3c…ddeeff0": the token cut short, for the one-line summary only. */
export function shortenDevicePath(path: string): string {
  return path.replace(/^(\/3\/device\/)([^/?]{20,})/, (_, prefix: string, token: string) => `${prefix}${token.slice(0, 8)}…${token.slice(-6)}`)
}

/** Short enough for a one-line row: the time alone today, the date and time otherwise. */
export function formatCompactDateTime(iso: string, now: number): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const sameDay = new Date(now).toDateString() === date.toDateString()
  return sameDay ? date.toLocaleTimeString(undefined, { timeStyle: 'short' }) : date.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' })
}

/** A short local date and time for a list row ("Nov 24, 16:03:19"); the raw text if it does not parse. */
export function formatShortDateTime(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return date.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
}
