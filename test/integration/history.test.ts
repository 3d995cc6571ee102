import { randomUUID } from 'node:crypto'
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { historyToCsv } from '../../src/core/history/history-export'
import { HistoryStore } from '../../src/core/history/history-store'
import { HistoryViewService } from '../../src/core/history/history-view-service'
import { TapStore } from '../../src/core/history/tap-store'
import { dispatch } from '../../src/core/ipc-dispatch'
import { silentLogger } from '../../src/core/ports'
import type { HistoryEntry } from '../../src/shared/history-types'
import { cleanupAfterEach } from '../support/cleanups'
import { createTestApp } from '../support/test-app'

const { cleanups, folder } = cleanupAfterEach()
function entry(n: number, overrides: Partial<HistoryEntry['response']> = {}): HistoryEntry {
  return {
    id: randomUUID(), at: new Date(Date.UTC(2026, 11, 1, 0, 0, n)).toISOString(), runId: null, credentialLabel: 'Key', environment: 'sandbox', host: 'api.sandbox.push.apple.com', pushType: 'alert', templateName: n % 2 ? 'Alert' : null,
    device: { id: null, name: `Phone ${n}`, token: n.toString(16).padStart(64, '0'), tags: n % 3 === 0 ? ['qa'] : [] },
    request: { host: 'api.sandbox.push.apple.com', path: '/3/device/x', headers: { 'apns-topic': 'com.example.app' }, body: `{"aps":{"alert":"n${n}"}}`, bytes: 20 },
    response: { outcome: 'accepted', status: 200, reason: null, apnsId: randomUUID(), apnsUniqueId: null, unregisteredAt: null, latencyMs: 12, attempts: 1, explanation: '', ...overrides }
  }
}

