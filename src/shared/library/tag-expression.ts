/**
 * Tag expressions pick devices for a send: `qa AND (ios17 OR ios18) AND NOT tablet`.
 * AND, OR and NOT (or &, |, !) in any case, parentheses, and tags; AND binds tighter than OR.
 * Parsing never throws: a malformed expression is named with its position as the user types.
 */
export type TagExpression =
  | { kind: 'tag'; tag: string }
  | { kind: 'not'; operand: TagExpression }
  | { kind: 'and' | 'or'; left: TagExpression; right: TagExpression }

export type ParsedTagExpression = { ok: true; expression: TagExpression; tags: string[] } | { ok: false; message: string; position: number }

type Token = { type: 'tag'; value: string; at: number } | { type: 'and' | 'or' | 'not' | '(' | ')'; at: number } | { type: 'end'; at: number }

class ExpressionError extends Error {
  constructor(
    message: string,
    readonly position: number
  ) {
    super(message)
  }
}

export function parseTagExpression(text: string): ParsedTagExpression {
  try {
    const tokens = tokenize(text)
    if (tokens.length === 1) throw new ExpressionError('The expression is empty: name at least one tag.', 0)
    const parser = new Parser(tokens)
    const expression = parser.parseOr()
    parser.expectEnd()
    return { ok: true, expression, tags: [...new Set(tagsOf(expression))] }
  } catch (error) {
    if (error instanceof ExpressionError) return { ok: false, message: error.message, position: error.position }
    throw error
  }
}

export function matchesTags(expression: TagExpression, tags: ReadonlySet<string>): boolean {
  switch (expression.kind) {
    case 'tag':
      return tags.has(expression.tag)
    case 'not':
      return !matchesTags(expression.operand, tags)
    case 'and':
      return matchesTags(expression.left, tags) && matchesTags(expression.right, tags)
    case 'or':
      return matchesTags(expression.left, tags) || matchesTags(expression.right, tags)
  }
}

function tagsOf(expression: TagExpression): string[] {
  if (expression.kind === 'tag') return [expression.tag]
  if (expression.kind === 'not') return tagsOf(expression.operand)
  return [...tagsOf(expression.left), ...tagsOf(expression.right)]
}

const WORDS: Record<string, 'and' | 'or' | 'not'> = { and: 'and', or: 'or', not: 'not' }
const SYMBOLS: Record<string, Token['type']> = { '&': 'and', '&&': 'and', '|': 'or', '||': 'or', '!': 'not', '(': '(', ')': ')' }

function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  const pattern = /\s*(?:(&&|\|\||[&|!()])|([A-Za-z0-9._:-]+)|(\S))/gy
  let match: RegExpExecArray | null
  while (pattern.lastIndex < text.length && (match = pattern.exec(text))) {
    const at = match.index + match[0].length - (match[1] ?? match[2] ?? match[3] ?? '').length
    if (match[1]) tokens.push({ type: SYMBOLS[match[1]]!, at } as Token)
    else if (match[2]) {
      const word = WORDS[match[2].toLowerCase()]
      tokens.push(word ? { type: word, at } : { type: 'tag', value: match[2].toLowerCase(), at })
    } else if (match[3]) throw new ExpressionError(`"${match[3]}" cannot appear in a tag expression.`, at)
  }
  tokens.push({ type: 'end', at: text.length })
  return tokens
}

class Parser {
  private index = 0
  private depth = 0

  constructor(private readonly tokens: Token[]) {}

  parseOr(): TagExpression {
    let left = this.parseAnd()
    while (this.peek().type === 'or') {
      this.index++
      left = { kind: 'or', left, right: this.parseAnd() }
    }
    return left
  }

  expectEnd(): void {
    const token = this.peek()
    if (token.type === ')') throw new ExpressionError('This ")" closes nothing.', token.at)
    if (token.type !== 'end') throw new ExpressionError(`Expected AND or OR before ${describe(token)}.`, token.at)
  }

  private parseAnd(): TagExpression {
    let left = this.parseNot()
    while (this.peek().type === 'and') {
      this.index++
      left = { kind: 'and', left, right: this.parseNot() }
    }
    return left
  }

  private parseNot(): TagExpression {
    if (this.peek().type === 'not') {
      this.index++
      return { kind: 'not', operand: this.parseNot() }
    }
    return this.parsePrimary()
  }

  private parsePrimary(): TagExpression {
    const token = this.tokens[this.index++]!
    if (token.type === 'tag') return { kind: 'tag', tag: token.value }
    if (token.type === '(') {
      if (++this.depth > 50) throw new ExpressionError('Too many nested parentheses.', token.at)
      const inner = this.parseOr()
      const close = this.tokens[this.index++]!
      if (close.type !== ')') throw new ExpressionError(`The "(" at ${token.at + 1} is never closed.`, close.at)
      this.depth--
      return inner
    }
    const previous = this.tokens[this.index - 2]
    throw new ExpressionError(`Expected a tag ${previous ? `after ${describe(previous)}` : 'at the start'}, found ${describe(token)}.`, token.at)
  }

  private peek(): Token {
    return this.tokens[this.index]!
  }
}

function describe(token: Token): string {
  switch (token.type) {
    case 'tag':
      return `"${token.value}"`
    case 'end':
      return 'the end'
    case 'and':
    case 'or':
    case 'not':
      return token.type.toUpperCase()
    default:
      return `"${token.type}"`
  }
}
