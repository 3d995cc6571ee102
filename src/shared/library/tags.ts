/** Tags are short names, compared without case: "QA-iOS17" and "qa-ios17" are one tag. */
export const TAG_PATTERN = /^[a-z0-9][a-z0-9._:-]{0,39}$/

export function normaliseTag(raw: string): string {
  return raw.trim().toLowerCase().replace(/\s+/g, '-')
}

export function tagProblem(raw: string): string | null {
  const tag = normaliseTag(raw)
  if (tag === '') return 'A tag cannot be empty.'
  if (['and', 'or', 'not'].includes(tag)) return `"${tag}" is a word of tag expressions; pick another tag name.`
  if (!TAG_PATTERN.test(tag)) return `"${tag.slice(0, 40)}" is not a tag: use up to 40 letters, digits, dots, dashes, underscores or colons.`
  return null
}

/** Tags one device may carry: what the editor, the library bundle and the IPC contract all accept. */
export const MAX_TAGS_PER_DEVICE = 100

export function tooManyTagsProblem(count: number): string | null {
  return count > MAX_TAGS_PER_DEVICE ? `A device can carry up to ${MAX_TAGS_PER_DEVICE} tags; this one would have ${count}.` : null
}

/** Normalised, de-duplicated, sorted: the form tags are stored in. */
export function tidyTags(tags: string[]): string[] {
  return [...new Set(tags.map(normaliseTag).filter((t) => tagProblem(t) === null))].sort()
}
