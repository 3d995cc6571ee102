import { printParseErrorCode, visit } from 'jsonc-parser'

/**
 * The payload exactly as it will go on the wire: node-apn sends JSON.stringify(rawPayload), so the
 * compact form is what APNs measures (C-11) and what the history shows as "sent body" (C-13).
 */
export interface PayloadAnalysis {
  syntaxError: { message: string; line: number; column: number; offset: number } | null
  value: unknown
  body: string | null
  bytes: number | null
  smartQuotes: boolean
  duplicateKeys: string[]
  /** Numbers that would arrive as another value: too large, too small, or too precise for a double. */
  impreciseNumbers: string[]
  /** -0 is sent as 0. */
  negativeZeros: string[]
  /** A lone UTF-16 surrogate cannot be sent as UTF-8; it goes out as a \u escape. */
  loneSurrogates: boolean
  /** A byte-order mark before the JSON; it is not sent. */
  leadingBom: boolean
}

/** Deeper than any real payload needs, shallow enough that no parser runs out of stack. */
export const MAX_PAYLOAD_DEPTH = 64

const SMART_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u2018\u2019\u201A\u201B\u2032]/

const SYNTAX_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'expected a property name in double quotes (is there a trailing comma?)',
  ValueExpected: 'expected a value (is there a trailing comma or a missing value?)',
  ColonExpected: 'expected a colon after the property name',
  CommaExpected: 'expected a comma between entries',
  CloseBraceExpected: 'expected } to close the object',
  CloseBracketExpected: 'expected ] to close the array',
  EndOfFileExpected: 'unexpected text after the end of the JSON value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in string (control characters must be escaped)'
}

export function utf8ByteLength(text: string): number {
  return new TextEncoder().encode(text).length
}

export function replaceSmartQuotes(text: string): string {
  return text.replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"').replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
}

/**
 * The same text gives the same analysis; a fan-out checks one payload for thousands of devices,
 * so the last result is kept. Callers must not mutate what they get.
 */
let lastAnalysis: { text: string; analysis: PayloadAnalysis } | null = null

export function analysePayload(rawText: string): PayloadAnalysis {
  if (lastAnalysis?.text === rawText) return lastAnalysis.analysis
  const analysis = analyseUncached(rawText)
  lastAnalysis = { text: rawText, analysis }
  return analysis
}

function analyseUncached(rawText: string): PayloadAnalysis {
  const leadingBom = rawText.startsWith('\uFEFF')
  const text = leadingBom ? rawText.slice(1) : rawText
  const smartQuotes = SMART_QUOTES.test(text)
  let syntaxError: PayloadAnalysis['syntaxError'] = null
  const duplicateKeys: string[] = []
  const impreciseNumbers: string[] = []
  const negativeZeros: string[] = []
  const loneSurrogates = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)
  const keyStack: Set<string>[] = []
  const result = (extra: Partial<PayloadAnalysis>): PayloadAnalysis => ({
    syntaxError, value: undefined, body: null, bytes: null, smartQuotes, duplicateKeys, impreciseNumbers, negativeZeros, loneSurrogates, leadingBom, ...extra
  })

  if (text.trim() === '') return result({ syntaxError: { message: 'the payload is empty', line: 1, column: 1, offset: 0 } })
  const tooDeep = depthBeyond(text, MAX_PAYLOAD_DEPTH)
  if (tooDeep !== null) {
    return result({ syntaxError: { message: `the JSON is nested more than ${MAX_PAYLOAD_DEPTH} levels deep; no real payload needs that`, ...lineAndColumn(text, tooDeep), offset: tooDeep } })
  }

  visit(
    text,
    {
      onObjectBegin: () => void keyStack.push(new Set()),
      onObjectEnd: () => void keyStack.pop(),
      onObjectProperty: (property, _offset, _length, _line, _char, pathSupplier) => {
        const keys = keyStack[keyStack.length - 1]
        const where = [...pathSupplier(), property].join('.')
        if (keys?.has(property)) duplicateKeys.push(where)
        keys?.add(property)
      },
      onLiteralValue: (value, offset, length, _line, _char, pathSupplier) => {
        if (typeof value !== 'number') return
        const literal = text.slice(offset, offset + length)
        const where = pathSupplier().join('.') || '(root)'
        if (Object.is(value, -0) || (value === 0 && literal.startsWith('-'))) negativeZeros.push(where)
        else if (!isExactNumber(literal, value)) impreciseNumbers.push(where)
      },
      onError: (error, offset, _length, startLine, startCharacter) => {
        if (syntaxError) return
        const name = printParseErrorCode(error)
        syntaxError = { message: SYNTAX_MESSAGES[name] ?? name, line: startLine + 1, column: startCharacter + 1, offset }
      }
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false }
  )

  if (syntaxError) return result({})
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (e) {
    // jsonc-parser and JSON.parse agree on everything we allow; this is a safety net.
    return result({ syntaxError: { message: (e as Error).message, line: 1, column: 1, offset: 0 } })
  }
  const body = JSON.stringify(value)
  return result({ value, body, bytes: utf8ByteLength(body) })
}

/**
 * A number literal survives the parse/stringify round trip unless it exceeds double precision:
 * too large (1e400), underflowing to 0 (1e-400), or with more digits than a double holds.
 */
function isExactNumber(literal: string, value: number): boolean {
  if (!Number.isFinite(value)) return false
  if (/^-?\d+$/.test(literal)) return Number.isSafeInteger(value) || BigInt(literal) === BigInt(value)
  if (value === 0) return !/[1-9]/.test(literal.split(/[eE]/)[0]!)
  const digits = significantDigits(literal)
  // Up to 15 significant digits always survive a double; beyond that, compare with what is sent.
  return digits.length <= 15 || significantDigits(String(value)) === digits
}

function significantDigits(numberText: string): string {
  return numberText.replace(/^-/, '').split(/[eE]/)[0]!.replace('.', '').replace(/^0+/, '').replace(/0+$/, '')
}

/** The offset where nesting first passes `limit`, found without recursion, or null. */
function depthBeyond(text: string, limit: number): number | null {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
    } else if (c === '"') inString = true
    else if (c === '{' || c === '[') {
      if (++depth > limit) return i
    } else if (c === '}' || c === ']') depth--
  }
  return null
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return { line, column: offset - before.lastIndexOf('\n') }
}
