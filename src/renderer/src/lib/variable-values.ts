import { variablesIn, type TemplateVariable } from '../../../shared/library/template-variables'

/**
 * The variables a send carries: for each {{variable}} the payload uses, the value typed in
 * compose, else the loaded template's default. A variable with neither is left out, so the
 * shared check names it (payload.variable-missing).
 */
export function variablesForSend(payloadText: string, typed: Readonly<Record<string, string>>, defaults: readonly TemplateVariable[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name of variablesIn(payloadText)) {
    const value = typed[name]
    const fallback = defaults.find((v) => v.name === name)?.defaultValue
    if (value !== undefined && value !== '') out[name] = value
    else if (fallback !== undefined && fallback !== '') out[name] = fallback
  }
  return out
}

/** The template variables to save with compose's payload: each used one, with the value shown as its default. */
export function variablesToSave(payloadText: string, typed: Readonly<Record<string, string>>, defaults: readonly TemplateVariable[]): TemplateVariable[] {
  return variablesIn(payloadText).map((name) => ({ name, defaultValue: typed[name] ?? defaults.find((v) => v.name === name)?.defaultValue ?? '' }))
}
