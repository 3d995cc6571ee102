import type { HistoryEntry } from '../../shared/history-types'

/** The formats an export is written in: CSV for spreadsheets, JSON with every field. */
export type HistoryExportFormat = 'csv' | 'json'

const CSV_HEADER = ['at', 'outcome', 'status', 'reason', 'device', 'token', 'tags', 'environment', 'push_type', 'template', 'apns_id', 'apns_unique_id', 'latency_ms', 'attempts', 'credential', 'topic', 'payload']

/** CSV for spreadsheets: one row per send, the columns a QA report needs. */
export function historyToCsv(entries: HistoryEntry[]): string {
  return historyExportStart('csv') + historyExportPart('csv', entries, true) + historyExportEnd('csv', entries.length > 0)
}

/**
 * An export is written in parts, so 100,000 entries never make one string: the start, then the
 * entries a part at a time (first says whether any came before), then the end.
 */
export function historyExportStart(format: HistoryExportFormat): string {
  return format === 'csv' ? csvLine(CSV_HEADER) : '['
}

export function historyExportPart(format: HistoryExportFormat, entries: HistoryEntry[], first: boolean): string {
  if (entries.length === 0) return ''
  if (format === 'csv') return entries.map(csvRow).join('')
  // The same text as JSON.stringify(all, null, 2): each entry indented one level inside the array.
  return (first ? '\n' : ',\n') + entries.map((e) => '  ' + JSON.stringify(e, null, 2).replace(/\n/g, '\n  ')).join(',\n')
}

export function historyExportEnd(format: HistoryExportFormat, any: boolean): string {
  if (format === 'csv') return ''
  return any ? '\n]\n' : ']\n'
}

function csvRow(e: HistoryEntry): string {
  return csvLine([
    e.at, e.response.outcome, e.response.status ?? '', e.response.reason ?? '', e.device.name ?? '', e.device.token, e.device.tags.join(' '), e.environment, e.pushType,
    e.templateName ?? '', e.response.apnsId ?? '', e.response.apnsUniqueId ?? '', e.response.latencyMs, e.response.attempts, e.credentialLabel, e.request.headers['apns-topic'] ?? '', e.request.body
  ])
}

function csvLine(fields: (string | number)[]): string {
  return fields.map(csvField).join(',') + '\r\n'
}

function csvField(value: string | number): string {
  const text = String(value)
  // A leading = + - @ makes spreadsheets run the cell as a formula; a quote mark defuses it.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}
