import type { Parsed } from './booted-list'

/**
 * A reader for the old-style (OpenStep/NeXTSTEP) property lists `xcrun simctl listapps` prints:
 *   { "com.example.app" = { CFBundleIdentifier = "com.example.app"; ApplicationType = User; }; }
 * Dictionaries `{ key = value; }`, arrays `( a, b )`, quoted strings with backslash escapes,
 * unquoted words, `<hex data>`, and comments. plutil is macOS-only, so it is parsed here.
 */
export type PlistValue = string | PlistValue[] | { [key: string]: PlistValue }

const MAX_DEPTH = 64
const UNQUOTED = /[A-Za-z0-9_$+/:.\-]/

class Reader {
  private at = 0
  constructor(private readonly text: string) {}

  document(): PlistValue {
    const value = this.value(0)
    this.space()
    if (this.at < this.text.length) this.fail('unexpected text after the end of the list')
    return value
  }

  private value(depth: number): PlistValue {
    if (depth > MAX_DEPTH) this.fail('nested too deeply')
    this.space()
    const c = this.text[this.at]
    if (c === '{') return this.dictionary(depth)
    if (c === '(') return this.array(depth)
    if (c === '"' || c === "'") return this.quoted(c)
    if (c === '<') return this.data()
    if (c !== undefined && UNQUOTED.test(c)) return this.word()
    return this.fail(c === undefined ? 'the list ends too early' : `unexpected character "${c}"`)
  }

  private dictionary(depth: number): PlistValue {
    this.at++
    const entries: Record<string, PlistValue> = Object.create(null) as Record<string, PlistValue>
    for (;;) {
      this.space()
      if (this.text[this.at] === '}') {
        this.at++
        return entries
      }
      const key = this.value(depth + 1)
      if (typeof key !== 'string') this.fail('a dictionary key must be a string')
      this.expect('=')
      entries[key as string] = this.value(depth + 1)
      this.expect(';')
    }
  }

  private array(depth: number): PlistValue {
    this.at++
    const items: PlistValue[] = []
    for (;;) {
      this.space()
      if (this.text[this.at] === ')') {
        this.at++
        return items
      }
      items.push(this.value(depth + 1))
      this.space()
      if (this.text[this.at] === ',') this.at++
      else if (this.text[this.at] !== ')') this.fail('expected "," or ")" in an array')
    }
  }

  private quoted(quote: string): string {
    this.at++
    let out = ''
    while (this.at < this.text.length) {
      const c = this.text[this.at++]!
      if (c === quote) return out
      if (c !== '\\') {
        out += c
        continue
      }
      const e = this.text[this.at++]
      if (e === undefined) break
      if (e === 'n') out += '\n'
      else if (e === 't') out += '\t'
      else if (e === 'r') out += '\r'
      else if (e === 'U' || e === 'u') {
        const hex = /^[0-9A-Fa-f]{4}/.exec(this.text.slice(this.at))
        if (!hex) this.fail('malformed \\U escape')
        out += String.fromCharCode(parseInt(hex![0], 16))
        this.at += 4
      } else if (/[0-7]/.test(e)) {
        const octal = /^[0-7]{1,3}/.exec(this.text.slice(this.at - 1))![0]
        out += String.fromCharCode(parseInt(octal, 8))
        this.at += octal.length - 1
      } else out += e
    }
    return this.fail('a quoted string is not closed')
  }

  private data(): string {
    const end = this.text.indexOf('>', this.at)
    if (end < 0) this.fail('a <data> value is not closed')
    const hex = this.text.slice(this.at + 1, end).replace(/\s/g, '')
    if (!/^[0-9A-Fa-f]*$/.test(hex)) this.fail('a <data> value holds non-hex characters')
    this.at = end + 1
    return hex
  }

  private word(): string {
    const start = this.at
    while (this.at < this.text.length && UNQUOTED.test(this.text[this.at]!)) this.at++
    return this.text.slice(start, this.at)
  }

  private expect(c: string): void {
    this.space()
    if (this.text[this.at] !== c) this.fail(`expected "${c}"`)
    this.at++
  }

  /** Whitespace and both comment forms. */
  private space(): void {
    for (;;) {
      while (this.at < this.text.length && /\s/.test(this.text[this.at]!)) this.at++
      if (this.text.startsWith('//', this.at)) {
        const end = this.text.indexOf('\n', this.at)
        this.at = end < 0 ? this.text.length : end + 1
      } else if (this.text.startsWith('/*', this.at)) {
        const end = this.text.indexOf('*/', this.at + 2)
        if (end < 0) this.fail('a comment is not closed')
        this.at = end + 2
      } else return
    }
  }

  private fail(problem: string): never {
    const before = this.text.slice(0, this.at)
    const line = before.split('\n').length
    throw new PlistSyntaxError(`${problem} (line ${line})`)
  }
}

class PlistSyntaxError extends Error {}

export function parseOldStylePlist(text: string): Parsed<PlistValue> {
  try {
    return { ok: true, value: new Reader(text.replace(/^\uFEFF/, '')).document() }
  } catch (error) {
    if (error instanceof PlistSyntaxError) return { ok: false, problem: error.message }
    throw error
  }
}
