import { randomUUID } from 'node:crypto'
import { readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { HistoryStore } from '../../src/core/history/history-store'
import type { HistoryEntry } from '../../src/shared/history-types'
import { settingsPatchSchema, DEFAULT_SETTINGS } from '../../src/shared/settings'
import { cleanupAfterEach } from '../support/cleanups'
import { createTestApp } from '../support/test-app'

const { cleanups, folder } = cleanupAfterEach()

describe('settings', () => {
  it('start at the defaults, and a change is kept across restarts without touching the others', async () => {
    const dir = folder()
    const first = createTestApp({}, dir)
    expect(await first.router['settings:get'](undefined)).toEqual({ ok: true, value: DEFAULT_SETTINGS })
    expect(await first.router['settings:update']({ theme: 'dark' })).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, theme: 'dark' } })
    await first.router['settings:update']({ defaultEnvironment: 'production', historyLimitMb: 1000 })
    await first.dispose()

    const again = createTestApp({}, dir)
    cleanups.push(() => again.dispose())
    expect(await again.router['settings:get'](undefined)).toEqual({ ok: true, value: { theme: 'dark', defaultEnvironment: 'production', historyLimitMb: 1000 } })
  })

  it('refuse unknown settings and values outside the choices', () => {
    expect(settingsPatchSchema.safeParse({ theme: 'sepia' }).success).toBe(false)
    expect(settingsPatchSchema.safeParse({ historyLimitMb: 10 }).success).toBe(false)
    expect(settingsPatchSchema.safeParse({ fontSize: 14 }).success).toBe(false)
    expect(settingsPatchSchema.safeParse({}).success).toBe(true)
  })

  it('saved in a shape Pushdeck does not know fall back to the defaults, say so, and keep the original', async () => {
    const dir = folder()
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ app: { theme: 'sepia', defaultEnvironment: 'sandbox', historyLimitMb: 250 } }))
    const app = createTestApp({}, dir)
    cleanups.push(() => app.dispose())
    expect(await app.router['settings:get'](undefined)).toEqual({ ok: true, value: DEFAULT_SETTINGS })
    const notices = await app.router['app:notices'](undefined)
    expect(notices.ok && notices.value.join(' ')).toContain('Your saved settings in')
    expect(notices.ok && notices.value.join(' ')).toContain('the original is kept')
  })
})

describe('history size limit', () => {
  const entry = (n: number): HistoryEntry => ({
    id: randomUUID(), at: new Date(Date.UTC(2026, 11, 1, 0, 0, n)).toISOString(), runId: null, credentialLabel: 'Key', environment: 'sandbox', host: 'api.sandbox.push.apple.com', pushType: 'alert', templateName: null,
    device: { id: null, name: `Phone ${n}`, token: n.toString(16).padStart(64, '0'), tags: [] },
    request: { host: 'api.sandbox.push.apple.com', path: '/3/device/x', headers: { 'apns-topic': 'com.example.app' }, body: `{"aps":{"alert":"n${n}"}}`, bytes: 20 },
    response: { outcome: 'accepted', status: 200, reason: null, apnsId: randomUUID(), apnsUniqueId: null, unregisteredAt: null, latencyMs: 12, attempts: 1, explanation: '' }
  })
  const bytesOnDisk = (dir: string) => readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0)

  it('keeps the history on disk within the limit, deleting the oldest sends, from the next send on', () => {
    const dir = folder()
    const store = new HistoryStore(dir)
    store.limitTotalBytes(20_000)
    const all = Array.from({ length: 300 }, (_, n) => entry(n))
    all.forEach((e) => store.append(e))
    expect(bytesOnDisk(dir)).toBeLessThanOrEqual(20_000)
    // The newest are the ones kept, and each still reads back whole.
    const kept = store.summaries()
    expect(kept.length).toBeLessThan(300)
    expect(kept.map((s) => s.id)).toEqual(all.slice(300 - kept.length).map((e) => e.id).reverse())
    expect(store.get(kept[kept.length - 1]!.id)).toEqual(all[300 - kept.length])
    store.close()
  })
})
