import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { FanoutProgressEvent, FanoutRequest } from '../../src/shared/fanout-types'
import type { HistoryEntry } from '../../src/shared/history-types'
import { makeP256Key } from '../support/keys'
import { makePushCertificate, testRsaKeys } from '../support/push-certificates'
import { createTestApp, type TestApp } from '../support/test-app'
import { FANOUT_CONCURRENCY } from '../../src/core/fanout/fanout-service'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

async function fleet(count: number, overrides: Parameters<typeof createTestApp>[0] = {}) {
  const app = createTestApp(overrides)
  cleanups.push(() => app.dispose())
  const setup = await app.router['demo:setup'](undefined)
  if (!setup.ok) throw new Error(setup.error.message)
  const tokens: string[] = []
  for (let i = 0; i < count; i++) {
    const token = randomBytes(32).toString('hex')
    tokens.push(token)
    const saved = await app.router['devices:save']({ name: `Phone ${i}`, token, bundleId: 'dev.pushdeck.demo', environment: 'emulator', tags: ['fleet', i % 2 ? 'odd' : 'even'] })
    if (!saved.ok) throw new Error(saved.error.message)
  }
  const events: FanoutProgressEvent[] = []
  app.events.subscribe((name, payload) => {
    if (name === 'fanout:progress') events.push(payload as FanoutProgressEvent)
  })
  return { app, credentialId: setup.value.credential.id, tokens, events }
}
const push = (credentialId: string): FanoutRequest['push'] => ({ credentialId, pushType: 'alert', priority: 10, payloadText: '{"aps":{"alert":"Fleet {{uuid}}"}}', topicOverride: null, expiration: { mode: 'none' }, collapseId: '', variables: {}, templateName: 'Fleet alert' })

async function run(app: TestApp, request: FanoutRequest) {
  const started = await app.router['fanout:start'](request)
  if (!started.ok) throw new Error(started.error.message)
  return { started: started.value, snapshot: (await app.fanout.finished(started.value.runId))! }
}

async function addCertificate(app: TestApp, label: string, bundleId: string, environments?: ('sandbox' | 'production')[]): Promise<string> {
  const made = makePushCertificate({ bundleId, keys: testRsaKeys(), ...(environments ? { environments } : {}) })
  const added = await app.router['credentials:addCertificate']({ label, files: [{ fileName: 'push.pem', base64: Buffer.from(made.certPem + made.keyPem).toString('base64') }], passphrase: null })
  if (!added.ok) throw new Error(added.error.message)
  return added.value.id
}

async function saveDevice(app: TestApp, name: string, bundleId: string, tags: string[], environment: 'emulator' | 'production' = 'emulator'): Promise<string> {
  const token = randomBytes(32).toString('hex')
  const saved = await app.router['devices:save']({ name, token, bundleId, environment, tags })
  if (!saved.ok) throw new Error(saved.error.message)
  return token
}

