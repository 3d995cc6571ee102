/**
 * Fuzzy matching for the quick switcher: every character of the query, in order, somewhere in
 * the text ("ip15" finds "iPhone 15"), case-insensitive, spaces in the query ignored. Matches
 * that start words, run on in a row or start the text score higher, so the closest comes first.
 */
export function fuzzyScore(query: string, text: string): number | null {
  const q = query.toLowerCase().replace(/\s+/g, '')
  if (q.length === 0) return 0
  const t = text.toLowerCase()
  let score = 0
  let at = 0
  let previous = -2
  for (let i = 0; i < q.length; i++) {
    const index = bestIndex(q, i, t, at)
    if (index < 0) return null
    score += 1
    // A run of letters counts most ("ship" in "Order Shipped" beats s…h…i…p across words).
    if (index === previous + 1) score += 10
    if (startsWord(text, index)) score += 6
    if (index === 0) score += 4
    score -= Math.min(index - at, 10) * 0.2
    previous = index
    at = index + 1
  }
  // Shorter texts matched by the same query are closer matches.
  return score - t.length * 0.01
}

/** The next place q[i] occurs from `from`, preferring a word start when the rest still fits. */
function bestIndex(q: string, i: number, t: string, from: number): number {
  const first = t.indexOf(q[i]!, from)
  if (first < 0 || startsWordLower(t, first)) return first
  for (let j = t.indexOf(q[i]!, first + 1); j >= 0; j = t.indexOf(q[i]!, j + 1)) {
    if (startsWordLower(t, j) && isSubsequence(q.slice(i + 1), t, j + 1)) return j
  }
  return first
}

function isSubsequence(q: string, t: string, from: number): boolean {
  let at = from
  for (const c of q) {
    at = t.indexOf(c, at)
    if (at < 0) return false
    at++
  }
  return true
}

function startsWordLower(t: string, index: number): boolean {
  return index === 0 || /[\s\-_./·:()]/.test(t[index - 1]!)
}

/** A word start, or a capital inside camelCase ("OrderShipped"). */
function startsWord(text: string, index: number): boolean {
  return startsWordLower(text, index) || (/[A-Z]/.test(text[index]!) && /[a-z]/.test(text[index - 1]!))
}
