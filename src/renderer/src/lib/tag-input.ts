import { normaliseTag, tagProblem } from '../../../shared/library/tags'

/** Tags typed in one field, separated by commas or spaces: normalised, or the first bad one named. */
export function splitTags(text: string): { tags: string[]; problem: string | null } {
  const raw = text.split(/[,\s]+/).filter((t) => t !== '')
  for (const tag of raw) {
    const problem = tagProblem(tag)
    if (problem) return { tags: [], problem }
  }
  return { tags: [...new Set(raw.map(normaliseTag))], problem: null }
}

/** A chip input's draft added to its tags: the new list, or why the draft is not a tag. */
export function addTagDraft(tags: readonly string[], draft: string): { tags: string[]; problem: string | null } {
  const { tags: added, problem } = splitTags(draft)
  if (problem) return { tags: [...tags], problem }
  return { tags: [...new Set([...tags, ...added])].sort(), problem: null }
}
