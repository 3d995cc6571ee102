/** A tap reported by the app (POST /v1/opened): when, and which action the user chose. */
export interface TapInfo {
  at: string
  action: string
}

export interface TapRate {
  /** Sends APNs accepted: only those could reach a screen and be tapped. */
  delivered: number
  /** Of those, how many the app reported as opened. */
  tapped: number
  /** tapped / delivered, or null when nothing was delivered (no rate to show). */
  rate: number | null
}

/**
 * The tap rate of a set of sends (a fan-out's results): taps are keyed by apns-id, compared
 * without case because iOS reports the identifier in upper case and APNs answers in lower case.
 */
export function tapRate(results: readonly { outcome: string; apnsId: string | null }[], taps: Readonly<Record<string, TapInfo>>): TapRate {
  const tappedIds = new Set(Object.keys(taps).map((id) => id.toLowerCase()))
  let delivered = 0
  let tapped = 0
  for (const result of results) {
    if (result.outcome !== 'accepted') continue
    delivered++
    if (result.apnsId && tappedIds.has(result.apnsId.toLowerCase())) tapped++
  }
  return { delivered, tapped, rate: delivered === 0 ? null : tapped / delivered }
}

/** "3 of 10 opened (30%)", or "No delivered pushes" when there is no rate. */
export function formatTapRate(rate: TapRate): string {
  if (rate.rate === null) return 'No delivered pushes'
  return `${rate.tapped} of ${rate.delivered} opened (${Math.round(rate.rate * 100)}%)`
}
