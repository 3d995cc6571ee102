import { describe, expect, it } from 'vitest'
import { matchesTags, parseTagExpression } from '../../src/shared/library/tag-expression'
import { tagProblem, tidyTags } from '../../src/shared/library/tags'

function select(expression: string, devices: Record<string, string[]>): string[] {
  const parsed = parseTagExpression(expression)
  if (!parsed.ok) throw new Error(parsed.message)
  return Object.entries(devices).filter(([, tags]) => matchesTags(parsed.expression, new Set(tags))).map(([name]) => name)
}
const fleet = { a: ['qa', 'ios17'], b: ['qa', 'ios18', 'tablet'], c: ['beta', 'ios18'], d: [] }

describe('tag expressions', () => {
  it('AND binds tighter than OR; NOT and parentheses work; words and symbols are the same', () => {
    expect(select('qa', fleet)).toEqual(['a', 'b'])
    expect(select('qa AND ios18 OR beta', fleet)).toEqual(['b', 'c'])
    expect(select('qa and (ios17 or ios18) and not tablet', fleet)).toEqual(['a'])
    expect(select('qa && !tablet', fleet)).toEqual(['a'])
    expect(select('NOT qa', fleet)).toEqual(['c', 'd'])
    expect(select('QA | Beta', fleet)).toEqual(['a', 'b', 'c'])
  })

  it('names what is wrong and where, as the user types', () => {
    const problems = ['', 'qa AND', 'qa ios17', '(qa OR beta', 'qa)', 'AND qa', 'qa $ beta', 'NOT']
    const messages = problems.map((text) => {
      const parsed = parseTagExpression(text)
      return parsed.ok ? 'ok' : `${parsed.position}: ${parsed.message}`
    })
    expect(messages).toEqual([
      '0: The expression is empty: name at least one tag.',
      '6: Expected a tag after AND, found the end.',
      '3: Expected AND or OR before "ios17".',
      '11: The "(" at 1 is never closed.',
      '2: This ")" closes nothing.',
      '0: Expected a tag at the start, found AND.',
      '3: "$" cannot appear in a tag expression.',
      '3: Expected a tag after NOT, found the end.'
    ])
  })

  it('deep nesting is refused instead of overflowing', () => {
    const parsed = parseTagExpression('('.repeat(10_000) + 'qa' + ')'.repeat(10_000))
    expect(parsed.ok).toBe(false)
  })

  it('tags are normalised, de-duplicated and validated', () => {
    expect(tidyTags([' QA ', 'qa', 'iOS 17', 'and', ''])).toEqual(['ios-17', 'qa'])
    expect(tagProblem('or')).toContain('word of tag expressions')
    expect(tagProblem('a/b')).toContain('not a tag')
  })
})
