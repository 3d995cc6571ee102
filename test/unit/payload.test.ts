import { describe, expect, it } from 'vitest'
import { analysePayload, replaceSmartQuotes, utf8ByteLength } from '../../src/shared/payload'

describe('payload analysis', () => {
  it('C-11: counts UTF-8 bytes of the compact JSON that is sent, not UTF-16 units', () => {
    // The case's sample, spaced as users type it: 2,247 UTF-16 units but 4,447 UTF-8 bytes.
    const typed = `{"aps": {"alert": {"title": "Hi", "body": "${'😀'.repeat(1100)}"}}}`
    expect(typed.length).toBe(2247)
    expect(utf8ByteLength(typed)).toBe(4447)
    const analysis = analysePayload(typed)
    // What goes on the wire is the compact form, so that is what is measured.
    expect(analysis.body).toBe(JSON.stringify(JSON.parse(typed)))
    expect(analysis.body!.length).toBe(2242)
    expect(analysis.bytes).toBe(4442)
  })

  it('counts multi-byte characters of every width', () => {
    expect(utf8ByteLength('a')).toBe(1)
    expect(utf8ByteLength('é')).toBe(2)
    expect(utf8ByteLength('€')).toBe(3)
    expect(utf8ByteLength('😀')).toBe(4)
  })

  it('C-12: a trailing comma is reported with line and column', () => {
    const analysis = analysePayload('{\n  "aps": {"alert": "Hi",}\n}')
    expect(analysis.syntaxError).toMatchObject({ line: 2, column: 25 })
    expect(analysis.syntaxError!.message).toContain('trailing comma')
    expect(analysis.body).toBeNull()
  })

  it('C-12: smart quotes are detected and can be replaced', () => {
    const text = '{“aps”: {“alert”: “Hi”}}'
    expect(analysePayload(text).smartQuotes).toBe(true)
    expect(analysePayload(text).syntaxError).not.toBeNull()
    const fixed = replaceSmartQuotes(text)
    expect(fixed).toBe('{"aps": {"alert": "Hi"}}')
    expect(analysePayload(fixed).syntaxError).toBeNull()
  })

  it('C-12: comments, empty text and a missing brace are syntax errors', () => {
    expect(analysePayload('{"aps": {} // note\n}').syntaxError).not.toBeNull()
    expect(analysePayload('  ').syntaxError?.message).toBe('the payload is empty')
    expect(analysePayload('{"aps": {"alert": "Hi"}').syntaxError?.message).toContain('}')
  })

  it('C-14: keeps types exactly; big integers that would change in transit are flagged', () => {
    const analysis = analysePayload('{"aps":{"badge":"3"},"id":12345678901234567890,"ok":9007199254740991}')
    expect(analysis.body).toContain('"badge":"3"')
    expect(analysis.impreciseNumbers).toEqual(['id'])
  })

  it('reports duplicate keys with their path', () => {
    expect(analysePayload('{"aps":{"alert":"a","alert":"b"}}').duplicateKeys).toEqual(['aps.alert'])
  })

  it('a payload nested thousands of levels deep is refused without running out of stack', () => {
    for (const depth of [6000, 100_000]) {
      const analysis = analysePayload('{"x":' + '['.repeat(depth) + ']'.repeat(depth) + '}')
      expect(analysis.syntaxError?.message).toContain('nested more than 64 levels')
      expect(analysis.syntaxError).toMatchObject({ line: 1, column: 69 })
    }
    expect(analysePayload('{"x":' + '['.repeat(60) + ']'.repeat(60) + '}').syntaxError).toBeNull()
    expect(analysePayload('{"s":"' + '['.repeat(500) + '"}').syntaxError).toBeNull()
  })

  it('numbers that would arrive changed are reported: -0, underflow, excess precision', () => {
    const analysis = analysePayload('{"a":-0,"b":1e-400,"c":0.12345678901234567890123,"d":0.1,"e":1.5e3,"f":0.000001,"g":123456789012.345}')
    expect(analysis.negativeZeros).toEqual(['a'])
    expect(analysis.impreciseNumbers).toEqual(['b', 'c'])
  })

  it('a lone surrogate and a leading BOM are noticed; the BOM is not sent', () => {
    expect(analysePayload('{"aps":{"alert":"\ud83d"}}').loneSurrogates).toBe(true)
    expect(analysePayload('{"aps":{"alert":"😀"}}').loneSurrogates).toBe(false)
    const bom = analysePayload('\uFEFF{"aps":{}}')
    expect(bom).toMatchObject({ leadingBom: true, syntaxError: null, body: '{"aps":{}}' })
  })
})

