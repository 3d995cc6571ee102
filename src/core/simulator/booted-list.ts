import type { BootedSimulator } from '../../shared/simulator'
import { isSimulatorUdid, normaliseUdid } from '../../shared/simulator'

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string }

/** "com.apple.CoreSimulator.SimRuntime.iOS-18-3" -> "iOS 18.3"; an unknown shape is shown as given. */
export function runtimeLabel(runtimeId: string): string {
  const match = /SimRuntime\.([A-Za-z]+)-(\d+(?:-\d+)*)$/.exec(runtimeId)
  if (!match) return runtimeId
  const os = match[1]!.replace(/^xrOS$/, 'visionOS')
  return `${os} ${match[2]!.replace(/-/g, '.')}`
}

/**
 * `xcrun simctl list devices booted -j`. Keys are runtime identifiers mapping to arrays (possibly
 * empty); optional fields can be absent. Parsed defensively: a malformed entry is skipped, a
 * malformed document is reported.
 */
export function parseBootedDevices(stdout: string): Parsed<BootedSimulator[]> {
  let document: unknown
  try {
    document = JSON.parse(stdout)
  } catch (error) {
    return { ok: false, problem: `the device list is not JSON (${(error as Error).message})` }
  }
  const devices = (document as { devices?: unknown } | null)?.devices
  if (devices === null || typeof devices !== 'object' || Array.isArray(devices)) return { ok: false, problem: 'the device list has no "devices" object' }
  const booted: BootedSimulator[] = []
  for (const [runtimeId, entries] of Object.entries(devices as Record<string, unknown>)) {
    if (!Array.isArray(entries)) continue
    for (const entry of entries as unknown[]) {
      if (entry === null || typeof entry !== 'object') continue
      const d = entry as Record<string, unknown>
      if (typeof d.udid !== 'string' || !isSimulatorUdid(d.udid)) continue
      // A UDID is one simulator: malformed output listing it under two runtimes shows it once.
      if (booted.some((b) => b.udid === normaliseUdid(d.udid as string))) continue
      // `booted` filters already; a simulator caught shutting down between calls is left out.
      if (d.state !== undefined && d.state !== 'Booted') continue
      booted.push({
        udid: normaliseUdid(d.udid),
        name: typeof d.name === 'string' && d.name.trim() !== '' ? d.name : 'Unnamed simulator',
        runtime: runtimeLabel(runtimeId),
        runtimeId,
        available: d.isAvailable !== false,
        availabilityError: typeof d.availabilityError === 'string' ? d.availabilityError : null
      })
    }
  }
  return { ok: true, value: booted.sort((a, b) => a.name.localeCompare(b.name) || a.runtime.localeCompare(b.runtime)) }
}
