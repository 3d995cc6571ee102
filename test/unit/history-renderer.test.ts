import { describe, expect, test } from 'vitest'
import type { HistoryEntry, HistoryQuery, HistoryStats, HistorySummary } from '../../src/shared/history-types'
import { summarise } from '../../src/shared/history-types'
import { historyEntry } from '../support/history-entries'

/*
 * The history view's pure renderer modules, loaded by path: tsconfig.node.json does not list
 * src/renderer, so a static import would not typecheck there. The shapes below are what this
 * test relies on; the modules themselves are typechecked by tsconfig.web.json.
 */
type Filters = { text: string; run: string; device: string; tag: string; template: string; outcome: string; status: string; reason: string; from: string; to: string }
interface FiltersModule {
  NO_HISTORY_FILTERS: Filters
  queryFromFilters(filters: Filters): { query: HistoryQuery; problem: string | null }
  activeFilterCount(filters: Filters): number
}
type Bar = { x: number; y: number; width: number; height: number; label: string }
type Frame = { width: number; height: number; gap: number }
interface ChartsModule {
  successRateBars(stats: Pick<HistoryStats, 'timeline' | 'bucketMs'>, frame: Frame): Bar[]
  latencyBinLabels(upperMs: number[]): string[]
  latencyBars(latency: HistoryStats['latency'], frame: Frame): Bar[]
  statsSummary(stats: HistoryStats): { success: string; latency: string }
}
interface PagesModule {
  pagesCovering(start: number, end: number, pageSize: number): number[]
  missingPages(start: number, end: number, pageSize: number, loaded: Record<number, HistorySummary[]>, pending: Set<number>): number[]
  entryAt(index: number, pageSize: number, loaded: Record<number, HistorySummary[]>): HistorySummary | null
}
interface ResendModule {
  resendDraft(entry: HistoryEntry): { deviceToken: string; bundleId: string; environment: string; pushType: string; priority: number; payloadText: string; expiration: unknown; collapseId: string }
  credentialForLabel<C extends { id: string; label: string }>(credentials: readonly C[], label: string): C | null
}
interface DeliveryLogModule {
  PUSH_CONSOLE_URL: string
  deliveryLogNote(uniqueId: string, opened: boolean, copied: boolean): string
  deliveryLogHandoff(entry: Pick<HistorySummary, 'environment' | 'apnsUniqueId'>): { kind: 'open'; url: string; uniqueId: string } | { kind: 'unavailable'; why: string } | null
}
interface RowsModule {
  historyRowText(s: HistorySummary): { status: string; device: string; detail: string; label: string }
}
const lib = async <T>(name: string) => (await import(/* @vite-ignore */ `../../src/renderer/src/lib/${name}.ts`)) as T
const { NO_HISTORY_FILTERS, activeFilterCount, queryFromFilters } = await lib<FiltersModule>('history-filters')
const { latencyBars, latencyBinLabels, statsSummary, successRateBars } = await lib<ChartsModule>('history-charts')
const { entryAt, missingPages, pagesCovering } = await lib<PagesModule>('history-pages')
const { credentialForLabel, resendDraft } = await lib<ResendModule>('resend')
const { PUSH_CONSOLE_URL, deliveryLogHandoff, deliveryLogNote } = await lib<DeliveryLogModule>('delivery-log')
const { openExternal } = await lib<{ openExternal(url: string): boolean }>('external-link')
const { historyRowText } = await lib<RowsModule>('history-rows')

describe('history filters as a query', () => {
  const filters = (patch: Partial<Filters>) => ({ ...NO_HISTORY_FILTERS, ...patch })

  test('empty fields are left out; text is trimmed and tags are matched in lower case', () => {
    expect(queryFromFilters(NO_HISTORY_FILTERS)).toEqual({ query: {}, problem: null })
    expect(queryFromFilters(filters({ text: '  order 42 ', device: ' iPhone ', tag: ' QA ', template: 'Alert', outcome: 'rejected', reason: ' Unregistered ', status: '410' }))).toEqual({
      query: { text: 'order 42', device: 'iPhone', tag: 'qa', template: 'Alert', outcome: 'rejected', reason: 'Unregistered', status: 410 },
      problem: null
    })
  })

  test('a status that is not three digits is named as the problem, with an example of one that is', () => {
    for (const status of ['41', '4100', 'abc', '610']) expect(queryFromFilters(filters({ status })).problem).toBe(`Status "${status}" is not an HTTP status code; type three digits, such as 410.`)
  })

  test('dates cover whole local days: from its first millisecond, to its last', () => {
    const { query } = queryFromFilters(filters({ from: '2025-11-24', to: '2025-11-25' }))
    expect(query.from).toBe(new Date(2025, 10, 24).toISOString())
    expect(query.to).toBe(new Date(new Date(2025, 10, 26).getTime() - 1).toISOString())
    // One day as both bounds is that whole day.
    const one = queryFromFilters(filters({ from: '2025-11-24', to: '2025-11-24' })).query
    expect(Date.parse(one.to!) - Date.parse(one.from!)).toBe(24 * 3_600_000 - 1)
  })

  test('from after to is a problem no entry could satisfy', () => {
    expect(queryFromFilters(filters({ from: '2025-11-25', to: '2025-11-24' })).problem).toBe('The "from" date is after the "to" date; no entry can match.')
  })

  test('one group send is asked for by its run ID', () => {
    expect(queryFromFilters(filters({ run: 'run-1' })).query).toEqual({ runId: 'run-1' })
  })

  test('the Filters button counts the filters set, not the search text or the group send (they show themselves)', () => {
    expect(activeFilterCount(filters({ text: 'x', run: 'run-1' }))).toBe(0)
    expect(activeFilterCount(filters({ tag: 'qa', status: '410', from: '2025-11-24' }))).toBe(3)
    expect(activeFilterCount(filters({ device: '   ' }))).toBe(0)
  })
})

