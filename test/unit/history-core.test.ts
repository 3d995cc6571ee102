import { describe, expect, test } from 'vitest'
import { historyToCsv } from '../../src/core/history/history-export'
import { queryHistory } from '../../src/core/history/history-query'
import { historyStats, LATENCY_BINS_MS } from '../../src/core/history/history-stats'
import { summarise } from '../../src/shared/history-types'
import { historyEntry } from '../support/history-entries'

describe('history CSV', () => {
  test('one row per entry under a header, CRLF line ends, quotes and commas quoted', () => {
    const entry = historyEntry(1, { templateName: 'Order, "big"', request: { host: 'h', path: '/3/device/x', headers: { 'apns-topic': 'com.example.app' }, body: '{"aps":{"alert":"a,b\nc"}}', bytes: 24 } })
    const lines = historyToCsv([entry]).split('\r\n')
    expect(lines[0]).toBe('at,outcome,status,reason,device,token,tags,environment,push_type,template,apns_id,apns_unique_id,latency_ms,attempts,credential,topic,payload')
    expect(lines[1]).toContain(',"Order, ""big""",')
    expect(historyToCsv([entry]).endsWith('"{""aps"":{""alert"":""a,b\nc""}}"\r\n')).toBe(true)
    expect(historyToCsv([])).toBe(`${lines[0]}\r\n`)
  })

  test('a cell a spreadsheet would run as a formula is defused with a leading quote mark', () => {
    const entry = historyEntry(2, { device: { id: null, name: '=HYPERLINK("http://x")', token: 'a'.repeat(64), tags: ['-qa', '@ops'] } })
    const row = historyToCsv([entry]).split('\r\n')[1]!
    expect(row).toContain(`,"'=HYPERLINK(""http://x"")",`)
    expect(row).toContain(`,'-qa @ops,`)
  })
})

describe('history query', () => {
  // Newest first, as the store hands them out.
  const summaries = Array.from({ length: 30 }, (_, n) => summarise(historyEntry(n, n === 29 ? { device: { id: 'd1', name: 'QA iPad', token: 'c'.repeat(64), tags: ['qa', 'tablet'] } } : {}))).reverse()

  test('counts every match and returns the page asked for', () => {
    const { total, items } = queryHistory(summaries, { reason: 'BadDeviceToken', offset: 1, limit: 1 })
    expect(total).toBe(3)
    expect(items.map((s) => s.deviceName)).toEqual(['Phone 15'])
  })

  test('device matches a name or a token part; tag, status, outcome, reason (in any case) and template match exactly', () => {
    expect(queryHistory(summaries, { device: 'qa ipad' }).total).toBe(1)
    expect(queryHistory(summaries, { device: 'cccccc' }).total).toBe(1)
    expect(queryHistory(summaries, { tag: 'tablet' }).total).toBe(1)
    expect(queryHistory(summaries, { status: 400 }).total).toBe(3)
    expect(queryHistory(summaries, { reason: 'baddevicetoken' }).total).toBe(3)
    expect(queryHistory(summaries, { reason: 'BadDevice' }).total).toBe(0)
    expect(queryHistory(summaries, { outcome: 'accepted' }).total).toBe(27)
    expect(queryHistory(summaries, { template: 'alert' }).total).toBe(0)
    expect(queryHistory(summaries, { template: 'Alert' }).total).toBe(30)
  })

  test('the search looks in name, token, reason, apns-id, template and tags, whatever the case', () => {
    expect(queryHistory(summaries, { text: 'PHONE 2' }).items.map((s) => s.deviceName)).toEqual(['Phone 28', 'Phone 27', 'Phone 26', 'Phone 25', 'Phone 24', 'Phone 23', 'Phone 22', 'Phone 21', 'Phone 20', 'Phone 2'])
    expect(queryHistory(summaries, { text: 'baddevice' }).total).toBe(3)
    expect(queryHistory(summaries, { text: summaries[3]!.apnsId!.toUpperCase() }).total).toBe(1)
  })

  test("a run ID keeps one fan-out's entries", () => {
    const mixed = [summarise(historyEntry(1, { runId: 'run-a' })), summarise(historyEntry(2, { runId: 'run-b' })), summarise(historyEntry(3, { runId: 'run-a' })), summarise(historyEntry(4))]
    expect(queryHistory(mixed, { runId: 'run-a' }).items.map((s) => s.deviceName)).toEqual(['Phone 1', 'Phone 3'])
  })

  test('dates bound the send time on both ends, inclusive', () => {
    const at = (n: number) => new Date(1_764_000_000_000 + n * 1000).toISOString()
    expect(queryHistory(summaries, { from: at(10), to: at(12) }).items.map((s) => s.deviceName)).toEqual(['Phone 12', 'Phone 11', 'Phone 10'])
  })
})

describe('history stats', () => {
  test('success rate per time bucket and the latency distribution of what the filter matches; cancelled sends are counted but not charted', () => {
    const entries = [
      historyEntry(0, { response: { latencyMs: 10 } }),
      historyEntry(1, { response: { latencyMs: 60 } }),
      historyEntry(5, { response: { latencyMs: 300 } }), // rejected, BadDeviceToken
      historyEntry(120, { response: { outcome: 'failed', status: null, reason: null, latencyMs: 5000 } }),
      historyEntry(121, { response: { outcome: 'cancelled', status: null, reason: null, latencyMs: 0 } })
    ]
    const stats = historyStats(entries.map(summarise).reverse(), {})
    expect(stats.matched).toBe(5)
    expect(stats.outcomes).toEqual({ accepted: 2, rejected: 1, failed: 1, cancelled: 1 })
    expect(stats.bucketMs).toBe(60_000)
    expect(stats.timeline.map((b) => [b.attempts, b.accepted])).toEqual([
      [3, 2],
      [0, 0],
      [1, 0]
    ])
    // Only answered sends have a latency worth charting (the failed one never got an answer).
    expect(stats.latency.answered).toBe(3)
    expect(stats.latency.counts).toEqual(LATENCY_BINS_MS.map((upper) => (upper === 25 || upper === 100 || upper === 500 ? 1 : 0)))
    expect([stats.latency.p50, stats.latency.p95]).toEqual([60, 300])
  })

  test('a long span picks a coarser bucket so the chart keeps at most 48 bars; no match gives an empty chart', () => {
    const spread = Array.from({ length: 50 }, (_, n) => summarise(historyEntry(n * 3600)))
    const stats = historyStats(spread, {})
    expect(stats.bucketMs).toBe(6 * 3_600_000)
    expect(stats.timeline.length).toBeLessThanOrEqual(48)
    expect(stats.timeline.reduce((sum, b) => sum + b.attempts, 0)).toBe(50)
    const none = historyStats(spread, { text: 'nobody' })
    expect(none).toMatchObject({ matched: 0, timeline: [], latency: { answered: 0, p50: null, p95: null } })
  })
})
