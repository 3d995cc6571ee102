/**
 * Where the cursor is in a JSON text that may be half-typed: the path of keys to the object it
 * is in, and whether it is at a key or at a value (and which key's). {{variables}} outside
 * strings are skipped, as the payload may use them for numbers.
 */
export interface JsonCursorContext {
  /** Keys from the root to the innermost object (["aps", "alert"]); null inside an array. */
  path: string[] | null
  position: 'key' | 'value' | 'other'
  /** For a value: the key it belongs to. */
  key: string | null
  /** Inside a string: where its text starts (after the quote); otherwise where the word at the cursor starts. */
  from: number
  inString: boolean
}

interface Frame {
  type: 'object' | 'array'
  /** The key this container is the value of (null for the root and array items). */
  key: string | null
  expecting: 'key' | 'colon' | 'value' | 'comma'
  lastKey: string | null
}

export function jsonContextAt(text: string, pos: number): JsonCursorContext {
  const stack: Frame[] = []
  let i = 0
  let stringStart = -1
  while (i < pos) {
    const c = text[i]!
    if (stringStart >= 0) {
      if (c === '\\') i++
      else if (c === '"') {
        const value = text.slice(stringStart, i)
        stringStart = -1
        const top = stack[stack.length - 1]
        if (top?.type === 'object' && top.expecting === 'key') {
          top.lastKey = value
          top.expecting = 'colon'
        } else if (top) top.expecting = 'comma'
      }
      i++
      continue
    }
    if (c === '{' && text[i + 1] === '{') {
      const close = text.indexOf('}}', i + 2)
      if (close < 0 || close + 2 > pos) return { path: null, position: 'other', key: null, from: pos, inString: false }
      i = close + 2
      const top = stack[stack.length - 1]
      if (top) top.expecting = 'comma'
      continue
    }
    const top = stack[stack.length - 1]
    if (c === '"') stringStart = i + 1
    else if (c === '{' || c === '[') {
      stack.push({ type: c === '{' ? 'object' : 'array', key: top?.type === 'object' ? top.lastKey : null, expecting: c === '{' ? 'key' : 'value', lastKey: null })
    } else if (c === '}' || c === ']') {
      stack.pop()
      const parent = stack[stack.length - 1]
      if (parent) parent.expecting = 'comma'
    } else if (c === ':' && top?.type === 'object') top.expecting = 'value'
    else if (c === ',' && top) top.expecting = top.type === 'object' ? 'key' : 'value'
    else if (!/\s/.test(c) && top && top.expecting === 'value') top.expecting = 'comma'
    i++
  }
  const top = stack[stack.length - 1]
  const path = stack.every((f) => f.type === 'object') ? stack.slice(1).map((f) => f.key ?? '') : null
  if (!top) return { path: null, position: 'other', key: null, from: pos, inString: false }
  if (stringStart >= 0) {
    const position = top.type === 'object' ? (top.expecting === 'key' ? 'key' : top.expecting === 'value' ? 'value' : 'other') : 'other'
    return { path, position, key: position === 'value' ? top.lastKey : null, from: stringStart, inString: true }
  }
  const word = /[A-Za-z0-9_-]*$/.exec(text.slice(0, pos))![0]
  const from = pos - word.length
  if (top.type !== 'object') return { path, position: 'other', key: null, from, inString: false }
  // A word typed after a value, without a comma, still reads as the start of the next key.
  if (top.expecting === 'key') return { path, position: 'key', key: null, from, inString: false }
  if (top.expecting === 'value' || (top.expecting === 'comma' && word !== '' && /[:\s]$/.test(text.slice(0, from)))) {
    return { path, position: 'value', key: top.lastKey, from, inString: false }
  }
  return { path, position: 'other', key: null, from, inString: false }
}