describe('chart bars', () => {
  const frame = { width: 100, height: 50, gap: 2 }

  test('success rate: one bar per bucket with attempts, as tall as the share accepted; empty buckets get none', () => {
    const bars = successRateBars(
      {
        bucketMs: 60_000,
        timeline: [
          { start: '2025-11-24T16:00:00.000Z', attempts: 4, accepted: 4 },
          { start: '2025-11-24T16:01:00.000Z', attempts: 0, accepted: 0 },
          { start: '2025-11-24T16:02:00.000Z', attempts: 4, accepted: 1 },
          { start: '2025-11-24T16:03:00.000Z', attempts: 2, accepted: 0 }
        ]
      },
      frame
    )
    expect(bars.map((b) => [b.x, b.height, b.y, b.width])).toEqual([
      [0, 50, 0, 23],
      [50, 12.5, 37.5, 23],
      [75, 0, 50, 23]
    ])
    expect(bars[1]!.label).toMatch(/: 25% accepted \(1 of 4\)$/)
  })

  test('latency: bins named from their bounds, bars scaled to the fullest bin', () => {
    expect(latencyBinLabels([25, 100, 1000, 2500])).toEqual(['< 25 ms', '25 ms–100 ms', '100 ms–1 s', '1 s–2.5 s', '≥ 2.5 s'])
    const bars = latencyBars({ upperMs: [25, 100], counts: [2, 8, 0], p50: 40, p95: 90, answered: 10 }, { width: 90, height: 40, gap: 0 })
    expect(bars.map((b) => b.height)).toEqual([10, 40, 0])
    expect(bars.map((b) => b.label)).toEqual(['< 25 ms: 2 sends', '25 ms–100 ms: 8 sends', '≥ 100 ms: 0 sends'])
    // Nothing answered: flat bars, not a division by zero.
    expect(latencyBars({ upperMs: [25], counts: [0, 0], p50: null, p95: null, answered: 0 }, frame).map((b) => b.height)).toEqual([0, 0])
  })

  test('the text alternative leaves cancelled sends out of the rate and says when there is nothing to chart', () => {
    const stats: HistoryStats = {
      matched: 10,
      outcomes: { accepted: 6, rejected: 1, failed: 1, cancelled: 2 },
      bucketMs: 60_000,
      timeline: [],
      latency: { upperMs: [25], counts: [3, 4], p50: 20.4, p95: 180.6, answered: 7 }
    }
    expect(statsSummary(stats)).toEqual({ success: '75% of 8 sends accepted.', latency: 'Median 20 ms, 95th percentile 181 ms, over 7 answered sends.' })
    const none: HistoryStats = { ...stats, outcomes: { accepted: 0, rejected: 0, failed: 0, cancelled: 2 }, latency: { upperMs: [25], counts: [0, 0], p50: null, p95: null, answered: 0 } }
    expect(statsSummary(none)).toEqual({ success: 'No sends to chart.', latency: 'No answered sends to chart.' })
  })
})

describe('the windowed list reads pages', () => {
  const page = (n: number) => Array.from({ length: 10 }, (_, i) => summarise(historyEntry(n * 10 + i)))

  test('the pages a range of rows falls in', () => {
    expect(pagesCovering(0, 10, 10)).toEqual([0])
    expect(pagesCovering(5, 25, 10)).toEqual([0, 1, 2])
    expect(pagesCovering(10, 20, 10)).toEqual([1])
    expect(pagesCovering(3, 3, 10)).toEqual([])
  })

  test('only the pages neither loaded nor on their way are asked for', () => {
    expect(missingPages(0, 35, 10, { 1: page(1) }, new Set([2]))).toEqual([0, 3])
  })

  test('a row is its page entry, or null while its page is read', () => {
    const loaded = { 1: page(1) }
    expect(entryAt(13, 10, loaded)?.deviceName).toBe('Phone 13')
    expect(entryAt(3, 10, loaded)).toBeNull()
    expect(entryAt(25, 10, loaded)).toBeNull()
  })
})

