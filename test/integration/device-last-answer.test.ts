import { randomBytes, randomUUID } from 'node:crypto'
import { renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cleanupAfterEach } from '../support/cleanups'
import { createTestApp, type TestApp } from '../support/test-app'
import { createTestSecretBox } from '../support/test-secret-box'

// A saved device's last answer is read from the history; these are the cases where the history
// alone would say the wrong thing about the device.
const box = createTestSecretBox()
const { cleanups, folder } = cleanupAfterEach()
/** Pushdeck on this data folder; the same secret box each time, so a restart can read its demo key. */
function open(dir: string): TestApp {
  const app = createTestApp({ secrets: box }, dir)
  cleanups.push(() => app.dispose())
  return app
}
const send = (credentialId: string, deviceToken: string) => ({ credentialId, environment: 'emulator' as const, bundleId: 'dev.pushdeck.demo', pushType: 'alert' as const, priority: 10 as const, payloadText: '{"aps":{"alert":"Hi"}}', topicOverride: null, expiration: { mode: 'none' as const }, collapseId: '', apnsId: '', deviceToken })
async function row(app: TestApp, token: string) {
  const listed = await app.router['devices:list'](undefined)
  if (!listed.ok) throw new Error(listed.error.message)
  return listed.value.find((d) => d.token === token)!
}
async function demo(app: TestApp): Promise<string> {
  const setup = await app.router['demo:setup'](undefined)
  if (!setup.ok) throw new Error(setup.error.message)
  return setup.value.credential.id
}

describe("a saved device's last answer", () => {
  it('stays when the history deletes the old files that held it, and after a restart', async () => {
    const dir = folder()
    const app = open(dir)
    const credentialId = await demo(app)
    expect((await app.router['settings:update']({ historyLimitMb: 50 })).ok).toBe(true) // 10 MB per file, 4 old files kept
    const token = randomBytes(32).toString('hex')
    await app.router['devices:save']({ name: 'Quiet', token, bundleId: 'dev.pushdeck.demo', environment: 'emulator' })
    const sent = await app.router['push:send'](send(credentialId, token))
    const entry = await app.router['history:get']({ id: sent.ok ? sent.value.historyId! : '' })
    if (!entry.ok) throw new Error(entry.error.message)
    await app.dispose()
    // Weeks of other sends, in short: the device's entry is in the oldest file and the current file is full.
    const history = join(dir, 'history')
    renameSync(join(history, 'history.jsonl'), join(history, 'history-2026-01-01T00-00-00-000Z-0000.jsonl'))
    const other = 'cd'.repeat(32)
    const filler = (bytes: number) => JSON.stringify({ ...entry.value, id: randomUUID(), device: { ...entry.value.device, id: null, token: other }, request: { ...entry.value.request, body: 'x'.repeat(bytes) } }) + '\n'
    for (let day = 2; day <= 5; day++) writeFileSync(join(history, `history-2026-01-0${day}T00-00-00-000Z-0000.jsonl`), filler(10))
    writeFileSync(join(history, 'history.jsonl'), filler(10 * 1024 * 1024 - filler(0).length - 50))

    const again = open(dir)
    expect((await row(again, token)).lastResult).toMatchObject({ outcome: 'accepted', at: entry.value.at })
    await again.router['push:send'](send(credentialId, other)) // rotates: the oldest file goes
    expect((await again.router['history:get']({ id: entry.value.id })).ok).toBe(false)
    expect((await row(again, token)).lastResult).toMatchObject({ outcome: 'accepted', status: 200, at: entry.value.at })
    await again.dispose()
    expect((await row(open(dir), token)).lastResult).toMatchObject({ outcome: 'accepted', status: 200, at: entry.value.at })
  })

  it("starts empty for a device deleted and saved again with the same token (the 410 was the old device's)", async () => {
    const app = open(folder())
    const credentialId = await demo(app)
    const token = randomBytes(32).toString('hex')
    const old = await app.router['devices:save']({ name: 'Old', token, bundleId: 'dev.pushdeck.demo', environment: 'emulator' })
    await app.router['emulator:injectFault']({ target: { scope: 'token', token }, fault: { kind: 'status', status: 410 } })
    expect((await app.router['push:send'](send(credentialId, token))).ok).toBe(true)
    expect((await row(app, token)).lastResult).toMatchObject({ status: 410 })
    await app.router['devices:remove']({ id: old.ok ? old.value.id : '' })
    await app.router['devices:save']({ name: 'New phone', token, bundleId: 'dev.pushdeck.demo', environment: 'emulator' })
    expect(await row(app, token)).toMatchObject({ name: 'New phone', unregisteredAt: null, lastResult: null })
    // Its own sends show as usual.
    await app.router['emulator:clearFaults'](undefined)
    await app.router['push:send'](send(credentialId, token))
    expect((await row(app, token)).lastResult).toMatchObject({ outcome: 'accepted', status: 200 })
  })

  it('shows no answer the token got before it was edited in (even edited away and back)', async () => {
    const app = open(folder())
    const credentialId = await demo(app)
    const [a, b] = [randomBytes(32).toString('hex'), randomBytes(32).toString('hex')]
    const saved = await app.router['devices:save']({ name: 'A', token: a, bundleId: 'dev.pushdeck.demo', environment: 'emulator' })
    const id = saved.ok ? saved.value.id : ''
    await app.router['emulator:injectFault']({ target: { scope: 'token', token: a }, fault: { kind: 'status', status: 410 } })
    await app.router['push:send'](send(credentialId, a))
    // An unsaved token that got an answer first, then a saved device edited to it.
    await app.router['push:send'](send(credentialId, b))
    await app.router['devices:update']({ id, patch: { token: b } })
    expect((await row(app, b)).lastResult).toBeNull()
    await app.router['devices:update']({ id, patch: { token: a } })
    expect(await row(app, a)).toMatchObject({ unregisteredAt: null, lastResult: null })
  })
})