describe('delivery history', () => {
  it('keeps every entry across restarts, newest first, with the full request and response readable', () => {
    const dir = folder()
    const first = new HistoryStore(dir)
    const entries = [entry(1), entry(2, { outcome: 'rejected', status: 410, reason: 'Unregistered' }), entry(3)]
    entries.forEach((e) => first.append(e))
    first.close()
    const reopened = new HistoryStore(dir)
    expect(reopened.summaries().map((s) => s.id)).toEqual(entries.map((e) => e.id).reverse())
    expect(reopened.get(entries[1]!.id)).toEqual(entries[1])
    expect(reopened.notices).toEqual([])
  })

  it('after a crash mid-write the torn last line is skipped and reported; nothing before it is lost; appends continue cleanly', () => {
    const dir = folder()
    const store = new HistoryStore(dir)
    const kept = [entry(1), entry(2)]
    kept.forEach((e) => store.append(e))
    store.close()
    appendFileSync(join(dir, 'history.jsonl'), JSON.stringify(entry(3)).slice(0, 70))
    const recovered = new HistoryStore(dir)
    expect(recovered.summaries().map((s) => s.id)).toEqual(kept.map((e) => e.id).reverse())
    expect(recovered.notices.join(' ')).toContain('1 damaged history entry')
    const later = entry(4)
    recovered.append(later)
    recovered.close()
    const again = new HistoryStore(dir)
    expect(again.summaries().map((s) => s.id)).toEqual([later.id, ...kept.map((e) => e.id).reverse()])
    expect(again.get(later.id)).toEqual(later)
  })

  it('lines of valid JSON but not history entries are skipped and reported; filters and export keep working', async () => {
    const app = createTestApp({}, folder())
    cleanups.push(() => app.dispose())
    const setup = await app.router['demo:setup'](undefined)
    if (!setup.ok) throw new Error(setup.error.message)
    const base = { credentialId: setup.value.credential.id, environment: 'emulator' as const, bundleId: 'dev.pushdeck.demo', pushType: 'alert' as const, priority: 10 as const, payloadText: '{"aps":{"alert":"Hi"}}', topicOverride: null, expiration: { mode: 'none' as const }, collapseId: '', apnsId: '' }
    const sent = await app.router['push:send']({ ...base, deviceToken: setup.value.devices[0]!.token })
    if (!sent.ok) throw new Error(sent.error.message)
    await app.dispose()
    // A hand edit or a file from elsewhere: JSON, but not entries.
    appendFileSync(join(app.dataDir, 'history', 'history.jsonl'), ['{}', '{"device":{},"response":{}}', '{"id":"w1","at":"x","device":{"token":5,"tags":"notarray"},"response":{"apnsId":12345}}', '[1,2]', 'null'].join('\n') + '\n')

    const reopened = createTestApp({}, app.dataDir)
    cleanups.push(() => reopened.dispose())
    const notices = await reopened.router['app:notices'](undefined)
    expect(notices.ok && notices.value.join(' ')).toContain('5 damaged history entries')
    for (const query of [{}, { text: 'Demo' }, { device: 'Demo iPhone' }, { tag: 'qa' }, { reason: 'x' }]) {
      const page = await reopened.router['history:query'](query)
      expect(page.ok, JSON.stringify(query)).toBe(true)
    }
    const all = await reopened.router['history:query']({})
    expect(all.ok && all.value.items.map((s) => s.id)).toEqual([sent.value.historyId])
    const csv = await reopened.router['history:export']({ format: 'csv', query: { text: 'Demo' } })
    expect(csv.ok && csv.value.count).toBe(1)
  })

  it('starts whatever stands where the history should be: a file for its folder, a folder for its logs; each is moved aside and named', async () => {
    const cases: { name: string; arrange: (dataDir: string) => string }[] = [
      { name: 'history is a file', arrange: (d) => (writeFileSync(join(d, 'history'), 'not a folder'), join(d, 'history')) },
      { name: 'history.jsonl is a folder', arrange: (d) => (mkdirSync(join(d, 'history', 'history.jsonl'), { recursive: true }), join(d, 'history', 'history.jsonl')) },
      { name: 'taps.jsonl is a folder', arrange: (d) => (mkdirSync(join(d, 'history', 'taps.jsonl'), { recursive: true }), join(d, 'history', 'taps.jsonl')) }
    ]
    for (const { name, arrange } of cases) {
      const dataDir = folder()
      const blocking = arrange(dataDir)
      const app = createTestApp({}, dataDir)
      cleanups.push(() => app.dispose())
      const notices = await app.router['app:notices'](undefined)
      expect(notices.ok && notices.value.join(' '), name).toContain(`${blocking} was a`)
      expect(readdirSync(join(blocking, '..')).some((f) => f.includes('.unreadable-')), name).toBe(true)
      const setup = await app.router['demo:setup'](undefined)
      if (!setup.ok) throw new Error(setup.error.message)
      const sent = await app.router['push:send']({ credentialId: setup.value.credential.id, environment: 'emulator', bundleId: 'dev.pushdeck.demo', pushType: 'alert', priority: 10, payloadText: '{"aps":{"alert":"Hi"}}', topicOverride: null, expiration: { mode: 'none' }, collapseId: '', apnsId: '', deviceToken: setup.value.devices[0]!.token })
      const page = await app.router['history:query']({})
      expect(page.ok && page.value.items.map((s) => s.id), name).toEqual([sent.ok ? sent.value.historyId : 'send failed'])
    }
  })

  it('an export of queued entries (a running fan-out\'s) reads every one of them', () => {
    const store = new HistoryStore(folder())
    const queued = [entry(1), entry(2), entry(3)]
    queued.forEach((e) => store.appendBuffered(e))
    expect(store.getMany(queued.map((e) => e.id))).toEqual(queued)
    store.close()
  })

  it('queued entries (a fan-out\'s) are listed at once and written in one batch; a crash before the batch loses only the queued ones', () => {
    const dir = folder()
    const store = new HistoryStore(dir)
    const single = entry(1)
    store.append(single)
    const queued = [entry(2), entry(3), entry(4)]
    queued.forEach((e) => store.appendBuffered(e))
    expect(store.summaries().map((s) => s.id)).toEqual([single, ...queued].map((e) => e.id).reverse())
    // A crash now (the store is never closed): the next start finds the entry written before, undamaged.
    const afterCrash = new HistoryStore(dir)
    expect(afterCrash.summaries().map((s) => s.id)).toEqual([single.id])
    expect(afterCrash.notices).toEqual([])
    afterCrash.close()
    // Reading a queued entry writes the batch first; so does closing (app quit).
    expect(store.get(queued[1]!.id)).toEqual(queued[1])
    const later = entry(5)
    store.appendBuffered(later)
    store.close()
    const reopened = new HistoryStore(dir)
    expect(reopened.summaries().map((s) => s.id)).toEqual([single, ...queued, later].map((e) => e.id).reverse())
    expect(reopened.get(later.id)).toEqual(later)
  })

  it('a date filter that is not a date is refused with the format to use, never silently ignored', async () => {
    const app = createTestApp({}, folder())
    cleanups.push(() => app.dispose())
    for (const query of [{ from: 'garbage' }, { to: 'yesterday' }]) {
      const answer = (await dispatch(app.router, 'history:query', query, silentLogger)) as { ok: boolean; error?: { message: string } }
      expect(answer.ok, JSON.stringify(query)).toBe(false)
      expect(answer.error?.message).toContain('not a date: use e.g. 2026-12-04')
    }
    expect(((await dispatch(app.router, 'history:query', { from: '2026-12-04', to: '2026-12-04T23:59:59Z' }, silentLogger)) as { ok: boolean }).ok).toBe(true)
  })

  it("a cancelled target is no answer: the token's last answer stays the one before", () => {
    const store = new HistoryStore(folder())
    const token = 'ab'.repeat(32)
    const accepted = entry(1)
    store.append({ ...accepted, device: { ...accepted.device, token } })
    const cancelled = entry(2, { outcome: 'cancelled', status: null })
    store.append({ ...cancelled, runId: 'run', device: { ...cancelled.device, token } })
    expect(store.lastResultFor(token)).toEqual({ at: accepted.at, outcome: 'accepted', status: 200, reason: null })
  })

  it('after a restart each entry keeps its own tags, whatever characters they hold', () => {
    const dir = folder()
    const store = new HistoryStore(dir)
    const [one, two] = [entry(1), entry(2)]
    store.append({ ...one, device: { ...one.device, name: 'one', tags: ['qa\nios'] } })
    store.append({ ...two, device: { ...two.device, name: 'two', tags: ['qa', 'ios'] } })
    store.close()
    const reopened = new HistoryStore(dir)
    expect(reopened.summaries().map((s) => [s.deviceName, s.tags])).toEqual([['two', ['qa', 'ios']], ['one', ['qa\nios']]])
  })

  it('a whole last entry without its newline (a hand edit) is kept, and the next append starts a line of its own', () => {
    const dir = folder()
    const first = new HistoryStore(dir)
    first.append(entry(1))
    first.close()
    const edited = entry(2)
    appendFileSync(join(dir, 'history.jsonl'), JSON.stringify(edited))
    const second = new HistoryStore(dir)
    expect(second.notices).toEqual([])
    expect(second.get(edited.id)).toEqual(edited)
    const next = entry(3)
    second.append(next)
    second.close()
    const third = new HistoryStore(dir)
    expect(third.notices).toEqual([])
    expect(third.summaries().map((s) => s.id)).toEqual([next.id, edited.id, third.summaries()[2]!.id])
    expect(third.get(next.id)).toEqual(next)
  })

  it('an export is written in parts to the file chosen, the same text as all at once; nothing is left behind when the disk refuses, and a closed dialog saves nothing', async () => {
    const dir = folder()
    const store = new HistoryStore(dir)
    const entries = Array.from({ length: 2500 }, (_, n) => entry(n, n % 7 === 0 ? { outcome: 'rejected', status: 400, reason: 'BadDeviceToken' } : {}))
    for (const e of entries) store.appendBuffered(e)
    store.flush()
    const newestFirst = [...entries].reverse()
    let answer: string | null = join(dir, 'saved.json')
    const view = new HistoryViewService(store, new TapStore(join(dir, 'taps')), async () => answer)

    const json = await view.export('json', {})
    expect(json).toEqual({ ok: true, value: { fileName: expect.stringMatching(/\.json$/), path: join(dir, 'saved.json'), count: 2500 } })
    expect(readFileSync(join(dir, 'saved.json'), 'utf8')).toBe(JSON.stringify(newestFirst, null, 2) + '\n')
    answer = join(dir, 'saved.csv')
    expect((await view.export('csv', { status: 400 })).ok).toBe(true)
    expect(readFileSync(join(dir, 'saved.csv'), 'utf8')).toBe(historyToCsv(newestFirst.filter((e) => e.response.status === 400)))
    answer = join(dir, 'none.json')
    expect(await view.export('json', { text: 'no such device' })).toMatchObject({ ok: true, value: { count: 0 } })
    expect(JSON.parse(readFileSync(join(dir, 'none.json'), 'utf8'))).toEqual([])

    answer = join(dir, 'missing-folder', 'saved.json')
    const refused = await view.export('json', {})
    expect(refused).toMatchObject({ ok: false, error: { code: 'history.export-failed', message: expect.stringContaining('missing-folder') } })
    answer = null
    expect(await view.export('csv', {})).toMatchObject({ ok: true, value: { path: null, count: 0 } })
    expect(readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([])
  })

  it('rotates at the size cap and keeps a bounded number of old files', () => {
    const dir = folder()
    const store = new HistoryStore(dir, { maxFileBytes: 4096, keepOldFiles: 2 })
    const all = Array.from({ length: 200 }, (_, n) => entry(n))
    all.forEach((e) => store.append(e))
    const files = readdirSync(dir)
    expect(files.filter((f) => f.startsWith('history-'))).toHaveLength(2)
    for (const f of files) expect(statSync(join(dir, f)).size).toBeLessThanOrEqual(4096)
    const newest = store.summaries()
    expect(newest[0]!.id).toBe(all[199]!.id)
    expect(newest.length).toBeLessThan(200)
    expect(store.get(newest[newest.length - 1]!.id)).not.toBeNull()
    // Read in bulk across the current and rotated files, in the order asked; entries rotated out are left out.
    const asked = [newest[newest.length - 1]!.id, all[0]!.id, newest[0]!.id]
    expect(store.getMany(asked).map((e) => e.id)).toEqual([newest[newest.length - 1]!.id, newest[0]!.id])
    // A device's last answer comes from the newest entry kept for its token; once rotated out, there is none.
    expect(store.lastResultFor(all[199]!.device.token)).toEqual({ at: all[199]!.at, outcome: 'accepted', status: 200, reason: null })
    expect(store.lastResultFor(all[0]!.device.token)).toBeNull()
    store.close()
    expect(new HistoryStore(dir).count).toBe(newest.length)
  })

  it("a token's last answer is its newest entry, across restarts; a refused write takes it back to the one before", () => {
    const dir = folder()
    const store = new HistoryStore(dir)
    const token = 'ab'.repeat(32)
    const first = entry(1)
    const second = entry(2, { outcome: 'rejected', status: 410, reason: 'Unregistered' })
    for (const e of [first, second]) store.append({ ...e, device: { ...e.device, token } })
    expect(store.lastResultFor(token)).toEqual({ at: second.at, outcome: 'rejected', status: 410, reason: 'Unregistered' })
    store.close()
    const reopened = new HistoryStore(dir)
    expect(reopened.lastResultFor(token)).toEqual({ at: second.at, outcome: 'rejected', status: 410, reason: 'Unregistered' })
    // The file turns into a folder: the next write fails, and the answer it held is not listed.
    rmSync(join(dir, 'history.jsonl'))
    mkdirSync(join(dir, 'history.jsonl'))
    const third = entry(3, { outcome: 'failed', status: null })
    expect(() => reopened.append({ ...third, device: { ...third.device, token } })).toThrow()
    expect(reopened.lastResultFor(token)).toEqual({ at: second.at, outcome: 'rejected', status: 410, reason: 'Unregistered' })
  })

  it('every send through the app is recorded with request, response and device; filters find it; CSV and JSON export it', async () => {
    const app = createTestApp()
    cleanups.push(() => app.dispose())
    const setup = await app.router['demo:setup'](undefined)
    if (!setup.ok) throw new Error(setup.error.message)
    const [active, deleted] = setup.value.devices
    const base = { credentialId: setup.value.credential.id, environment: 'emulator' as const, bundleId: 'dev.pushdeck.demo', pushType: 'alert' as const, priority: 10 as const, payloadText: '{"aps":{"alert":"=cmd"}}', topicOverride: null, expiration: { mode: 'none' as const }, collapseId: '', apnsId: '', templateName: 'Alert' }
    const sent = await app.router['push:send']({ ...base, deviceToken: active!.token })
    await app.router['push:send']({ ...base, deviceToken: deleted!.token, templateName: null })
    const all = await app.router['history:query']({})
    expect(all.ok && all.value.items.map((s) => [s.deviceName, s.status])).toEqual([['Demo iPhone (app deleted)', 410], ['Demo iPhone', 200]])
    const byStatus = await app.router['history:query']({ status: 410 })
    expect(byStatus.ok && byStatus.value.total).toBe(1)
    const byTemplate = await app.router['history:query']({ template: 'Alert' })
    expect(byTemplate.ok && byTemplate.value.items[0]!.deviceName).toBe('Demo iPhone')
    const historyId = sent.ok ? sent.value.historyId! : ''
    const detail = await app.router['history:get']({ id: historyId })
    expect(detail.ok && detail.value).toMatchObject({ credentialLabel: 'Demo key (local emulator only)', request: { body: '{"aps":{"alert":"=cmd"}}' }, response: { status: 200 } })
    expect(JSON.stringify(detail)).not.toMatch(/eyJ[\w-]+\.eyJ/)
    // Main writes the export to the file the save dialog names (the tests' stand-in: <data folder>/exports).
    const csv = await app.router['history:export']({ format: 'csv', query: {} })
    if (!csv.ok || csv.value.path === null) throw new Error('the CSV export was not saved')
    expect(csv.value).toMatchObject({ count: 2, fileName: expect.stringMatching(/^pushdeck-history-\d{4}-\d{2}-\d{2}\.csv$/) })
    const csvText = readFileSync(csv.value.path, 'utf8')
    expect(csvText.split('\r\n')[0]).toContain('at,outcome,status,reason,device')
    expect(csvText).toContain(`"{""aps"":{""alert"":""=cmd""}}"`)
    const json = await app.router['history:export']({ format: 'json', query: { status: 410 } })
    if (!json.ok || json.value.path === null) throw new Error('the JSON export was not saved')
    expect((JSON.parse(readFileSync(json.value.path, 'utf8')) as HistoryEntry[]).map((e) => e.response.reason)).toEqual(['Unregistered'])
    expect(readFileSync(join(app.dataDir, 'history', 'history.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2)
  })
})