describe('re-send', () => {
  test('compose gets the request as it went out: bundle ID without the push-type suffix, its priority, collapse ID and payload', () => {
    const entry = historyEntry(3, {
      pushType: 'voip',
      environment: 'production',
      request: { host: 'api.push.apple.com', path: `/3/device/${'ab'.repeat(32)}`, headers: { 'APNS-Topic': 'com.example.calls.voip', 'apns-priority': '5', 'apns-collapse-id': 'call-1' }, body: '{"call":"42"}', bytes: 13 }
    })
    expect(resendDraft(entry)).toMatchObject({ deviceToken: entry.device.token, bundleId: 'com.example.calls', environment: 'production', pushType: 'voip', priority: 5, payloadText: '{"call":"42"}', collapseId: 'call-1', expiration: { mode: 'none' } })
  })

  test('an expiration is kept as the same lifetime from now; 0 stays immediate; a priority APNs does not know falls back to 10', () => {
    const sentAt = new Date('2025-11-24T16:00:00.000Z')
    const headers = (extra: Record<string, string>) => ({ host: 'h', path: '/3/device/x', headers: { 'apns-topic': 'com.example.app', ...extra }, body: '{}', bytes: 2 })
    const relative = historyEntry(1, { at: sentAt.toISOString(), request: headers({ 'apns-expiration': String(sentAt.getTime() / 1000 + 3600), 'apns-priority': '7' }) })
    expect(resendDraft(relative)).toMatchObject({ expiration: { mode: 'relative', seconds: 3600 }, priority: 10 })
    expect(resendDraft(historyEntry(1, { request: headers({ 'apns-expiration': '0' }) })).expiration).toEqual({ mode: 'immediate' })
  })

  test('the credential is found by its label only when exactly one has it', () => {
    const list = [
      { id: 'a', label: 'Team key' },
      { id: 'b', label: 'Demo key' },
      { id: 'c', label: 'Demo key' }
    ]
    expect(credentialForLabel(list, 'Team key')?.id).toBe('a')
    expect(credentialForLabel(list, 'Demo key')).toBeNull()
    expect(credentialForLabel(list, 'Gone key')).toBeNull()
  })
})

describe("Apple's delivery log", () => {
  test('only sandbox sends with an apns-unique-id have one, opened over https', () => {
    expect(deliveryLogHandoff({ environment: 'sandbox', apnsUniqueId: ' 1234-abcd ' })).toEqual({ kind: 'open', url: PUSH_CONSOLE_URL, uniqueId: '1234-abcd' })
    expect(PUSH_CONSOLE_URL.startsWith('https://')).toBe(true)
    expect(deliveryLogHandoff({ environment: 'sandbox', apnsUniqueId: null })).toBeNull()
    expect(deliveryLogHandoff({ environment: 'production', apnsUniqueId: 'x' })).toEqual({ kind: 'unavailable', why: 'Apple keeps delivery logs for the Development (sandbox) environment only.' })
    expect(deliveryLogHandoff({ environment: 'emulator', apnsUniqueId: 'x' })).toMatchObject({ kind: 'unavailable' })
  })

  test('the note says how to find the push, with the ID itself when it could not be copied', () => {
    expect(deliveryLogNote('id-1', true, true)).toBe("Apple's Push Notifications Console opens in your browser. The apns-unique-id is copied: paste it into the Delivery Log search.")
    expect(deliveryLogNote('id-1', true, false)).toBe("Apple's Push Notifications Console opens in your browser. Paste this apns-unique-id into the Delivery Log search: id-1")
    expect(deliveryLogNote('id-1', false, false)).toMatch(/^The console's address is not https, so Pushdeck did not open it\. .*id-1$/)
  })

  test('only https links leave the app (what reaches window.open, which main hands to the browser)', () => {
    const opened: string[] = []
    const saved = (globalThis as { window?: unknown }).window
    ;(globalThis as { window?: unknown }).window = { open: (url: string) => opened.push(url) }
    try {
      expect(openExternal('http://icloud.developer.apple.com/')).toBe(false)
      expect(openExternal('file:///etc/passwd')).toBe(false)
      expect(openExternal('not a url')).toBe(false)
      expect(opened).toEqual([])
      expect(openExternal(PUSH_CONSOLE_URL)).toBe(true)
      expect(opened).toEqual([PUSH_CONSOLE_URL])
    } finally {
      ;(globalThis as { window?: unknown }).window = saved
    }
  })
})

describe('a history row', () => {
  test('says the status, or the outcome when APNs never answered, and marks a group send', () => {
    const answered = historyRowText(summarise(historyEntry(5, { templateName: null })))
    expect(answered).toMatchObject({ status: '400', device: 'Phone 5', detail: 'BadDeviceToken · sandbox · 25 ms' })
    const unanswered = historyRowText(summarise(historyEntry(1, { runId: 'run-1', device: { id: null, name: null, token: 'f'.repeat(64), tags: [] }, response: { outcome: 'failed', status: null, reason: null, latencyMs: 5000.4 } })))
    expect(unanswered).toMatchObject({ status: 'Failed', device: 'ffffffff…ffffff', detail: 'Failed · sandbox · 5000 ms · Alert · group send' })
  })
})