describe('fan-out', () => {
  it('mixed outcomes from the emulator (200, 400, 410, 503, a hung stream): exactly one result per target, no duplicate sends, no hang', async () => {
    const { app, credentialId, tokens, events } = await fleet(12, { requestTimeoutMs: 400 })
    // A first send opens the connection and lifts APNs' one-stream limit, as in daily use.
    const warmUp = await app.router['push:send']({ ...push(credentialId), deviceToken: randomBytes(32).toString('hex'), environment: 'emulator', bundleId: 'dev.pushdeck.demo', apnsId: '' })
    expect(warmUp.ok && warmUp.value.status).toBe(200)
    const faults = [
      [tokens[0], { kind: 'status', status: 400 }],
      [tokens[1], { kind: 'status', status: 410 }],
      [tokens[2], { kind: 'hang' }],
      [tokens[3], { kind: 'status', status: 503, retryAfterSeconds: 900 }]
    ] as const
    for (const [token, fault] of faults) expect((await app.router['emulator:injectFault']({ target: { scope: 'token', token: token! }, fault })).ok).toBe(true)

    const { started, snapshot } = await run(app, { target: { kind: 'tags', expression: 'fleet' }, push: push(credentialId) })
    expect(started.total).toBe(12)
    expect(snapshot.results).toHaveLength(12)
    expect(new Set(snapshot.results.map((r) => r.token)).size).toBe(12)
    const byToken = new Map(snapshot.results.map((r) => [r.token, r]))
    expect(byToken.get(tokens[0]!)).toMatchObject({ outcome: 'rejected', status: 400 })
    expect(byToken.get(tokens[1]!)).toMatchObject({ outcome: 'rejected', status: 410, reason: 'Unregistered' })
    expect(byToken.get(tokens[2]!)).toMatchObject({ outcome: 'failed', status: null })
    expect(byToken.get(tokens[3]!)).toMatchObject({ outcome: 'rejected', status: 503 })
    expect(snapshot.totals).toEqual({ total: 12, done: 12, accepted: 8, rejected: 3, failed: 1, cancelled: 0, skipped: 0 })

    // No token got two 200s, and every accepted push was received once (plus the warm-up).
    const accepted = (await app.emulator.requests()).filter((r) => r.status === 200).map((r) => r.path)
    expect(accepted).toHaveLength(9)
    expect(new Set(accepted).size).toBe(9)

    // Progress events carried every result once, and a final event.
    expect(events.flatMap((e) => e.newResults)).toHaveLength(12)
    expect(events.at(-1)).toMatchObject({ finished: true, totals: { done: 12 } })

    // 410 marked the device; every target is in the history under the run.
    const devices = await app.router['devices:list'](undefined)
    expect(devices.ok && devices.value.find((d) => d.token === tokens[1])!.unregisteredAt).toMatch(/^\d{4}-/)
    const history = await app.router['history:query']({ template: 'Fleet alert' })
    expect(history.ok && history.value.items.filter((s) => s.runId === started.runId)).toHaveLength(12)
    // ...and written to disk by the time the run reports finished (its last batch is flushed then).
    const lines = readFileSync(join(app.dataDir, 'history', 'history.jsonl'), 'utf8').trim().split('\n')
    expect(lines.map((line) => (JSON.parse(line) as HistoryEntry).runId).filter((id) => id === started.runId)).toHaveLength(12)
  })

  it("each device's row shows the answer it got, and still does after a restart (read from the history, no rewrite of the device list)", async () => {
    const { app, credentialId, tokens } = await fleet(6)
    expect((await app.router['emulator:injectFault']({ target: { scope: 'token', token: tokens[0]! }, fault: { kind: 'status', status: 400 } })).ok).toBe(true)
    expect((await app.router['emulator:injectFault']({ target: { scope: 'token', token: tokens[1]! }, fault: { kind: 'status', status: 410 } })).ok).toBe(true)
    const { snapshot } = await run(app, { target: { kind: 'tags', expression: 'fleet' }, push: push(credentialId) })
    expect(snapshot.totals).toMatchObject({ accepted: 4, rejected: 2 })

    const lastResults = async (of: TestApp) => {
      const listed = await of.router['devices:list'](undefined)
      if (!listed.ok) throw new Error(listed.error.message)
      return new Map(listed.value.map((d) => [d.token, d]))
    }
    const shown = await lastResults(app)
    expect(shown.get(tokens[0]!)?.lastResult).toMatchObject({ outcome: 'rejected', status: 400, reason: 'BadDeviceToken' })
    expect(shown.get(tokens[1]!)?.lastResult).toMatchObject({ outcome: 'rejected', status: 410, reason: 'Unregistered' })
    expect(shown.get(tokens[1]!)?.unregisteredAt).toMatch(/^\d{4}-/)
    for (const token of tokens.slice(2)) expect(shown.get(token)?.lastResult).toMatchObject({ outcome: 'accepted', status: 200 })
    // Only the 410 changed the saved devices themselves.
    const after = JSON.parse(readFileSync(join(app.dataDir, 'devices.json'), 'utf8')) as { devices: { token: string; unregisteredAt: string | null }[] }
    expect(after.devices.filter((d) => d.unregisteredAt !== null).map((d) => d.token)).toEqual([tokens[1]])

    // Pushdeck started again on the same data folder shows the same answers.
    const reopened = createTestApp({}, app.dataDir)
    cleanups.push(() => reopened.dispose())
    const again = await lastResults(reopened)
    for (const token of tokens) expect(again.get(token)?.lastResult).toEqual(shown.get(token)?.lastResult)
  })

  it('a tag holding devices of two apps: each is signed by a certificate for its own app, over its own connection; an app no credential serves is skipped with the reason', async () => {
    const app = createTestApp()
    cleanups.push(() => app.dispose())
    const alpha = await addCertificate(app, 'Alpha push', 'com.example.alpha')
    await addCertificate(app, 'Beta push', 'com.example.beta')
    // A token key no profile names for an app is never picked for it: it may belong to another team.
    expect((await app.router['demo:setup'](undefined)).ok).toBe(true)
    const saved: Record<string, string> = {}
    for (const [name, bundleId] of [['Alpha 1', 'com.example.alpha'], ['Alpha 2', 'com.example.alpha'], ['Beta 1', 'com.example.beta'], ['Beta 2', 'com.example.beta'], ['Gamma', 'com.example.gamma']]) {
      saved[name!] = randomBytes(32).toString('hex')
      expect((await app.router['devices:save']({ name: name!, token: saved[name!]!, bundleId: bundleId!, environment: 'emulator', tags: ['mixed'] })).ok).toBe(true)
    }

    const { started, snapshot } = await run(app, { target: { kind: 'tags', expression: 'mixed' }, push: push(alpha) })
    const byName = new Map(snapshot.results.map((r) => [r.deviceName, r]))
    for (const name of ['Alpha 1', 'Alpha 2']) expect(byName.get(name)).toMatchObject({ outcome: 'accepted', status: 200, otherSigner: null })
    for (const name of ['Beta 1', 'Beta 2']) expect(byName.get(name)).toMatchObject({ outcome: 'accepted', status: 200, otherSigner: 'Beta push' })
    expect(byName.get('Gamma')).toMatchObject({ outcome: 'skipped', reason: 'topic.not-in-certificate' })

    // The history names the credential each send was signed with; the emulator saw each app's own certificate.
    const history = await app.router['history:query']({ runId: started.runId })
    const signedWith = new Map(history.ok ? history.value.items.map((s) => [s.deviceName, s.id]) : [])
    for (const [name, label] of [['Alpha 1', 'Alpha push'], ['Beta 2', 'Beta push']] as const) {
      const entry = await app.router['history:get']({ id: signedWith.get(name)! })
      expect(entry.ok && entry.value.credentialLabel).toBe(label)
    }
    const requests = await app.emulator.requests()
    for (const [name, bundleId] of [['Alpha 1', 'com.example.alpha'], ['Beta 1', 'com.example.beta']] as const) {
      const request = requests.find((r) => r.path.endsWith(saved[name]!))
      expect(request).toMatchObject({ authMode: 'certificate', certificate: { subject: expect.stringContaining(bundleId) } })
    }
    expect(new Set(requests.filter((r) => r.status === 200).map((r) => r.connectionId)).size).toBe(2)
  })

  it('a credential profile for an app and environment signs that app\'s devices when the chosen credential cannot', async () => {
    const { app, credentialId: demoKey, tokens } = await fleet(2)
    const alpha = await addCertificate(app, 'Alpha push', 'com.example.alpha')
    expect((await app.router['profiles:save']({ label: 'Demo app on the emulator', credentialId: demoKey, bundleId: 'dev.pushdeck.demo', environment: 'emulator' })).ok).toBe(true)
    const { snapshot } = await run(app, { target: { kind: 'tags', expression: 'fleet' }, push: push(alpha) })
    expect(snapshot.totals).toMatchObject({ total: 2, accepted: 2 })
    const requests = await app.emulator.requests()
    for (const token of tokens) expect(requests.find((r) => r.path.endsWith(token))).toMatchObject({ authMode: 'token', status: 200 })
  })

  it('a signing credential removed mid-run signs nothing more: the rest are skipped with the reason and no new connection opens with it', async () => {
    const app = createTestApp()
    cleanups.push(() => app.dispose())
    const alpha = await addCertificate(app, 'Alpha push', 'com.example.alpha')
    await addCertificate(app, 'Beta push', 'com.example.beta')
    // 1,000 devices of the removed credential's app, so the first progress report comes with most still to go.
    const devices = Array.from({ length: 1020 }, (_, n) => ({ name: n < 1000 ? `Alpha ${n}` : `Beta ${n}`, token: randomBytes(32).toString('hex'), bundleId: n < 1000 ? 'com.example.alpha' : 'com.example.beta', environment: 'emulator', tags: ['r'] }))
    expect((await app.router['library:applyImport']({ text: JSON.stringify({ format: 'pushdeck-library', version: 1, devices }), replace: [] })).ok).toBe(true)
    // Removed from the first progress report on, however fast the machine runs.
    let doneAtRemoval: number | null = null
    app.events.subscribe((name, payload) => {
      if (name !== 'fanout:progress' || doneAtRemoval !== null) return
      doneAtRemoval = (payload as FanoutProgressEvent).totals.done
      expect(app.router['credentials:remove']({ id: alpha })).toEqual({ ok: true, value: null })
    })
    const { snapshot } = await run(app, { target: { kind: 'tags', expression: 'r' }, push: push(alpha) })

    expect(snapshot.results).toHaveLength(1020)
    // At most what was done or in flight at the removal went out with it, over the one connection it had.
    const alphaRequests = (await app.emulator.requests()).filter((r) => r.certificate?.subject.includes('com.example.alpha'))
    expect(alphaRequests.length).toBeLessThanOrEqual(doneAtRemoval! + FANOUT_CONCURRENCY)
    expect(new Set(alphaRequests.map((r) => r.connectionId)).size).toBe(1)
    const skipped = snapshot.results.filter((r) => r.reason === 'credential.removed')
    expect(skipped.length).toBeGreaterThanOrEqual(1000 - doneAtRemoval! - FANOUT_CONCURRENCY)
    expect(skipped[0]).toMatchObject({ outcome: 'skipped', explanation: expect.stringContaining('"Alpha push" was removed during the send') })
    expect(snapshot.results.filter((r) => r.deviceName.startsWith('Beta')).every((r) => r.outcome === 'accepted')).toBe(true)
  })

  it("a device whose app has a credential that cannot sign is skipped with that credential's reason, not the chosen one's", async () => {
    const app = createTestApp()
    cleanups.push(() => app.dispose())
    const beta = await addCertificate(app, 'Beta push', 'com.example.beta')
    await addCertificate(app, 'Alpha push (sandbox only)', 'com.example.alpha', ['sandbox'])
    await saveDevice(app, 'Alpha production phone', 'com.example.alpha', ['m'], 'production')
    await saveDevice(app, 'Beta phone', 'com.example.beta', ['m'])
    const { snapshot } = await run(app, { target: { kind: 'tags', expression: 'm' }, push: push(beta) })
    const byName = new Map(snapshot.results.map((r) => [r.deviceName, r]))
    expect(byName.get('Alpha production phone')).toMatchObject({ outcome: 'skipped', reason: 'credential.certificate-environment' })
    expect(byName.get('Beta phone')).toMatchObject({ outcome: 'accepted', otherSigner: null })
  })

  it("a profile's pairing wins over a token key chosen in compose (another team's app would refuse that key)", async () => {
    const app = createTestApp()
    cleanups.push(() => app.dispose())
    const key = async (label: string, keyId: string, teamId: string) => {
      const added = await app.router['credentials:addTokenKey']({ label, keyId, teamId, key: { text: makeP256Key().privateKeyPem } })
      if (!added.ok) throw new Error(added.error.message)
      return added.value.id
    }
    const ours = await key('Team A key', 'KEYAAAAAAA', 'TEAMAAAAAA')
    const theirs = await key('Team B key', 'KEYBBBBBBB', 'TEAMBBBBBB')
    expect((await app.router['profiles:save']({ label: 'Partner app', credentialId: theirs, bundleId: 'com.partner.app', environment: 'emulator' })).ok).toBe(true)
    await saveDevice(app, 'Our phone', 'com.example.ours', ['both'])
    await saveDevice(app, 'Partner phone', 'com.partner.app', ['both'])
    const { snapshot } = await run(app, { target: { kind: 'tags', expression: 'both' }, push: push(ours) })
    const byName = new Map(snapshot.results.map((r) => [r.deviceName, r]))
    expect(byName.get('Our phone')).toMatchObject({ outcome: 'accepted', otherSigner: null })
    expect(byName.get('Partner phone')).toMatchObject({ outcome: 'accepted', otherSigner: 'Team B key' })
    const kids = (await app.emulator.requests()).map((r) => r.jwt?.header.kid)
    expect(kids.sort()).toEqual(['KEYAAAAAAA', 'KEYBBBBBBB'])
  })

  it('GOAWAY mid-batch: the refused sends are retried on a new connection and each target still gets one result', async () => {
    const { app, credentialId, events } = await fleet(20)
    await app.router['emulator:injectFault']({ target: { scope: 'next' }, fault: { kind: 'goaway' } })
    const { snapshot } = await run(app, { target: { kind: 'tags', expression: 'fleet' }, push: push(credentialId) })
    expect(snapshot.results).toHaveLength(20)
    expect(snapshot.totals.accepted).toBe(20)
    const received = await app.emulator.requests()
    expect(received.filter((r) => r.status === 200)).toHaveLength(20)
    expect(new Set(received.map((r) => r.connectionId)).size).toBe(2)
    expect(events.at(-1)?.finished).toBe(true)
  })

  it('cancel mid-fan-out stops new requests and reports the rest as cancelled', async () => {
    const { app, credentialId, tokens } = await fleet(150)
    for (const token of tokens) await app.router['emulator:injectFault']({ target: { scope: 'token', token }, fault: { kind: 'latency', ms: 150 } })
    const started = await app.router['fanout:start']({ target: { kind: 'tags', expression: 'fleet' }, push: push(credentialId) })
    if (!started.ok) throw new Error(started.error.message)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect((await app.router['fanout:cancel']({ runId: started.value.runId })).ok).toBe(true)
    const snapshot = (await app.fanout.finished(started.value.runId))!
    expect(snapshot.results).toHaveLength(150)
    expect(snapshot.totals.cancelled).toBeGreaterThan(0)
    expect(snapshot.totals.accepted + snapshot.totals.cancelled).toBe(150)
    const sent = (await app.emulator.requests()).length
    expect(sent).toBe(snapshot.totals.accepted)
  })

  it('a tag expression, an account and a selection pick the right devices; bad rows are skipped with their reason', async () => {
    const { app, credentialId } = await fleet(4)
    const odd = await run(app, { target: { kind: 'tags', expression: 'fleet AND odd' }, push: push(credentialId) })
    expect(odd.snapshot.results.map((r) => r.deviceName).sort()).toEqual(['Phone 1', 'Phone 3'])
    const account = await app.router['accounts:save']({ name: 'qa' })
    const list = await app.router['devices:list'](undefined)
    if (!account.ok || !list.ok) throw new Error('setup')
    const phone0 = list.value.find((d) => d.name === 'Phone 0')!
    await app.router['devices:update']({ id: phone0.id, patch: { accountId: account.value.id } })
    const byAccount = await run(app, { target: { kind: 'account', accountId: account.value.id }, push: push(credentialId) })
    expect(byAccount.snapshot.results.map((r) => r.deviceName)).toEqual(['Phone 0'])
    const blocked = await run(app, { target: { kind: 'devices', ids: [phone0.id] }, push: { ...push(credentialId), pushType: 'background', priority: 10, payloadText: '{"aps":{"content-available":1}}' } })
    expect(blocked.snapshot.results[0]).toMatchObject({ outcome: 'skipped', reason: 'background.priority' })
    expect(await app.router['fanout:start']({ target: { kind: 'tags', expression: 'nobody' }, push: push(credentialId) })).toMatchObject({ ok: false, error: { code: 'fanout.no-targets' } })
  })
})
