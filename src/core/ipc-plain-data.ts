/**
 * IPC inputs arrive as structured clones, which can carry Date, Map, Set, RegExp, typed arrays and
 * BigInt. zod's z.object accepts a Map or a Date as an object with no keys, so an all-optional
 * schema would let them through as {}. The contract describes JSON-like data only; anything else,
 * or nesting deeper than any channel uses (which would also make schema parsing recurse without
 * bound), is refused here before parsing.
 */
export const MAX_INPUT_DEPTH = 32

/** Null when the input is plain data; otherwise where and what the first offending value is. */
export function plainDataProblem(input: unknown): string | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: input, path: 'input', depth: 0 }]
  while (stack.length) {
    const { value, path, depth } = stack.pop()!
    if (value === null || value === undefined || typeof value === 'string' || typeof value === 'boolean') continue
    if (typeof value === 'number') continue // NaN and Infinity are left to the schemas, which name the field.
    if (typeof value !== 'object') return `${path} is a ${typeof value}`
    if (depth >= MAX_INPUT_DEPTH) return `${path} is nested more than ${MAX_INPUT_DEPTH} levels deep`
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) stack.push({ value: value[i], path: `${path}.${i}`, depth: depth + 1 })
      continue
    }
    const proto = Object.getPrototypeOf(value)
    if (proto !== Object.prototype && proto !== null) return `${path} is a ${Object.prototype.toString.call(value).slice(8, -1)}, not plain data`
    for (const key of Object.keys(value)) stack.push({ value: (value as Record<string, unknown>)[key], path: `${path}.${key.slice(0, 40)}`, depth: depth + 1 })
  }
  return null
}
