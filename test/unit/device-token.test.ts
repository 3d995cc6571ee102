import { describe, expect, it } from 'vitest'
import { normaliseDeviceToken } from '../../src/shared/device-token'

const TOKEN = '0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0'

function normalised(raw: string): string {
  const result = normaliseDeviceToken(raw)
  if (!result.ok) throw new Error(`expected ok, got ${result.problem.code}: ${result.problem.message}`)
  return result.token
}
function problemCode(raw: string): string {
  const result = normaliseDeviceToken(raw)
  if (result.ok) throw new Error(`expected a problem, got token ${result.token}`)
  return result.problem.code
}

describe('device token normalisation', () => {
  it('C-01: strips angle brackets and 8-character groups and says so', () => {
    const result = normaliseDeviceToken('<0f1e2d3c 4b5a6978 8796a5b4 c3d2e1f0 01122334 45566778 899aabbc cddeeff0>')
    expect(result).toEqual({ ok: true, token: TOKEN, notes: ['removed brackets, spaces and separators'] })
  })

  it('C-01 kind: dashes, colons, tabs and a 0x prefix are separators too', () => {
    expect(normalised('0f1e2d3c-4b5a6978-8796a5b4-c3d2e1f0-01122334-45566778-899aabbc-cddeeff0')).toBe(TOKEN)
    expect(normalised('0x' + TOKEN)).toBe(TOKEN)
    expect(normalised(TOKEN.match(/../g)!.join(':'))).toBe(TOKEN)
    expect(normalised('\t' + TOKEN.slice(0, 32) + '\t' + TOKEN.slice(32))).toBe(TOKEN)
  })

  it('C-02: refuses the iOS 13 debug summary instead of stripping it into a wrong token', () => {
    expect(problemCode('{length = 32, bytes = 0x0f1e2d3c 4b5a6978 8796a5b4 c3d2e1f0 ... 899aabbc cddeeff0 }')).toBe('token.debug-summary')
    expect(problemCode('0f1e2d3c4b5a6978…899aabbccddeeff0')).toBe('token.debug-summary')
    const result = normaliseDeviceToken('{length=32,bytes=0x0f1e2d3c...cddeeff0}')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problem.fix).toContain('%02x')
  })

  it('C-03: accepts even-length hex tokens longer than 64 characters', () => {
    const long = TOKEN + TOKEN + TOKEN.slice(0, 32)
    expect(long).toHaveLength(160)
    expect(normalised(long)).toBe(long)
  })

  it('C-03: refuses odd length and short tokens with the count', () => {
    const odd = normaliseDeviceToken(TOKEN + 'a')
    expect(odd.ok).toBe(false)
    if (!odd.ok) expect(odd.problem.message).toContain('65 hex digits')
    expect(problemCode(TOKEN.slice(0, 62))).toBe('token.too-short')
  })

  it('C-04: accepts uppercase and stores lowercase', () => {
    const result = normaliseDeviceToken(TOKEN.toUpperCase())
    expect(result).toEqual({ ok: true, token: TOKEN, notes: ['converted to lowercase'] })
  })

  it('C-05: detects base64 and offers the hex conversion without applying it', () => {
    const result = normaliseDeviceToken('Dx4tPEtaaXiHlqW0w9Lh8AESIzRFVmd4iZqrvM3e7/A=')
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problem.code).toBe('token.base64')
    expect(result.problem.suggestion?.token).toBe(TOKEN)
  })

  it('C-05 kind: base64url without padding is recognised too', () => {
    const result = normaliseDeviceToken('Dx4tPEtaaXiHlqW0w9Lh8AESIzRFVmd4iZqrvM3e7_A')
    expect(!result.ok && result.problem.suggestion?.token).toBe(TOKEN)
  })

  it('C-06: empty, placeholder and junk are refused; whitespace and zero-width characters are trimmed', () => {
    expect(problemCode('')).toBe('token.empty')
    expect(problemCode('   \n')).toBe('token.empty')
    expect(problemCode('(null)')).toBe('token.placeholder')
    expect(problemCode('"undefined"')).toBe('token.placeholder')
    expect(normalised(TOKEN + '\n')).toBe(TOKEN)
    expect(normalised('\u200b' + TOKEN)).toBe(TOKEN)
    expect(normalised('\uFEFF' + TOKEN + '\u2060')).toBe(TOKEN)
  })

  it('C-06: never strips letters out of a non-hex value', () => {
    const result = normaliseDeviceToken(TOKEN.slice(0, 60) + 'null')
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.problem.code).toBe('token.not-hex')
      expect(result.problem.message).toContain('"n" (U+006E) at character 61')
    }
  })

  it('C-06 kind: quotes from a JSON copy and a log label are removed, and said so', () => {
    expect(normaliseDeviceToken(`"${TOKEN}",`)).toEqual({ ok: true, token: TOKEN, notes: ['removed quotes'] })
    expect(normaliseDeviceToken(`Device token: ${TOKEN}`)).toEqual({ ok: true, token: TOKEN, notes: ['removed the log label'] })
    expect(normalised(`deviceToken = <${TOKEN}>`)).toBe(TOKEN)
    expect(normaliseDeviceToken('0x' + TOKEN)).toEqual({ ok: true, token: TOKEN, notes: ['removed the 0x prefix'] })
    expect(normalised(TOKEN.match(/../g)!.join(':').toUpperCase())).toBe(TOKEN)
  })

  it('C-02 kind: Swift\'s "32 bytes", a UUID and a Firebase token are each named', () => {
    expect(problemCode('32 bytes')).toBe('token.data-description')
    expect(problemCode('A1B2C3D4-1111-2222-3333-444455556666')).toBe('token.uuid')
    expect(problemCode('cX9aBcDeFgH:APA91bH' + 'x'.repeat(140))).toBe('token.fcm')
  })

  it('two tokens pasted together are refused instead of joined into one wrong token', () => {
    expect(problemCode(`${TOKEN} ${TOKEN.split('').reverse().join('')}`)).toBe('token.several')
    expect(problemCode(`<${TOKEN}>\n<${TOKEN}>`)).toBe('token.several')
  })

  it('C-03: a longer token is accepted with a note that says why it may be fine', () => {
    const result = normaliseDeviceToken(TOKEN + TOKEN)
    expect(result.ok && result.notes.join(' ')).toContain('64 bytes')
  })

  it('C-06 kind: direction marks and other invisible characters are removed; one left inside is named by code point', () => {
    expect(normalised('\u200e' + TOKEN + '\u200f')).toBe(TOKEN)
    expect(normalised('\u202e' + TOKEN + '\u202c')).toBe(TOKEN)
    expect(normalised('\u2066' + TOKEN + '\u2069\u180e')).toBe(TOKEN)
    const emoji = normaliseDeviceToken(TOKEN.slice(0, 10) + '😀' + TOKEN.slice(10))
    expect(!emoji.ok && emoji.problem.message).toContain('U+1F600')
  })

  it('brackets alone, an upper-case 0X prefix and a summary without braces', () => {
    expect(problemCode('<>')).toBe('token.empty')
    expect(problemCode('<- - ->')).toBe('token.empty')
    expect(normalised('0X' + TOKEN)).toBe(TOKEN)
    expect(problemCode('length = 32, bytes = 0x0f1e2d3c 4b5a6978 ... cddeeff0')).toBe('token.debug-summary')
  })
})

