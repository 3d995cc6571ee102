/**
 * Xcode's .apns files: a JSON payload with a top-level "Simulator Target Bundle" naming the app,
 * dragged onto a simulator or passed to `xcrun simctl push`.
 */
export const SIMULATOR_TARGET_BUNDLE = 'Simulator Target Bundle'

export type ParsedApnsFile = { ok: true; payloadText: string; bundleId: string | null } | { ok: false; message: string }

export function parseApnsFile(text: string): ParsedApnsFile {
  let value: unknown
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    return { ok: false, message: `The .apns file is not valid JSON: ${(error as Error).message}` }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, message: 'An .apns file holds a JSON object.' }
  const { [SIMULATOR_TARGET_BUNDLE]: target, ...payload } = value as Record<string, unknown>
  return { ok: true, payloadText: JSON.stringify(payload, null, 2), bundleId: typeof target === 'string' ? target : null }
}

/** The payload with the target bundle as its first key, pretty-printed as Xcode writes it. */
export function toApnsFile(payloadText: string, bundleId: string): string {
  const payload = JSON.parse(payloadText) as Record<string, unknown>
  return JSON.stringify({ [SIMULATOR_TARGET_BUNDLE]: bundleId, ...payload }, null, 2) + '\n'
}
