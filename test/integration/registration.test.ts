import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { once } from 'node:events'
import { connect, createServer, type Socket } from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { EventPayloads } from '../../src/shared/events'
import { tapRate } from '../../src/shared/tap-rate'
import { enableRegistration, post, rawRequest } from '../support/registration-client'
import { createTestApp, type TestApp } from '../support/test-app'
import { createTestSecretBox } from '../support/test-secret-box'
import { dispatch } from '../../src/core/ipc-dispatch'
import { silentLogger } from '../../src/core/ports'
import { MAX_CONNECTIONS_PER_ADDRESS } from '../../src/core/registration/connection-cap'
import { MAX_TAGS_PER_DEVICE } from '../../src/shared/library/tags'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

function newApp(overrides: Parameters<typeof createTestApp>[0] = {}, dataDir?: string): TestApp {
  const app = createTestApp(overrides, dataDir)
  cleanups.push(() => app.dispose())
  return app
}

const token = () => randomBytes(32).toString('hex')

function openSocket(port: number, localAddress: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1', localAddress })
    socket.once('connect', () => resolve(socket))
    socket.once('error', reject)
  })
}
const registration = (t: string, extra: Record<string, unknown> = {}) => ({ token: t, bundleId: 'com.example.pushdemo', environment: 'sandbox', deviceName: 'QA iPhone', ...extra })

async function devices(app: TestApp) {
  const listed = await app.router['devices:list'](undefined)
  if (!listed.ok) throw new Error(listed.error.message)
  return listed.value
}

