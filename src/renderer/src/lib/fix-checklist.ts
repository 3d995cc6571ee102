/**
 * Some fixes are a list of things to check, written as one sentence ("Check: a; b; c."). Those
 * are shown as a checklist; every other fix stays a sentence.
 */
const CHECKLIST_REASONS = new Set(['InvalidProviderToken'])

export function fixChecklist(reason: string | null, fix: string): string[] | null {
  if (!reason || !CHECKLIST_REASONS.has(reason)) return null
  const items = fix
    .replace(/^\s*check\s*:\s*/i, '')
    .split('; ')
    .map((item) => item.trim().replace(/\.$/, ''))
    .filter((item) => item !== '')
  return items.length > 1 ? items : null
}
