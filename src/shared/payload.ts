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
  impreciseNumbers: string[]
}

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

export function analysePayload(text: string): PayloadAnalysis {
  const smartQuotes = SMART_QUOTES.test(text)
  let syntaxError: PayloadAnalysis['syntaxError'] = null
  const duplicateKeys: string[] = []
  const impreciseNumbers: string[] = []
  const keyStack: Set<string>[] = []

  if (text.trim() === '') {
    return { syntaxError: { message: 'the payload is empty', line: 1, column: 1, offset: 0 }, value: undefined, body: null, bytes: null, smartQuotes, duplicateKeys, impreciseNumbers }
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
        if (typeof value === 'number' && !isExactNumber(text.slice(offset, offset + length), value)) {
          impreciseNumbers.push(pathSupplier().join('.') || '(root)')
        }
      },
      onError: (error, offset, _length, startLine, startCharacter) => {
        if (syntaxError) return
        const name = printParseErrorCode(error)
        syntaxError = { message: SYNTAX_MESSAGES[name] ?? name, line: startLine + 1, column: startCharacter + 1, offset }
      }
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false }
  )

  if (syntaxError) return { syntaxError, value: undefined, body: null, bytes: null, smartQuotes, duplicateKeys, impreciseNumbers }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (e) {
    // jsonc-parser and JSON.parse agree on everything we allow; this is a safety net.
    return { syntaxError: { message: (e as Error).message, line: 1, column: 1, offset: 0 }, value: undefined, body: null, bytes: null, smartQuotes, duplicateKeys, impreciseNumbers }
  }
  const body = JSON.stringify(value)
  return { syntaxError: null, value, body, bytes: utf8ByteLength(body), smartQuotes, duplicateKeys, impreciseNumbers }
}

/** A number literal survives the parse/stringify round trip unless it exceeds double precision. */
function isExactNumber(literal: string, value: number): boolean {
  if (!Number.isFinite(value)) return false
  if (/^-?\d+$/.test(literal)) return Number.isSafeInteger(value) || BigInt(literal) === BigInt(value)
  return true
}
