import { randomBytes } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { SendRequest } from '../../src/shared/domain'
import { makeTempDir } from '../support/temp-dir'
import { createTestApp, type TestApp } from '../support/test-app'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})
function app(dataDir?: string, overrides: Parameters<typeof createTestApp>[0] = {}): TestApp {
  const made = createTestApp(overrides, dataDir)
  cleanups.push(() => made.shutdown())
  return made
}
function folder(): string {
  const dir = makeTempDir()
  cleanups.push(dir.remove)
  return dir.path
}
async function demo(target: TestApp) {
  const setup = await target.router['demo:setup'](undefined)
  if (!setup.ok) throw new Error(setup.error.message)
  return { credentialId: setup.value.credential.id, token: setup.value.devices[0]!.token }
}
const push = (credentialId: string, deviceToken: string): SendRequest => ({
  credentialId, environment: 'emulator', deviceToken, bundleId: 'dev.pushdeck.demo', pushType: 'alert', priority: 10,
  payloadText: '{"aps":{"alert":"Hi"}}', topicOverride: null, expiration: { mode: 'none' }, collapseId: '', apnsId: '', variables: {}
})

describe('saved data survives damage', () => {
  it.each([['an array', '[{"id":"x"}]'], ['null', 'null'], ['a string', '"devices"'], ['a number', '42']])('a store file holding %s is moved aside, reported, and kept intact', async (_name, content) => {
    const dir = folder()
    writeFileSync(join(dir, 'devices.json'), content)
    const started = app(dir)
    const notices = await started.router['app:notices'](undefined)
    expect(notices.ok && notices.value.join(' ')).toContain('it is not a JSON object')
    const aside = readdirSync(dir).find((f) => f.startsWith('devices.unreadable-'))!
    expect(readFileSync(join(dir, aside), 'utf8')).toBe(content)
    expect((await started.router['devices:save']({ name: 'n', token: randomBytes(32).toString('hex'), bundleId: 'com.example.app', environment: 'sandbox' })).ok).toBe(true)
    expect(readFileSync(join(dir, aside), 'utf8')).toBe(content)
  })

  it('a device list with one bad entry keeps the good ones and says so at start', async () => {
    const dir = folder()
    const good = { id: 'a', name: 'My iPhone', token: 'ab'.repeat(32), bundleId: 'com.example.app', environment: 'sandbox', createdAt: '2026-01-01T00:00:00.000Z', unregisteredAt: null }
    writeFileSync(join(dir, 'devices.json'), JSON.stringify({ devices: [good, { ...good, id: 'b', environment: 'staging' }] }))
    const started = app(dir)
    const notices = await started.router['app:notices'](undefined)
    expect(notices.ok && notices.value.join(' ')).toContain('1 entry that was still whole is in use. Nothing was deleted')
    const listed = await started.router['devices:list'](undefined)
    // The file had no schema version, so it was read as version 1 and migrated on the way.
    expect(listed.ok && listed.value).toEqual([{ ...good, kind: 'regular', tags: [], accountId: null, notes: '', updatedAt: good.createdAt, lastResult: null }])
    expect(JSON.parse(readFileSync(join(dir, 'devices.json'), 'utf8'))).toHaveProperty(Object.keys(JSON.parse(readFileSync(join(dir, 'devices.json'), 'utf8'))).find((k) => k.startsWith('devices-unreadable-'))!)
  })

  it('when the data folder cannot be written, the app still starts, works from memory, and says so', async () => {
    const dir = folder()
    const denied = () => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })
    }
    const started = app(dir, { openStore: denied })
    const notices = await started.router['app:notices'](undefined)
    expect(notices.ok && notices.value.join(' ')).toContain('EACCES')
    const { credentialId, token } = await demo(started)
    const sent = await started.router['push:send'](push(credentialId, token))
    expect(sent.ok && sent.value.status).toBe(200)
  })

  it('a damaged emulator identity file is replaced, not fatal', async () => {
    for (const damage of ['json', 'folder'] as const) {
      const dir = folder()
      const file = join(dir, 'emulator-tls.json')
      if (damage === 'json') writeFileSync(file, '{"keyPem":"x","certPem":"y"}')
      else mkdirSync(file)
      const started = app(dir)
      const { credentialId, token } = await demo(started)
      const sent = await started.router['push:send'](push(credentialId, token))
      expect(sent.ok && sent.value.status).toBe(200)
      if (damage === 'folder') rmSync(file, { recursive: true })
    }
  })
})

describe('sending stays honest under interference', () => {
  it('a credential removed while a retry waits is not used again', async () => {
    const started = app(folder())
    const { credentialId, token } = await demo(started)
    await started.router['emulator:injectFault']({ target: { scope: 'next' }, fault: { kind: 'status', status: 503, retryAfterSeconds: 1 } })
    const sending = started.router['push:send'](push(credentialId, token))
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect((await started.router['credentials:remove']({ id: credentialId })).ok).toBe(true)
    const result = await sending
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value).toMatchObject({ status: 503, attempts: 1 })
    expect(result.value.retryNotes.join(' ')).toContain('removed during the send')
    expect(await started.emulator.requests()).toHaveLength(1)
  })

  it('a send with a removed credential names it, not "no credential selected"', async () => {
    const started = app(folder())
    const { credentialId, token } = await demo(started)
    await started.router['credentials:remove']({ id: credentialId })
    expect(await started.router['push:send'](push(credentialId, token))).toMatchObject({ ok: false, error: { code: 'credential.not-found' } })
  })

  it('a fault armed for a bracketed, upper-case token fires for the token as sent', async () => {
    const started = app(folder())
    const { credentialId, token } = await demo(started)
    const armed = await started.router['emulator:injectFault']({ target: { scope: 'token', token: `<${token.toUpperCase()}>` }, fault: { kind: 'status', status: 410 } })
    expect(armed.ok).toBe(true)
    const result = await started.router['push:send'](push(credentialId, token))
    expect(result.ok && result.value).toMatchObject({ status: 410, reason: 'Unregistered' })
  })

  it('devices:save refuses a placeholder or spaced bundle ID (C-08)', async () => {
    const started = app(folder())
    for (const bundleId of ['<com.example.pushdemo>', '', 'com example app', 'http://com.example']) {
      expect(await started.router['devices:save']({ name: 'x', token: randomBytes(32).toString('hex'), bundleId, environment: 'sandbox' })).toMatchObject({ ok: false, error: { code: 'device.bad-bundle-id' } })
    }
  })

  it('malformed channel names are refused as values, never thrown', async () => {
    const { dispatch } = await import('../../src/core/ipc-dispatch')
    const { silentLogger } = await import('../../src/core/ports')
    const started = app(folder())
    for (const channel of [123, null, {}, 'push:nope']) {
      expect(await dispatch(started.router, channel, undefined, silentLogger)).toMatchObject({ ok: false, error: { code: 'ipc.unknown-channel' } })
    }
  })
})
