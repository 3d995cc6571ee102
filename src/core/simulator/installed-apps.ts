import type { InstalledApp } from '../../shared/simulator'
import type { Parsed } from './booted-list'
import { parseOldStylePlist, type PlistValue } from './old-style-plist'

const isDictionary = (v: PlistValue | undefined): v is Record<string, PlistValue> => v !== undefined && typeof v === 'object' && !Array.isArray(v)
const text = (v: PlistValue | undefined): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null)

/**
 * `xcrun simctl listapps <udid>`: a dictionary keyed by bundle ID, each entry with
 * CFBundleIdentifier, CFBundleDisplayName / CFBundleName and ApplicationType (User or System).
 * User apps first (the ones a developer pushes to), then by name.
 */
export function parseInstalledApps(stdout: string): Parsed<InstalledApp[]> {
  const parsed = parseOldStylePlist(stdout)
  if (!parsed.ok) return { ok: false, problem: `the app list is not a property list: ${parsed.problem}` }
  if (!isDictionary(parsed.value)) return { ok: false, problem: 'the app list is not a dictionary of apps' }
  const apps: InstalledApp[] = []
  for (const [key, entry] of Object.entries(parsed.value)) {
    if (!isDictionary(entry)) continue
    const bundleId = text(entry.CFBundleIdentifier) ?? text(key)
    if (!bundleId) continue
    apps.push({
      bundleId,
      name: text(entry.CFBundleDisplayName) ?? text(entry.CFBundleName) ?? bundleId,
      type: entry.ApplicationType === 'System' ? 'system' : 'user'
    })
  }
  return { ok: true, value: apps.sort((a, b) => (a.type === b.type ? a.name.localeCompare(b.name) : a.type === 'user' ? -1 : 1)) }
}
