import { randomUUID } from 'node:crypto'
import type { Finding } from '../../shared/diagnosis'
import { SIMULATOR_TARGET_BUNDLE } from '../../shared/library/apns-file'
import { renderTemplate } from '../../shared/library/template-variables'
import { analysePayload, utf8ByteLength } from '../../shared/payload'
import { fail, ok, type Result } from '../../shared/result'
import { SIMCTL_PAYLOAD_LIMIT } from '../../shared/simulator'

export interface SimulatorPayload {
  /** The file's content: the editor's text with {{variables}} filled, otherwise untouched. */
  text: string
  bytes: number
  warnings: Finding[]
}

/**
 * The payload file simctl reads, checked the way simctl checks it ("an object at the top level,
 * an 'aps' key, 4096 bytes or less") before anything is spawned. The text goes into the file as
 * the editor holds it: no re-serialising, so what the user sees is what the app gets.
 */
export function simulatorPayload(payloadText: string, variables: Record<string, string>, bundleId: string, now: Date): Result<SimulatorPayload> {
  const rendered = renderTemplate(payloadText, { values: variables, defaults: [], nowSeconds: Math.floor(now.getTime() / 1000), uuid: randomUUID })
  if (!rendered.ok) return fail('simulator.payload-variable-missing', `The payload uses ${rendered.missing.map((n) => `{{${n}}}`).join(', ')} with no value.`, 'Enter a value for each variable, or give the template a default.')
  // A byte-order mark is not part of the JSON; simctl's parser would refuse it.
  const text = rendered.text.replace(/^\uFEFF/, '')
  const analysis = analysePayload(text)
  if (analysis.smartQuotes && analysis.syntaxError) return fail('simulator.payload-invalid', 'The payload contains typographic (smart) quotes, which are not JSON.', 'Replace them with straight quotes.')
  if (analysis.syntaxError) {
    const e = analysis.syntaxError
    return fail('simulator.payload-invalid', `The payload is not valid JSON: line ${e.line}, column ${e.column}: ${e.message}.`, 'Fix the JSON at that position.')
  }
  const value = analysis.value
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return fail('simulator.payload-invalid', 'simctl needs a JSON object at the top level of the payload.', 'Wrap it in an object: {"aps": {...}}.')
  const aps = (value as Record<string, unknown>).aps
  if (aps === null || typeof aps !== 'object' || Array.isArray(aps)) return fail('simulator.payload-no-aps', 'simctl needs an "aps" dictionary in the payload, and this one has none.', 'Add one, e.g. "aps": {"alert": "Hello"}.')
  const bytes = utf8ByteLength(text)
  if (bytes > SIMCTL_PAYLOAD_LIMIT) {
    return fail('simulator.payload-too-large', `The payload file is ${bytes} bytes; simctl accepts ${SIMCTL_PAYLOAD_LIMIT} bytes at most (UTF-8, spaces and line breaks included).`, `Remove ${bytes - SIMCTL_PAYLOAD_LIMIT} bytes; removing indentation is often enough.`)
  }
  const warnings: Finding[] = []
  const named = (value as Record<string, unknown>)[SIMULATOR_TARGET_BUNDLE]
  if (named !== undefined && named !== bundleId) {
    // simctl: "If both are provided this argument will override the value from the payload."
    warnings.push({
      id: 'simulator.target-bundle-overridden',
      severity: 'warning',
      field: 'payload',
      message: `The payload's "${SIMULATOR_TARGET_BUNDLE}" is ${JSON.stringify(named)}, but the push goes to ${bundleId}: simctl uses the app passed on its command line.`,
      fix: `Remove "${SIMULATOR_TARGET_BUNDLE}" from the payload, or pick that app.`
    })
  }
  return ok({ text, bytes, warnings })
}
