import type { CredentialProfile, PushTemplate, SavedDevice } from '../../../shared/domain'
import { ENVIRONMENT_LABELS } from '../../../shared/environments'
import { fuzzyScore } from './fuzzy-match'

export type SwitcherKind = 'device' | 'template' | 'profile'

/** One thing the quick switcher can pick. */
export interface SwitcherItem {
  kind: SwitcherKind
  id: string
  label: string
  /** The line under the label: what tells two similar items apart. */
  detail: string
}

export const SWITCHER_KIND_LABELS: Record<SwitcherKind, string> = { device: 'Device', template: 'Template', profile: 'Profile' }
const KIND_ORDER: SwitcherKind[] = ['device', 'template', 'profile']
/** The list stays short enough to read and to render at once. */
export const MAX_SWITCHER_RESULTS = 50

export function switcherItems(devices: readonly SavedDevice[], templates: readonly PushTemplate[], profiles: readonly CredentialProfile[]): SwitcherItem[] {
  return [
    ...devices.map((d) => ({ kind: 'device' as const, id: d.id, label: d.name, detail: `${d.bundleId} · ${ENVIRONMENT_LABELS[d.environment]}` })),
    ...templates.map((t) => ({ kind: 'template' as const, id: t.id, label: t.name, detail: t.group ? `${t.group} · ${t.pushType}` : t.pushType })),
    ...profiles.map((p) => ({ kind: 'profile' as const, id: p.id, label: p.label, detail: `${p.bundleId} · ${ENVIRONMENT_LABELS[p.environment]}` }))
  ]
}

/**
 * The items matching a query, best first. The label is matched fuzzily; the detail (a bundle ID,
 * a group) only by the query's words as written, since letters scattered over a long bundle ID
 * would match nearly anything. Detail matches list below label matches. Ties keep devices, then
 * templates, then profiles, each alphabetical.
 */
export function rankSwitcherItems(items: readonly SwitcherItem[], query: string): SwitcherItem[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  const scored: { item: SwitcherItem; score: number }[] = []
  for (const item of items) {
    const label = fuzzyScore(query, item.label)
    const detail = item.detail.toLowerCase()
    const inDetail = label === null && words.length > 0 && words.every((w) => detail.includes(w))
    if (label !== null) scored.push({ item, score: label })
    else if (inDetail) scored.push({ item, score: -1000 - detail.length * 0.01 })
  }
  scored.sort((a, b) => b.score - a.score || KIND_ORDER.indexOf(a.item.kind) - KIND_ORDER.indexOf(b.item.kind) || a.item.label.localeCompare(b.item.label))
  return scored.slice(0, MAX_SWITCHER_RESULTS).map((s) => s.item)
}
