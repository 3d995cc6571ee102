/**
 * Characters that copy along with text but show nothing: zero-width spaces and joiners,
 * direction marks and embeddings, the word joiner family, soft hyphens and the BOM (C-06).
 */
export const INVISIBLE_CHARACTERS = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g

export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE_CHARACTERS, '')
}

/** How to name one character in a message: itself when visible, its code point when not. */
export function describeCharacter(char: string): string {
  const code = char.codePointAt(0) ?? 0
  const visible = code > 0x20 && code !== 0x7f && !/[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/.test(char)
  const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
  return visible ? `"${char}" (${name})` : `an invisible character (${name})`
}
