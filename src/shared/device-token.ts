/**
 * Device-token clean-up for the shapes users really paste (bug cases C-01 to C-06).
 * APNs puts whatever string it gets into :path, so anything ambiguous is refused with a
 * reason rather than "repaired" into a plausible but wrong token.
 */

export const MIN_TOKEN_HEX_LENGTH = 64

export interface TokenProblem {
  code: string
  message: string
  fix: string
  /** A conversion the user can accept with one click (base64 -> hex), never applied silently. */
  suggestion?: { label: string; token: string }
}

export type TokenNormalisation =
  | { ok: true; token: string; notes: string[] }
  | { ok: false; problem: TokenProblem }

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g
const PLACEHOLDERS = /^(\(null\)|null|<null>|nil|\(nil\)|undefined|none|token|<token>|<device[ _-]?token>|device[ _-]?token)$/i
const DEBUG_SUMMARY = /\{\s*length\s*=\s*\d+\s*,\s*bytes\s*=\s*0x/i
const HEX_WITH_SEPARATORS = /^<?\s*(0x)?[0-9a-fA-F][0-9a-fA-F\s:-]*>?$/
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/

export function normaliseDeviceToken(raw: string): TokenNormalisation {
  const notes: string[] = []
  const visible = raw.replace(INVISIBLE, '')
  if (visible !== raw) notes.push('removed invisible characters')
  const trimmed = visible.trim()
  if (trimmed !== visible) notes.push('trimmed surrounding whitespace')

  if (trimmed === '') {
    return problem('token.empty', 'The device token is empty.', 'Paste the hex token your app logged from didRegisterForRemoteNotificationsWithDeviceToken.')
  }
  if (PLACEHOLDERS.test(trimmed.replace(/^["']|["']$/g, ''))) {
    return problem(
      'token.placeholder',
      `"${trimmed}" is a placeholder, not a device token.`,
      'The app had no token when it logged this value. Log the token inside didRegisterForRemoteNotificationsWithDeviceToken.'
    )
  }
  if (DEBUG_SUMMARY.test(trimmed) || trimmed.includes('...') || trimmed.includes('…')) {
    return problem(
      'token.debug-summary',
      'This is a truncated debug summary of the token ({length = 32, bytes = 0x… ... }); the middle bytes are missing and cannot be recovered.',
      'Hex-encode the token bytes in the app: deviceToken.map { String(format: "%02x", $0) }.joined()'
    )
  }

  if (HEX_WITH_SEPARATORS.test(trimmed)) {
    const hex = trimmed.replace(/^<|>$/g, '').replace(/^\s*0x/i, '').replace(/[\s:-]/g, '')
    if (hex.length !== trimmed.length) notes.push('removed brackets, spaces and separators')
    const lower = hex.toLowerCase()
    if (lower !== hex) notes.push('converted to lowercase')
    if (lower.length % 2 !== 0) {
      return problem(
        'token.odd-length',
        `The token has ${lower.length} hex digits; a token is whole bytes, so the count must be even.`,
        'A digit was lost or added while copying. Copy the token again from the app log.'
      )
    }
    if (lower.length < MIN_TOKEN_HEX_LENGTH) {
      return problem(
        'token.too-short',
        `The token has ${lower.length} hex digits; APNs device tokens have at least ${MIN_TOKEN_HEX_LENGTH}.`,
        'Copy the whole token from the app log.'
      )
    }
    return { ok: true, token: lower, notes }
  }

  const fromBase64 = base64ToHex(trimmed)
  if (fromBase64 && fromBase64.length >= MIN_TOKEN_HEX_LENGTH) {
    return {
      ok: false,
      problem: {
        code: 'token.base64',
        message: 'This looks like a base64-encoded token; APNs needs hex.',
        fix: `Convert it to hex: ${fromBase64}`,
        suggestion: { label: 'Convert to hex', token: fromBase64 }
      }
    }
  }

  const bad = [...trimmed].findIndex((c) => !/[0-9a-fA-F\s<>:-]/.test(c))
  const shown = bad >= 0 ? JSON.stringify(trimmed[bad]) : 'a character'
  return problem(
    'token.not-hex',
    `The token contains ${shown} at position ${bad + 1}; a device token is hexadecimal (0-9, a-f).`,
    'Paste the hex token exactly as the app logged it.'
  )
}

function problem(code: string, message: string, fix: string): TokenNormalisation {
  return { ok: false, problem: { code, message, fix } }
}

function base64ToHex(text: string): string | null {
  if (!BASE64.test(text) || text.length % 4 === 1) return null
  // Hex digits make up about a third of random base64. A value that is mostly hex is a damaged
  // hex token, and decoding it would offer a plausible but wrong conversion.
  const hexShare = (text.match(/[0-9a-fA-F]/g)?.length ?? 0) / text.length
  if (hexShare > 0.75) return null
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
    return [...binary].map((c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('')
  } catch {
    return null
  }
}
