import { linter, type Diagnostic } from '@codemirror/lint'
import { analysePayload, replaceSmartQuotes } from '../../../../shared/payload'

/**
 * Puts the shared payload analysis into the editor: the JSON syntax error at the offset the
 * parser reports, and each smart quote where it sits. No JSON rules live here.
 */
export function payloadDiagnostics(text: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  // replaceSmartQuotes swaps one character for one character, so every position where the two
  // texts differ is a smart quote.
  const straight = replaceSmartQuotes(text)
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== straight[i]) {
      diagnostics.push({ from: i, to: i + 1, severity: 'error', source: 'Pushdeck', message: `Smart quote ${text[i]}: JSON needs a straight ${straight[i]}.` })
    }
  }
  const { syntaxError } = analysePayload(maskVariables(text))
  if (syntaxError) {
    const from = Math.min(syntaxError.offset, text.length)
    diagnostics.push({
      from,
      to: Math.min(from + 1, text.length),
      severity: 'error',
      source: 'JSON',
      message: `Invalid JSON at line ${syntaxError.line}, column ${syntaxError.column}: ${syntaxError.message}.`
    })
  }
  return diagnostics
}

/**
 * {{variables}} become a number of the same length ("0" and spaces) before the JSON check, so
 * `"badge": {{count}}` is not marked, and every offset still points into the text as typed.
 */
export function maskVariables(text: string): string {
  return text.replace(/\{\{\s*[A-Za-z_][A-Za-z0-9_]*\s*\}\}/g, (m) => '0'.padEnd(m.length))
}

export const payloadLinter = linter((view) => payloadDiagnostics(view.state.doc.toString()), { delay: 150 })