describe('registration endpoint over HTTP on loopback', () => {
  it('is off until enabled, then listens on 127.0.0.1 only, with a secret that is sealed on disk', async () => {
    const app = newApp()
    const before = await app.router['registration:status'](undefined)
    expect(before.ok && before.value).toMatchObject({ state: 'off', urls: [], settings: { enabled: false, lan: false } })
    const { url, secret } = await enableRegistration(app)
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(secret.length).toBeGreaterThanOrEqual(43)
    const stored = readFileSync(join(app.dataDir, 'registration.json'), 'utf8')
    expect(stored).not.toContain(secret)
    expect(stored).toContain('"enabled": true')
  })

  it('answers a wrong or missing secret with 401 and no detail, and adds nothing', async () => {
    const app = newApp()
    const { url, secret } = await enableRegistration(app)
    const body = registration(token())
    for (const auth of [null, 'Bearer wrong', `Basic ${secret}`, `Bearer ${secret}x`, `Bearer ${secret.slice(0, -1)}`, 'Bearer ']) {
      const answer = await fetch(`${url}/v1/register`, { method: 'POST', headers: { 'content-type': 'application/json', ...(auth === null ? {} : { authorization: auth }) }, body: JSON.stringify(body) })
      expect(answer.status, String(auth)).toBe(401)
      expect(await answer.text()).toBe('')
    }
    expect(await devices(app)).toHaveLength(0)
  })

  it('serves nothing else: 404 for other paths (no listing), 405 for other methods, no CORS and no preflight', async () => {
    const app = newApp()
    const { url, secret } = await enableRegistration(app)
    const auth = { authorization: `Bearer ${secret}` }
    for (const path of ['/', '/v1', '/v1/', '/v1/devices', '/v1/register/', '/../registration.json', '/favicon.ico']) {
      const answer = await fetch(`${url}${path}`, { headers: auth })
      expect(answer.status, path).toBe(404)
      expect(await answer.text()).not.toMatch(/registration\.json|history|<a /)
    }
    expect((await fetch(`${url}/v1/register`, { headers: auth })).status).toBe(405)
    const preflight = await rawRequest(`${url}/v1/register`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } })
    expect(preflight.status).toBeGreaterThanOrEqual(400)
    // A page that somehow knew the secret is still refused, and no answer carries a CORS header.
    const fromPage = await post(`${url}/v1/register`, secret, registration(token()), { origin: 'https://evil.example' })
    expect(fromPage.status).toBe(403)
    for (const headers of [preflight.headers, Object.fromEntries(fromPage.headers)]) {
      expect(Object.keys(headers).filter((h) => h.startsWith('access-control-'))).toEqual([])
    }
    expect(await devices(app)).toHaveLength(0)
  })

  it('refuses a body over 16 KB with 413, whether announced or streamed, and accepts only JSON', async () => {
    const app = newApp()
    const { url, secret } = await enableRegistration(app)
    const big = JSON.stringify(registration(token(), { deviceName: 'x'.repeat(17 * 1024) }))
    const announced = await post(`${url}/v1/register`, secret, big)
    expect(announced.status).toBe(413)
    // Chunked: no Content-Length, so the cap is found while reading.
    const streamed = await rawRequest(`${url}/v1/register`, { headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, chunks: big.match(/.{1,4096}/gs)! })
    expect(streamed.status).toBe(413)
    const asText = await fetch(`${url}/v1/register`, { method: 'POST', headers: { authorization: `Bearer ${secret}`, 'content-type': 'text/plain' }, body: JSON.stringify(registration(token())) })
    expect(asText.status).toBe(415)
    expect(await devices(app)).toHaveLength(0)
    // The connection is still good for a proper request afterwards.
    expect((await post(`${url}/v1/register`, secret, registration(token()))).status).toBe(200)
  })

  it('answers malformed JSON and every kind of wrong field with 400 naming the field', async () => {
    const app = newApp()
    const { url, secret } = await enableRegistration(app)
    const t = token()
    const cases: [unknown, string][] = [
      ['{"token": "abc",', '(body)'],
      ['', '(body)'],
      ['[1,2]', '(body)'],
      ['"just text"', '(body)'],
      [{ bundleId: 'com.example.pushdemo', environment: 'sandbox' }, 'token'],
      [registration(t, { bundleId: undefined }), 'bundleId'],
      [registration(t, { bundleId: 42 }), 'bundleId'],
      [registration(t, { bundleId: 'not a bundle id!' }), 'bundleId'],
      [registration(t, { environment: 'staging' }), 'environment'],
      [registration(t, { tags: 'qa' }), 'tags'],
      [registration(t, { tags: ['qa', 7] }), 'tags.1'],
      [registration(t, { tags: ['and'] }), 'tags'],
      [registration(t, { bundleID: 'com.example.pushdemo' }), 'bundleID'],
      [registration('(null)'), 'token'],
      [registration('<0f1e2d3c 4b5a6978>'), 'token'],
      [registration(t, { account: ['qa'] }), 'account']
    ]
    for (const [body, field] of cases) {
      const answer = await post(`${url}/v1/register`, secret, body)
      expect(answer.status, JSON.stringify(body)).toBe(400)
      const json = (await answer.json()) as { error: { field: string; message: string } }
      expect(json.error.field, JSON.stringify(body)).toBe(field)
      expect(json.error.message.length).toBeGreaterThan(5)
    }
    const opened = await post(`${url}/v1/opened`, secret, { token: t })
    expect(((await opened.json()) as { error: { field: string } }).error.field).toBe('apnsId')
    expect(await devices(app)).toHaveLength(0)
  })

  it('registers idempotently: the same token (any spelling) is one device, tags merged, account found by name', async () => {
    const app = newApp()
    const { url, secret } = await enableRegistration(app)
    const changes: EventPayloads['library:changed'][] = []
    app.events.subscribe((name, payload) => name === 'library:changed' && changes.push(payload as EventPayloads['library:changed']))
    const t = token()
    const first = await post(`${url}/v1/register`, secret, registration(t, { tags: ['QA'], account: 'qa+ios@example.com' }))
    expect(first.status).toBe(200)
    const created = (await first.json()) as { deviceId: string; created: boolean }
    expect(created.created).toBe(true)
    expect(changes).toEqual([{ devices: true, history: false }])
    const again = (await (await post(`${url}/v1/register`, secret, registration(t, { tags: ['QA'], account: 'qa+ios@example.com' }))).json()) as { deviceId: string; created: boolean }
    expect(again).toEqual({ deviceId: created.deviceId, created: false })
    const bracketed = `<${t.toUpperCase().match(/.{8}/g)!.join(' ')}>`
    const merged = (await (await post(`${url}/v1/register`, secret, registration(bracketed, { tags: ['ios18'], account: 'QA+iOS@example.com', deviceName: 'Renamed' }))).json()) as { deviceId: string }
    expect(merged.deviceId).toBe(created.deviceId)
    const [device, ...rest] = await devices(app)
    expect(rest).toHaveLength(0)
    expect(device).toMatchObject({ token: t, name: 'Renamed', tags: ['ios18', 'qa'], bundleId: 'com.example.pushdemo', environment: 'sandbox' })
    const accounts = await app.router['accounts:list'](undefined)
    expect(accounts.ok && accounts.value.map((a) => a.name)).toEqual(['qa+ios@example.com'])
    expect(accounts.ok && accounts.value[0]!.id).toBe(device!.accountId)
  })

  it('concurrent registrations of one token give one device with every tag', async () => {
    const app = newApp()
    const { url, secret } = await enableRegistration(app)
    const t = token()
    // As many at once as one client may hold connections.
    const parallel = MAX_CONNECTIONS_PER_ADDRESS
    const answers = await Promise.all(Array.from({ length: parallel }, (_, i) => post(`${url}/v1/register`, secret, registration(t, { tags: [`t${i}`], account: 'shared' }))))
    const bodies = (await Promise.all(answers.map((a) => a.json()))) as { deviceId: string; created: boolean }[]
    expect(answers.map((a) => a.status)).toEqual(Array(parallel).fill(200))
    expect(new Set(bodies.map((b) => b.deviceId)).size).toBe(1)
    expect(bodies.filter((b) => b.created)).toHaveLength(1)
    const all = await devices(app)
    expect(all).toHaveLength(1)
    expect(all[0]!.tags).toHaveLength(parallel)
    const accounts = await app.router['accounts:list'](undefined)
    expect(accounts.ok && accounts.value).toHaveLength(1)
  })

  it('limits each client: past the burst it answers 429 with Retry-After', async () => {
    const app = newApp({ registration: { defaultPort: 0, rateLimit: { burst: 3, perSecond: 1 / 600 } } })
    const { url, secret } = await enableRegistration(app)
    const statuses: number[] = []
    for (let i = 0; i < 3; i++) statuses.push((await post(`${url}/v1/register`, secret, registration(token()))).status)
    const limited = await post(`${url}/v1/register`, secret, registration(token()))
    expect(statuses).toEqual([200, 200, 200])
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    // Wrong secrets count too, so guessing is throttled like anything else.
    expect((await post(`${url}/v1/register`, 'guess', registration(token()))).status).toBe(429)
    expect(await devices(app)).toHaveLength(3)
  })

  it('records a tap against the history entry of a real send to the emulator, and the device, keeping the history append-only', async () => {
    const app = newApp()
    const { url, secret } = await enableRegistration(app)
    const setup = await app.router['demo:setup'](undefined)
    if (!setup.ok) throw new Error(setup.error.message)
    const device = setup.value.devices[0]!
    const base = { credentialId: setup.value.credential.id, environment: 'emulator' as const, deviceToken: device.token, bundleId: 'dev.pushdeck.demo', pushType: 'alert' as const, priority: 10 as const, topicOverride: null, expiration: { mode: 'none' as const }, collapseId: '', apnsId: '' }
    const sent = await app.router['push:send']({ ...base, payloadText: '{"aps":{"alert":"Tap me"}}' })
    if (!sent.ok || !sent.value.apnsId) throw new Error('the send failed')
    const other = await app.router['push:send']({ ...base, payloadText: '{"aps":{"alert":"Promo"},"notificationId":"promo-42"}' })
    if (!other.ok) throw new Error(other.error.message)
    const historyFile = join(app.dataDir, 'history', 'history.jsonl')
    const historyBefore = readFileSync(historyFile, 'utf8')

    // iOS gives the identifier in upper case.
    const tapped = await post(`${url}/v1/opened`, secret, { apnsId: sent.value.apnsId.toUpperCase(), token: device.token, action: 'REPLY' })
    expect(tapped.status).toBe(200)
    expect(await tapped.json()).toEqual({ recorded: true, historyId: sent.value.historyId, deviceId: device.id })
    const byPayload = await post(`${url}/v1/opened`, secret, { notificationId: 'promo-42', token: device.token })
    expect(((await byPayload.json()) as { historyId: string }).historyId).toBe(other.value.historyId)

    const page = await app.router['history:query']({})
    const items = page.ok ? page.value.items : []
    expect(items.find((s) => s.id === sent.value.historyId)).toMatchObject({ tapAction: 'REPLY', tappedAt: expect.any(String) })
    expect(items.find((s) => s.id === other.value.historyId)).toMatchObject({ tapAction: 'com.apple.UNNotificationDefaultActionIdentifier' })
    const entry = await app.router['history:get']({ id: sent.value.historyId! })
    expect(entry.ok && entry.value.tap?.action).toBe('REPLY')
    const saved = (await devices(app)).find((d) => d.id === device.id)!
    expect(saved.lastTap?.action).toBe('com.apple.UNNotificationDefaultActionIdentifier')
    expect(readFileSync(historyFile, 'utf8')).toBe(historyBefore)
    expect(readFileSync(join(app.dataDir, 'history', 'taps.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2)

    const taps = await app.router['history:taps']({ apnsIds: [sent.value.apnsId, other.value.apnsId!] })
    const rate = tapRate([{ outcome: 'accepted', apnsId: sent.value.apnsId }, { outcome: 'accepted', apnsId: other.value.apnsId }], taps.ok ? taps.value : {})
    expect(rate).toEqual({ delivered: 2, tapped: 2, rate: 1 })

    // A tap for a push Pushdeck never sent, to a device it does not know, is not recorded.
    const stray = await post(`${url}/v1/opened`, secret, { apnsId: '123e4567-e89b-12d3-a456-4266554400a0', token: token() })
    expect(await stray.json()).toEqual({ recorded: false, historyId: null, deviceId: null })

    // Taps survive a restart, read back from their own log.
    await app.registration.stop()
    const reopened = newApp({}, app.dataDir)
    const again = await reopened.router['history:get']({ id: sent.value.historyId! })
    expect(again.ok && again.value.tap?.action).toBe('REPLY')
  })

  it('a device APNs marked unregistered (410) is cleared when the app registers the same token again later', async () => {
    const app = newApp()
    const { url, secret } = await enableRegistration(app)
    const setup = await app.router['demo:setup'](undefined)
    if (!setup.ok) throw new Error(setup.error.message)
    const t = token()
    await post(`${url}/v1/register`, secret, registration(t, { environment: 'sandbox' }))
    const since = Date.now() - 60_000
    app.emulator.seedDevice(t, { state: 'unregistered', since })
    const sent = await app.router['push:send']({ credentialId: setup.value.credential.id, environment: 'emulator', deviceToken: t, bundleId: 'com.example.pushdemo', pushType: 'alert', priority: 10, topicOverride: null, expiration: { mode: 'none' }, collapseId: '', apnsId: '', payloadText: '{"aps":{"alert":"Hi"}}' })
    expect(sent.ok && sent.value.reason).toBe('Unregistered')
    expect((await devices(app)).find((d) => d.token === t)!.unregisteredAt).toBe(new Date(since).toISOString())

    // The app launched again and handed its token over after the 410's moment: it is valid again.
    const again = await post(`${url}/v1/register`, secret, registration(t))
    expect(again.status).toBe(200)
    expect((await devices(app)).find((d) => d.token === t)!.unregisteredAt).toBeNull()
  })

  it('one client holding connections with requests it never finishes cannot lock out another device', async (context) => {
    const app = newApp()
    const { url, secret } = await enableRegistration(app)
    const port = Number(new URL(url).port)
    // The hog connects from a second loopback address: Linux routes all of 127/8, macOS only 127.0.0.1.
    const probe = await openSocket(port, '127.0.0.2').catch(() => null)
    if (!probe) {
      console.log('skipping the two-address check: this machine cannot connect from 127.0.0.2')
      context.skip()
    }
    probe!.destroy()
    await once(probe!, 'close')
    const hog: Socket[] = []
    const HOG = 70
    let refused = 0
    const allRefused = new Promise<void>((resolve) => {
      for (let n = 0; n < HOG; n++) {
        void openSocket(port, '127.0.0.2').then((socket) => {
          hog.push(socket)
          socket.on('error', () => undefined)
          socket.on('data', (data: Buffer) => {
            if (data.toString('latin1').startsWith('HTTP/1.1 503') && ++refused === HOG - MAX_CONNECTIONS_PER_ADDRESS) resolve()
          })
          socket.write('POST /v1/register HTTP/1.1\r\nHost: x\r\n')
        })
      }
    })
    cleanups.push(() => hog.forEach((socket) => socket.destroy()))
    // Past the per-address cap the hog's connections are told 503 and closed at once...
    await allRefused
    expect(refused).toBe(HOG - MAX_CONNECTIONS_PER_ADDRESS)
    // ...so a device at another address still registers while the hog holds what it may.
    const answer = await post(`${url}/v1/register`, secret, registration(token()))
    expect(answer.status).toBe(200)
  })

  it('a refused registration creates no account, and repeats follow the same tag rules as the first, within the per-device limit', async () => {
    const app = newApp()
    const { url, secret } = await enableRegistration(app)
    const t = token()
    for (const refused of [registration(t, { bundleId: 'bad bundle!', account: 'orphan-bundle' }), registration(t, { tags: ['and'], account: 'orphan-tag' })]) {
      expect((await post(`${url}/v1/register`, secret, refused)).status).toBe(400)
    }
    const accounts = await app.router['accounts:list'](undefined)
    expect(accounts.ok && accounts.value).toEqual([])

    expect((await post(`${url}/v1/register`, secret, registration(t, { tags: ['qa'] }))).status).toBe(200)
    // A repeat with a bad tag is refused like a first registration, not silently trimmed.
    const badRepeat = await post(`${url}/v1/register`, secret, registration(t, { tags: ['qa', 'and'] }))
    expect(badRepeat.status).toBe(400)
    expect(((await badRepeat.json()) as { error: { field: string } }).error.field).toBe('tags')

    // Tags merge across registrations up to the limit the editor and the library bundle accept.
    const batch = (from: number) => Array.from({ length: 50 }, (_, n) => `t${from + n}`)
    expect((await post(`${url}/v1/register`, secret, registration(t, { tags: batch(0) }))).status).toBe(200)
    const over = await post(`${url}/v1/register`, secret, registration(t, { tags: batch(50) }))
    expect(over.status).toBe(400)
    expect(((await over.json()) as { error: { field: string; message: string } }).error).toMatchObject({ field: 'tags', message: expect.stringContaining(`up to ${MAX_TAGS_PER_DEVICE} tags`) })
    const [device] = await devices(app)
    expect(device!.tags).toHaveLength(51)
    // The device stays editable and exportable.
    const edited = await app.router['devices:update']({ id: device!.id, patch: { name: 'Edited', tags: device!.tags } })
    expect(edited.ok).toBe(true)
  })

  it('a tap on a push sent to one device is recorded for that device, whichever token the report carries', async () => {
    const app = newApp()
    const { url, secret } = await enableRegistration(app)
    const setup = await app.router['demo:setup'](undefined)
    if (!setup.ok) throw new Error(setup.error.message)
    const [a, b] = setup.value.devices
    const sent = await app.router['push:send']({ credentialId: setup.value.credential.id, environment: 'emulator', deviceToken: a!.token, bundleId: 'dev.pushdeck.demo', pushType: 'alert', priority: 10, topicOverride: null, expiration: { mode: 'none' }, collapseId: '', apnsId: '', payloadText: '{"aps":{"alert":"Hi"}}' })
    if (!sent.ok || !sent.value.apnsId) throw new Error('the send failed')
    const answer = await post(`${url}/v1/opened`, secret, { apnsId: sent.value.apnsId, token: b!.token })
    expect(await answer.json()).toEqual({ recorded: true, historyId: sent.value.historyId, deviceId: a!.id })
    const saved = await devices(app)
    expect(saved.find((d) => d.id === a!.id)!.lastTap).not.toBeFalsy()
    expect(saved.find((d) => d.id === b!.id)!.lastTap ?? null).toBeNull()
  })

  it('names arrive without line breaks, control or bidi characters, emoji sequences intact', async () => {
    const app = newApp()
    const { url, secret } = await enableRegistration(app)
    const answer = await post(`${url}/v1/register`, secret, registration(token(), { deviceName: 'QA\niPhone\u0000 \u202Egnp.exe 👩\u200D💻', account: '\u200Bqa\r\nteam' }))
    expect(answer.status).toBe(200)
    const [device] = await devices(app)
    expect(device!.name).toBe('QA iPhone gnp.exe 👩\u200D💻')
    const accounts = await app.router['accounts:list'](undefined)
    expect(accounts.ok && accounts.value.map((a) => a.name)).toEqual(['qa team'])
  })

  it('damaged pairing settings are named in plain words, and the endpoint stays off until turned on again', async () => {
    const first = newApp()
    await enableRegistration(first)
    await first.registration.stop()
    const file = join(first.dataDir, 'registration.json')
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
    writeFileSync(file, JSON.stringify({ ...stored, endpoint: { enabled: 'yes', port: -1 } }))
    const reopened = newApp({}, first.dataDir)
    const notices = await reopened.router['app:notices'](undefined)
    expect(notices.ok && notices.value.join(' ')).toMatch(/Your saved pairing endpoint settings in .*registration\.json could not be read as saved, so the defaults are in use until you change them\. Nothing was deleted/)
    const status = await reopened.router['registration:status'](undefined)
    expect(status.ok && status.value.state).toBe('off')
  })

  it('a new secret locks out the old one at once; settings and secret survive a restart', async () => {
    // One SecretBox for both runs, as the OS keychain is one across launches.
    const secrets = createTestSecretBox()
    const temp = newApp({ secrets })
    const { url, secret } = await enableRegistration(temp)
    const regenerated = await temp.router['registration:regenerateSecret'](undefined)
    const fresh = regenerated.ok ? regenerated.value.secret! : ''
    expect(fresh).not.toBe(secret)
    expect((await post(`${url}/v1/register`, secret, registration(token()))).status).toBe(401)
    expect((await post(`${url}/v1/register`, fresh, registration(token()))).status).toBe(200)
    await temp.registration.stop()
    const reopened = newApp({ secrets }, temp.dataDir)
    const status = await reopened.registration.start()
    expect(status).toMatchObject({ state: 'listening', secret: fresh, settings: { enabled: true } })
    const off = await reopened.router['registration:configure']({ enabled: false })
    expect(off.ok && off.value).toMatchObject({ state: 'off', urls: [] })
    expect((await fetch(`${status.urls[0]}/v1/register`).catch((e: Error) => e)) instanceof Error).toBe(true)
  })

  it('a secret the keychain can no longer unseal (a restored backup) is replaced at launch, never used', async () => {
    const first = newApp()
    const { secret } = await enableRegistration(first)
    await first.registration.stop()
    const restored = newApp({ secrets: createTestSecretBox() }, first.dataDir)
    const status = await restored.registration.start()
    expect(status.state).toBe('listening')
    expect(status.secret).not.toBe(secret)
    expect((await post(`${status.urls[0]}/v1/register`, secret, registration(token()))).status).toBe(401)
    expect((await post(`${status.urls[0]}/v1/register`, status.secret, registration(token()))).status).toBe(200)
    const notices = await restored.router['app:notices'](undefined)
    expect(notices.ok && notices.value.join(' ')).toContain('apps paired before get 401 until you paste the new secret')
  })

  it('a port in use is named with the fix, bad ports are refused by the contract, and a freed port recovers', async () => {
    const app = newApp()
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const taken = (blocker.address() as { port: number }).port
    await app.router['registration:configure']({ enabled: true })
    const blocked = await app.router['registration:configure']({ port: taken })
    expect(blocked.ok && blocked.value.state).toBe('error')
    expect(blocked.ok && blocked.value.error?.message).toContain(`Port ${taken} is already in use`)
    expect(blocked.ok && blocked.value.error?.hint).toContain('Choose another port')
    // Through the contract, as the window calls it: privileged ports and port 0 are refused by name.
    for (const port of [80, 0, 70000, 1.5]) {
      const bad = await dispatch(app.router, 'registration:configure', { port }, silentLogger)
      expect(!bad.ok && bad.error.message, String(port)).toContain('Invalid port')
    }
    // The other program quits; turning the endpoint off and on again binds the port.
    await new Promise<void>((resolve) => blocker.close(() => resolve()))
    await app.router['registration:configure']({ enabled: false })
    const recovered = await app.router['registration:configure']({ enabled: true })
    expect(recovered.ok && recovered.value).toMatchObject({ state: 'listening', error: null, urls: [`http://127.0.0.1:${taken}`] })
  })

  it('refuses to enable without encryption for the secret (fails closed)', async () => {
    const app = newApp({ secrets: createTestSecretBox(false) })
    const result = await app.router['registration:configure']({ enabled: true })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error.message).toContain('cannot protect the pairing secret')
    expect(existsSync(join(app.dataDir, 'registration.json')) && readFileSync(join(app.dataDir, 'registration.json'), 'utf8')).not.toContain('"enabled": true')
  })
})
