import type { PushTemplate } from '../../../shared/domain'

export interface TemplateGroup {
  group: string
  templates: PushTemplate[]
}

/** Templates matching every search word (in name, group or payload), grouped in the order groups first appear. */
export function groupedTemplates(list: readonly PushTemplate[], search: string): TemplateGroup[] {
  const words = search.toLowerCase().split(/\s+/).filter((w) => w !== '')
  const groups = new Map<string, PushTemplate[]>()
  for (const t of list) {
    if (words.length > 0) {
      const haystack = `${t.name}\n${t.group}\n${t.payloadText}`.toLowerCase()
      if (!words.every((w) => haystack.includes(w))) continue
    }
    const group = t.group || 'Ungrouped'
    const members = groups.get(group)
    if (members) members.push(t)
    else groups.set(group, [t])
  }
  return [...groups].map(([group, templates]) => ({ group, templates }))
}
