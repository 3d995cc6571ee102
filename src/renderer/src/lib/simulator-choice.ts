import type { BootedSimulator, InstalledApp } from '../../../shared/simulator'

/** The simulator to keep selected: the current one while it stays booted, else the first booted one. */
export function pickSimulator(booted: BootedSimulator[], current: string | null): string | null {
  if (current && booted.some((s) => s.udid === current)) return current
  return booted.find((s) => s.available)?.udid ?? booted[0]?.udid ?? null
}

/** The app to send to: the one compose already names if installed, else the first app the developer installed. */
export function pickApp(apps: InstalledApp[], bundleId: string): string | null {
  if (apps.some((a) => a.bundleId === bundleId.trim())) return bundleId.trim()
  return apps.find((a) => a.type === 'user')?.bundleId ?? null
}

export function sameSimulators(a: BootedSimulator[], b: BootedSimulator[]): boolean {
  return a.length === b.length && a.every((s, i) => JSON.stringify(s) === JSON.stringify(b[i]))
}

export function simulatorLabel(s: BootedSimulator): string {
  return `${s.name} — ${s.runtime}${s.available ? '' : ' (unavailable)'}`
}
