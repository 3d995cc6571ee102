/**
 * Device-token clean-up for the shapes users really paste (bug cases C-01 to C-06).
 * APNs puts whatever string it gets into :path, so anything ambiguous is refused with a
 * reason rather than "repaired" into a plausible but wrong token.
 */

import { describeCharacter, withoutInvisible } from './invisible-characters'

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

const PLACEHOLDERS = /^(\(null\)|null|<null>|nil|\(nil\)|undefined|none|token|<token>|<device[ _-]?token>|device[ _-]?token)$/i
const DEBUG_SUMMARY = /length\s*=\s*\d+\s*,\s*bytes\s*=\s*0x/i
const HEX_WITH_SEPARATORS = /^<?\s*(0[xX])?[0-9a-fA-F][0-9a-fA-F\s:-]*>?$/
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/
const WRAPPING_QUOTES = /^(["'`])([\s\S]*)\1,?$/
/** "Device token: 0f1e…", "deviceToken = <…>", "APNs token -> …" as apps log them. */
const LOG_LABEL = /^[A-Za-z][A-Za-z _-]{0,40}?\s*(?::|=|->)\s*(.+)$/s
const FCM_TOKEN = /^[A-Za-z0-9_-]{10,}:[A-Za-z0-9_-]{60,}$/
const SWIFT_DATA_DESCRIPTION = /^\d+\s+bytes$/i
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const HEX_ENCODING_FIX = 'Hex-encode the token bytes in the app: deviceToken.map { String(format: "%02x", $0) }.joined()'

/** A token already in the form Pushdeck sends (every saved device's is): nothing to clean up. */
const CLEAN_TOKEN = /^[0-9a-f]+$/

export function normaliseDeviceToken(raw: string): TokenNormalisation {
  // The common case (a fan-out checks thousands of saved tokens) skips the clean-up's patterns;
  // the result is the same as the full path below gives for such a token.
  if (raw.length >= MIN_TOKEN_HEX_LENGTH && raw.length % 2 === 0 && CLEAN_TOKEN.test(raw)) return { ok: true, token: raw, notes: lengthNotes(raw) }
  const notes: string[] = []
  const visible = withoutInvisible(raw)
  if (visible !== raw) notes.push('removed invisible characters')
  let trimmed = visible.trim()
  if (trimmed !== visible) notes.push('trimmed surrounding whitespace')
  const quoted = WRAPPING_QUOTES.exec(trimmed)
  if (quoted) {
    trimmed = quoted[2]!.trim()
    notes.push('removed quotes')
  }
  const labelled = LOG_LABEL.exec(trimmed)
  if (labelled && /[0-9a-fA-F]{8}/.test(labelled[1]!) && !/^[0-9a-fA-F]+$/.test(trimmed.split(/[:=]/)[0]!.trim())) {
    trimmed = labelled[1]!.trim()
    notes.push('removed the log label')
  }

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
      HEX_ENCODING_FIX
    )
  }
  if (SWIFT_DATA_DESCRIPTION.test(trimmed)) {
    return problem('token.data-description', `"${trimmed}" is how Swift prints a Data value; it holds no token bytes.`, HEX_ENCODING_FIX)
  }
  if (UUID.test(trimmed)) {
    return problem('token.uuid', 'This is a UUID (such as a simulator UDID or identifierForVendor), not a device token.', 'Use the token from didRegisterForRemoteNotificationsWithDeviceToken.')
  }
  if (FCM_TOKEN.test(trimmed)) {
    return problem(
      'token.fcm',
      'This is a Firebase Cloud Messaging registration token; APNs needs the APNs device token.',
      'Log Messaging.messaging().apnsToken, or the token from didRegisterForRemoteNotificationsWithDeviceToken, hex-encoded.'
    )
  }
  const groups = trimmed.split(/[\s,;<>]+/).filter(Boolean)
  if (groups.length > 1 && groups.filter((g) => /^[0-9a-fA-F]{64,}$/.test(g)).length > 1) {
    return problem('token.several', `This holds ${groups.length} tokens; a push goes to one token at a time here.`, 'Paste one token, or save each as a device.')
  }

  if (HEX_WITH_SEPARATORS.test(trimmed)) {
    const unwrapped = trimmed.replace(/^<|>$/g, '').trim()
    const withoutPrefix = unwrapped.replace(/^0x/i, '')
    if (withoutPrefix !== unwrapped) notes.push('removed the 0x prefix')
    const hex = withoutPrefix.replace(/[\s:-]/g, '')
    if (hex.length !== withoutPrefix.length || unwrapped !== trimmed) notes.push('removed brackets, spaces and separators')
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
    return { ok: true, token: lower, notes: [...notes, ...lengthNotes(lower)] }
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

  const characters = [...trimmed]
  const bad = characters.findIndex((c) => !/[0-9a-fA-F\s<>:-]/.test(c))
  if (bad < 0) {
    return problem('token.empty', 'The token has only brackets and separators, no hex digits.', 'Paste the hex token your app logged.')
  }
  return problem(
    'token.not-hex',
    `The token contains ${describeCharacter(characters[bad]!)} at character ${bad + 1}; a device token is hexadecimal (0-9, a-f).`,
    'Paste the hex token exactly as the app logged it.'
  )
}

function lengthNotes(token: string): string[] {
  return token.length > MIN_TOKEN_HEX_LENGTH ? [`it is ${token.length / 2} bytes, longer than the 32-byte tokens iPhones send today (normal for simulator tokens)`] : []
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
