/**
 * Template variables: `{{name}}` in a payload, filled per send from the value typed for this
 * send, else the template's default. Built-ins: `{{now}}` (UNIX seconds) and `{{uuid}}`.
 * Inside a JSON string a value is inserted escaped; outside one it is inserted as written, so
 * `"badge": {{count}}` takes a number.
 */
export const BUILT_IN_VARIABLES = ['now', 'uuid'] as const
// A fresh RegExp per use: a shared global one carries lastIndex from call to call.
const variablePattern = () => /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g

export interface TemplateVariable {
  name: string
  defaultValue: string
}

export interface RenderContext {
  values: Record<string, string>
  defaults: TemplateVariable[]
  nowSeconds: number
  uuid: () => string
}

export type RenderedTemplate = { ok: true; text: string } | { ok: false; missing: string[] }

/** The variables a payload uses, in order of first use, without the built-ins. */
export function variablesIn(text: string): string[] {
  const names = [...text.matchAll(variablePattern())].map((m) => m[1]!)
  return [...new Set(names)].filter((n) => !(BUILT_IN_VARIABLES as readonly string[]).includes(n))
}

/** Whether the text uses {{now}} or {{uuid}}, which render differently on every send. */
export function usesBuiltInVariables(text: string): boolean {
  return [...text.matchAll(variablePattern())].some((m) => (BUILT_IN_VARIABLES as readonly string[]).includes(m[1]!))
}

export function renderTemplate(text: string, context: RenderContext): RenderedTemplate {
  const missing = variablesIn(text).filter((name) => valueOf(name, context) === undefined)
  if (missing.length > 0) return { ok: false, missing }
  const variable = variablePattern()
  let out = ''
  let inString = false
  let last = 0
  // One pass that knows whether each {{…}} sits inside a JSON string.
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '\\' && inString) {
      i++
      continue
    }
    if (c === '"') {
      inString = !inString
      continue
    }
    if (c === '{' && text[i + 1] === '{') {
      variable.lastIndex = i
      const match = variable.exec(text)
      if (match && match.index === i) {
        const value = builtIn(match[1]!, context) ?? valueOf(match[1]!, context)!
        out += text.slice(last, i) + (inString ? JSON.stringify(value).slice(1, -1) : value)
        last = i + match[0].length
        i = last - 1
      }
    }
  }
  return { ok: true, text: out + text.slice(last) }
}

function builtIn(name: string, context: RenderContext): string | undefined {
  if (name === 'now') return String(context.nowSeconds)
  if (name === 'uuid') return context.uuid()
  return undefined
}

function valueOf(name: string, context: RenderContext): string | undefined {
  const typed = context.values[name]
  if (typed !== undefined && typed !== '') return typed
  return context.defaults.find((v) => v.name === name)?.defaultValue
}
