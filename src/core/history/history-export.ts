import type { HistoryEntry } from '../../shared/history-types'

/** CSV for spreadsheets: one row per send, the columns a QA report needs. */
export function historyToCsv(entries: HistoryEntry[]): string {
  const header = ['at', 'outcome', 'status', 'reason', 'device', 'token', 'tags', 'environment', 'push_type', 'template', 'apns_id', 'apns_unique_id', 'latency_ms', 'attempts', 'credential', 'topic', 'payload']
  const rows = entries.map((e) => [
    e.at, e.response.outcome, e.response.status ?? '', e.response.reason ?? '', e.device.name ?? '', e.device.token, e.device.tags.join(' '), e.environment, e.pushType,
    e.templateName ?? '', e.response.apnsId ?? '', e.response.apnsUniqueId ?? '', e.response.latencyMs, e.response.attempts, e.credentialLabel, e.request.headers['apns-topic'] ?? '', e.request.body
  ])
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n'
}

function csvField(value: string | number): string {
  const text = String(value)
  // A leading = + - @ makes spreadsheets run the cell as a formula; a quote mark defuses it.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}
