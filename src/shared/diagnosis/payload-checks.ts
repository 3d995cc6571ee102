import { analysePayload } from '../payload'
import { renderTemplate } from '../library/template-variables'
import type { DiagnosisContext, Finding, PushDraft } from './types'

/** "The key a.b" or "The key a.b, c and 3 more": one finding for many places, never thousands. */
function listed(prefix: string, paths: string[]): string {
  const unique = [...new Set(paths)]
  const shown = unique.slice(0, 3).join(', ')
  return unique.length > 3 ? `${prefix} ${shown} and ${unique.length - 3} more` : `${prefix} ${shown}`
}

export function checkPayload(draft: PushDraft, byteLimit: number, context: DiagnosisContext, out: Finding[]): { body: string | null; bytes: number | null; aps: Record<string, unknown> | null } {
  const rendered = renderTemplate(draft.payloadText, { values: draft.variables ?? {}, defaults: [], nowSeconds: Math.floor(context.now / 1000), uuid: context.uuid })
  if (!rendered.ok) {
    out.push({ id: 'payload.variable-missing', severity: 'error', field: 'payload', message: `The payload uses ${rendered.missing.map((n) => `{{${n}}}`).join(', ')} but no value is set for ${rendered.missing.length === 1 ? 'it' : 'them'}.`, fix: 'Enter a value for each variable, or give the template a default.' })
    return { body: null, bytes: null, aps: null }
  }
  const analysis = analysePayload(rendered.text)
  if (analysis.smartQuotes) {
    out.push({
      id: 'payload.smart-quotes',
      severity: 'error',
      field: 'payload',
      message: 'The payload contains typographic (smart) quotes, which are not JSON.',
      fix: 'Replace them with straight quotes.',
      action: { kind: 'replace-smart-quotes', label: 'Replace smart quotes' }
    })
  }
  if (analysis.syntaxError) {
    const e = analysis.syntaxError
    if (!analysis.smartQuotes) {
      out.push({ id: 'payload.syntax', severity: 'error', field: 'payload', message: `Invalid JSON at line ${e.line}, column ${e.column}: ${e.message}.`, fix: 'Fix the JSON at that position.' })
    }
    return { body: null, bytes: null, aps: null }
  }
  const value = analysis.value
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    out.push({ id: 'payload.root-not-object', severity: 'error', field: 'payload', message: `The payload must be a JSON object; this one is ${Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`}.`, fix: 'Wrap it in an object: {"aps": {...}}.' })
    return { body: analysis.body, bytes: analysis.bytes, aps: null }
  }
  if (analysis.bytes !== null && analysis.bytes > byteLimit) {
    out.push({
      id: 'payload.too-large',
      severity: 'error',
      field: 'payload',
      message: `The payload is ${analysis.bytes} bytes; ${draft.pushType} pushes allow ${byteLimit} bytes (UTF-8, as APNs counts).`,
      fix: `Remove ${analysis.bytes - byteLimit} bytes. Emoji take 4 bytes each.`
    })
  }
  if (analysis.impreciseNumbers.length > 0) {
    out.push({ id: 'payload.imprecise-number', severity: 'error', field: 'payload', message: `${listed('The number at', analysis.impreciseNumbers)} cannot be sent exactly (too large, too small or too precise for JSON numbers); it would change in transit.`, fix: 'Send it as a string.' })
  }
  if (analysis.negativeZeros.length > 0) {
    out.push({ id: 'payload.negative-zero', severity: 'warning', field: 'payload', message: `${listed('The value at', analysis.negativeZeros)} is -0, which is sent as 0.`, fix: 'Write 0.' })
  }
  if (analysis.duplicateKeys.length > 0) {
    out.push({ id: 'payload.duplicate-key', severity: 'warning', field: 'payload', message: `${listed('The key', analysis.duplicateKeys)} appears more than once; only the last value is sent.`, fix: 'Remove the repeats.' })
  }
  if (analysis.loneSurrogates) {
    out.push({ id: 'payload.lone-surrogate', severity: 'warning', field: 'payload', message: 'The payload has half of an emoji or other character (a lone UTF-16 surrogate); it is sent as a \\u escape and shows as a replacement character.', fix: 'Delete and retype the character.' })
  }
  if (analysis.leadingBom) {
    out.push({ id: 'payload.bom', severity: 'info', field: 'payload', message: 'An invisible byte-order mark precedes the JSON; it is not sent.', fix: 'No change needed.' })
  }
  checkAps(draft, value as Record<string, unknown>, out)
  const aps = (value as Record<string, unknown>).aps
  return { body: analysis.body, bytes: analysis.bytes, aps: aps !== null && typeof aps === 'object' && !Array.isArray(aps) ? (aps as Record<string, unknown>) : null }
}

const APS_KEYS = new Set([
  'alert', 'badge', 'sound', 'thread-id', 'category', 'content-available', 'mutable-content', 'target-content-id',
  'interruption-level', 'relevance-score', 'filter-criteria', 'stale-date', 'content-state', 'timestamp', 'event',
  'dismissal-date', 'attributes-type', 'attributes', 'input-push-token', 'input-push-channel', 'content-changed', 'url-args'
])

function checkAps(draft: PushDraft, payload: Record<string, unknown>, out: Finding[]): void {
  const aps = payload.aps
  if (aps === undefined) {
    if (draft.pushType === 'alert' || draft.pushType === 'background') {
      out.push({ id: 'payload.no-aps', severity: 'warning', field: 'payload', message: 'The payload has no "aps" dictionary: APNs accepts it, but the device shows nothing and does not wake the app.', fix: 'Add "aps": {"alert": ...} for a visible push, or "aps": {"content-available": 1} for a background one.' })
    }
    return
  }
  if (aps === null || typeof aps !== 'object' || Array.isArray(aps)) {
    out.push({ id: 'payload.aps-not-object', severity: 'error', field: 'payload', message: '"aps" must be a JSON object.', fix: 'Write "aps": { ... }.' })
    return
  }
  const apsObject = aps as Record<string, unknown>
  if ('badge' in apsObject && typeof apsObject.badge !== 'number') {
    out.push({ id: 'payload.badge-not-number', severity: 'warning', field: 'payload', message: `"badge" is ${JSON.stringify(apsObject.badge)}; iOS ignores a badge that is not a number.`, fix: 'Write the badge as a number, e.g. "badge": 3.' })
  }
  const contentAvailable = apsObject['content-available']
  if (contentAvailable !== undefined && contentAvailable !== 1) {
    out.push({ id: 'payload.content-available-not-1', severity: 'warning', field: 'payload', message: `"content-available" is ${JSON.stringify(contentAvailable)}; iOS only wakes the app for the number 1.`, fix: 'Write "content-available": 1.' })
  }
  const custom = Object.keys(apsObject).filter((k) => !APS_KEYS.has(k))
  if (custom.length > 0) {
    out.push({ id: 'payload.custom-aps-keys', severity: 'warning', field: 'payload', message: `APNs ignores custom keys inside "aps": ${custom.join(', ')}.`, fix: 'Move custom keys beside "aps", at the top level.' })
  }
  const visible = ['alert', 'badge', 'sound'].filter((k) => k in apsObject)
  if (draft.pushType === 'alert' && Object.keys(apsObject).length === 0) {
    out.push({ id: 'payload.empty-aps', severity: 'warning', field: 'payload', message: '"aps" is empty: the device shows nothing.', fix: 'Add an alert, badge or sound.' })
  }
  if (draft.pushType === 'alert' && contentAvailable === 1 && visible.length === 0) {
    out.push({ id: 'pushType.should-be-background', severity: 'warning', field: 'pushType', message: 'This is a background (content-available only) payload sent as an alert push; iOS may drop it.', fix: 'Choose the background push type with priority 5.' })
  }
  if (draft.pushType === 'background') checkBackground(draft, apsObject, visible, out)
}

function checkBackground(draft: PushDraft, aps: Record<string, unknown>, visible: string[], out: Finding[]): void {
  if (draft.priority !== 5) {
    out.push({
      id: 'background.priority',
      severity: 'error',
      field: 'priority',
      message: `Background pushes must use priority 5; Apple calls priority ${draft.priority} an error for them, and the app is not woken.`,
      fix: 'Set priority 5.',
      action: { kind: 'set-priority', label: 'Use priority 5', value: '5' }
    })
  }
  if (aps['content-available'] !== 1) {
    out.push({ id: 'background.no-content-available', severity: 'warning', field: 'payload', message: 'A background push without "content-available": 1 does not wake the app.', fix: 'Add "content-available": 1 to "aps".' })
  }
  if (visible.length > 0) {
    out.push({ id: 'background.visible-keys', severity: 'warning', field: 'payload', message: `A background push should carry no ${visible.join(', ')}; iOS may treat it as an alert or drop it.`, fix: 'Remove them, or choose the alert push type.' })
  }
}
