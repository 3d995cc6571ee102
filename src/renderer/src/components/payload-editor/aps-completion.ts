import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete'
import { jsonLanguage } from '@codemirror/lang-json'
import { keysForPath, valuesFor } from '../../lib/aps-keys'
import { jsonContextAt } from '../../lib/json-context'

/**
 * Completion for the payload: aps keys inside "aps", alert keys inside "aps.alert", and the fixed
 * values of interruption-level and event. Each option carries Apple's meaning in one line.
 * Outside a string the option brings its own quotes; inside one only the text is completed.
 */
export function apsCompletions(context: CompletionContext): CompletionResult | null {
  const text = context.state.doc.toString()
  const at = jsonContextAt(text, context.pos)
  if (!at.path) return null
  const quote = (s: string) => (at.inString ? s : `"${s}"`)
  let options: Completion[] = []
  if (at.position === 'key') {
    options = keysForPath(at.path).map((k) => ({ label: k.key, detail: k.description, type: 'property', apply: at.inString ? k.key : `"${k.key}": ` }))
  } else if (at.position === 'value' && at.key !== null) {
    options = (valuesFor(at.path, at.key) ?? []).map((v) => ({ label: v.value, detail: v.description, type: 'enum', apply: quote(v.value) }))
  }
  if (options.length === 0) return null
  // Typed after no character at all, offer only on an explicit request (Ctrl-Space) or in a string.
  if (!context.explicit && !at.inString && at.from === context.pos) return null
  return { from: at.from, options, validFor: /^[A-Za-z0-9_-]*$/ }
}

export const apsCompletion = jsonLanguage.data.of({ autocomplete: apsCompletions })
