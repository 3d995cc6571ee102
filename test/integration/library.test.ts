import { createPublicKey, randomBytes, verify } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { STARTER_TEMPLATES } from '../../src/shared/library/starter-templates'
import type { SendRequest } from '../../src/shared/domain'
import { makeP256Key } from '../support/keys'
import { makeTempDir } from '../support/temp-dir'
import { createTestApp, type TestApp } from '../support/test-app'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})
function app(dataDir?: string): TestApp {
  const made = createTestApp({}, dataDir)
  cleanups.push(() => (dataDir ? made.shutdown() : made.dispose()))
  return made
}
const hex = () => randomBytes(32).toString('hex')
function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

describe('devices, tags and accounts', () => {
  it('create, edit, tag, filter by expression, bulk-change and delete', async () => {
    const { router } = app()
    const qa = value(await router['accounts:save']({ name: 'qa+ios@example.com' }))
    const a = value(await router['devices:save']({ name: 'iPhone 15', token: hex(), bundleId: 'com.example.app', environment: 'sandbox', tags: ['QA', 'ios17'], accountId: qa.id }))
    const b = value(await router['devices:save']({ name: 'iPad', token: hex(), bundleId: 'com.example.app', environment: 'sandbox', tags: ['qa', 'ios18', 'tablet'], kind: 'regular' }))
    const c = value(await router['devices:save']({ name: 'Beta phone', token: hex(), bundleId: 'com.example.app', environment: 'production', tags: ['beta'] }))
    expect(a.tags).toEqual(['ios17', 'qa'])

    expect(value(await router['devices:matching']({ expression: 'qa AND NOT tablet' }))).toEqual({ count: 1, ids: [a.id] })
    expect(await router['devices:matching']({ expression: 'qa AND' })).toMatchObject({ ok: false, error: { code: 'tags.bad-expression' } })

    const edited = value(await router['devices:update']({ id: c.id, patch: { name: 'Beta iPhone', kind: 'voip', notes: 'PushKit token' } }))
    expect(edited).toMatchObject({ name: 'Beta iPhone', kind: 'voip', notes: 'PushKit token', tags: ['beta'] })

    expect(value(await router['devices:bulk']({ ids: [a.id, b.id], action: { kind: 'addTags', tags: ['Regression'] } }))).toEqual({ changed: 2 })
    expect(value(await router['devices:matching']({ expression: 'regression' })).count).toBe(2)
    value(await router['devices:bulk']({ ids: [b.id], action: { kind: 'setAccount', accountId: qa.id } }))
    value(await router['accounts:remove']({ id: qa.id }))
    const afterAccountRemoved = value(await router['devices:list'](undefined))
    expect(afterAccountRemoved.every((d) => d.accountId === null)).toBe(true)

    expect(value(await router['devices:bulk']({ ids: [a.id, c.id], action: { kind: 'delete' } }))).toEqual({ changed: 2 })
    expect(value(await router['devices:list'](undefined)).map((d) => d.name)).toEqual(['iPad'])
  })

  it('C-04: a device cannot be saved twice under two spellings of its token, and duplicate copies the setup for a new token', async () => {
    const { router } = app()
    const token = hex()
    const first = value(await router['devices:save']({ name: 'One', token, bundleId: 'com.example.app', environment: 'sandbox', tags: ['qa'] }))
    expect(await router['devices:save']({ name: 'Two', token: `<${token.toUpperCase()}>`, bundleId: 'com.example.app', environment: 'sandbox' })).toMatchObject({ ok: false, error: { code: 'device.duplicate', message: 'This token is already saved as "One".' } })
    const copy = value(await router['devices:duplicate']({ id: first.id, token: hex() }))
    expect(copy).toMatchObject({ name: 'One (copy)', tags: ['qa'], bundleId: 'com.example.app' })
    expect(await router['devices:update']({ id: copy.id, patch: { token } })).toMatchObject({ ok: false, error: { code: 'device.duplicate' } })
  })
})

describe('templates', () => {
  it('the starter set is there on first launch, once, and deleted starters stay deleted', async () => {
    const temp = makeTempDir()
    cleanups.push(temp.remove)
    const first = app(temp.path)
    const templates = value(await first.router['templates:list'](undefined))
    expect(templates.map((t) => t.name)).toEqual(STARTER_TEMPLATES.map((t) => t.name))
    value(await first.router['templates:remove']({ id: templates[0]!.id }))
    await first.shutdown()
    const second = app(temp.path)
    expect(value(await second.router['templates:list'](undefined))).toHaveLength(STARTER_TEMPLATES.length - 1)
  })

  it('save, edit, duplicate; variables follow the payload; names are unique per group', async () => {
    const { router } = app()
    const saved = value(await router['templates:save']({ name: 'Order shipped', group: 'Orders', pushType: 'alert', priority: 10, expiration: { mode: 'relative', seconds: 3600 }, collapseId: 'order', payloadText: '{"aps":{"alert":"Order {{order}} shipped"},"n":{{count}}}', variables: [{ name: 'order', defaultValue: 'A-1' }, { name: 'unused', defaultValue: 'x' }] }))
    expect(saved.variables).toEqual([{ name: 'order', defaultValue: 'A-1' }, { name: 'count', defaultValue: '' }])
    expect(value(await router['templates:duplicate']({ id: saved.id })).name).toBe('Order shipped copy')
    expect(await router['templates:save']({ ...saved, name: 'order SHIPPED' })).toMatchObject({ ok: false, error: { code: 'template.duplicate' } })
  })

  it('.apns files import as templates and export with the target bundle', async () => {
    const { router } = app()
    const imported = value(await router['templates:importApns']({ fileName: 'Silent.apns', text: '{"Simulator Target Bundle":"com.example.app","aps":{"content-available":1}}' }))
    expect(imported.bundleId).toBe('com.example.app')
    expect(imported.template).toMatchObject({ name: 'Silent', group: 'Imported', pushType: 'background', priority: 5 })
    const exported = value(await router['templates:exportApns']({ id: imported.template.id, bundleId: 'com.example.other' }))
    expect(exported.fileName).toBe('Silent.apns')
    expect(JSON.parse(exported.text)).toEqual({ 'Simulator Target Bundle': 'com.example.other', aps: { 'content-available': 1 } })
    // simctl delivers the file to the bundle ID it names: one that cannot be a bundle ID is refused.
    const refused = await router['templates:exportApns']({ id: imported.template.id, bundleId: 'not a bundle' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'apns-file.bad-bundle' } })
  })
})

describe('sends from templates', () => {
  it('variables are filled per send, {{now}} and {{uuid}} at send time, and the template stays unchanged (C-13)', async () => {
    const target = app()
    const setup = value(await target.router['demo:setup'](undefined))
    const template = value(await target.router['templates:save']({ name: 'Hi', group: '', pushType: 'alert', priority: 10, expiration: { mode: 'none' }, collapseId: '', payloadText: '{"aps":{"alert":"Hi {{name}}"},"at":{{now}},"id":"{{uuid}}"}', variables: [{ name: 'name', defaultValue: 'Alex' }] }))
    const request: SendRequest = { credentialId: setup.credential.id, environment: 'emulator', deviceToken: setup.devices[0]!.token, bundleId: 'dev.pushdeck.demo', pushType: 'alert', priority: 10, payloadText: template.payloadText, topicOverride: null, expiration: { mode: 'none' }, collapseId: '', apnsId: '', variables: { name: 'Sam' } }
    const before = Math.floor(Date.now() / 1000)
    value(await target.router['push:send'](request))
    value(await target.router['push:send']({ ...request, variables: { name: 'Alex' } }))
    const bodies = (await target.emulator.requests()).map((r) => JSON.parse(r.body) as { aps: { alert: string }; at: number; id: string })
    expect(bodies.map((b) => b.aps.alert)).toEqual(['Hi Sam', 'Hi Alex'])
    expect(bodies[0]!.at).toBeGreaterThanOrEqual(before)
    expect(bodies[0]!.id).not.toBe(bodies[1]!.id)
    expect(value(await target.router['templates:list'](undefined)).find((t) => t.id === template.id)).toEqual(template)
  })

  it('a variable without a value blocks the send and is named', async () => {
    const target = app()
    const setup = value(await target.router['demo:setup'](undefined))
    const result = await target.router['push:send']({ credentialId: setup.credential.id, environment: 'emulator', deviceToken: setup.devices[0]!.token, bundleId: 'dev.pushdeck.demo', pushType: 'alert', priority: 10, payloadText: '{"aps":{"alert":"{{greeting}}"}}', topicOverride: null, expiration: { mode: 'none' }, collapseId: '', apnsId: '', variables: {} })
    expect(result).toMatchObject({ ok: false, error: { code: 'send.blocked.payload.variable-missing' } })
    expect(!result.ok && result.error.message).toContain('{{greeting}}')
  })
})

describe('credential profiles', () => {
  it('switch in one click; a profile of a removed credential goes with it', async () => {
    const { router } = app()
    const setup = value(await router['demo:setup'](undefined))
    const profile = value(await router['profiles:save']({ label: 'Demo · emulator', credentialId: setup.credential.id, bundleId: 'dev.pushdeck.demo', environment: 'emulator' }))
    value(await router['profiles:activate']({ id: profile.id }))
    expect(value(await router['profiles:list'](undefined)).activeId).toBe(profile.id)
    value(await router['credentials:remove']({ id: setup.credential.id }))
    expect(value(await router['profiles:list'](undefined))).toEqual({ profiles: [], activeId: null })
  })
})

describe('sharing the library', () => {
  it('exports a stable, secret-free, diff-friendly file that imports with a conflict preview', async () => {
    const source = app()
    value(await source.router['demo:setup'](undefined))
    const account = value(await source.router['accounts:save']({ name: 'qa@example.com' }))
    const token = hex()
    value(await source.router['devices:save']({ name: 'Lab iPhone', token, bundleId: 'com.example.app', environment: 'sandbox', tags: ['lab'], accountId: account.id }))
    const exported = value(await source.router['library:export'](undefined))
    expect(value(await source.router['library:export'](undefined)).text).toBe(exported.text)
    expect(exported.text).not.toMatch(/PRIVATE KEY|sealed|"id"|createdAt/)
    expect(exported.text).toContain('"account": "qa@example.com"')

    const target = app()
    value(await target.router['devices:save']({ name: 'Renamed locally', token, bundleId: 'com.example.app', environment: 'sandbox' }))
    const preview = value(await target.router['library:previewImport']({ text: exported.text }))
    expect(preview.added.devices).toBe(2)
    expect(preview.conflicts.map((c) => [c.key, c.fields.map((f) => f.field)])).toEqual([[`device:${token}`, ['name', 'tags', 'account']]])
    expect(value(await target.router['devices:list'](undefined))).toHaveLength(1)

    const outcome = value(await target.router['library:applyImport']({ text: exported.text, replace: [`device:${token}`] }))
    expect(outcome).toMatchObject({ added: { devices: 2, accounts: 1 }, replaced: 1, kept: 0 })
    const lab = value(await target.router['devices:list'](undefined)).find((d) => d.token === token)!
    expect(lab).toMatchObject({ name: 'Lab iPhone', tags: ['lab'] })
    const reimport = value(await target.router['library:previewImport']({ text: exported.text }))
    expect(reimport.conflicts).toEqual([])
    expect(reimport.added).toEqual({ devices: 0, accounts: 0, templates: 0 })
  })

  it('a file that is not a Pushdeck export, or has a bad entry, is refused with the place named', async () => {
    const { router } = app()
    expect(await router['library:previewImport']({ text: '{"devices":[]}' })).toMatchObject({ ok: false, error: { code: 'bundle.not-pushdeck' } })
    expect(await router['library:previewImport']({ text: 'nope' })).toMatchObject({ ok: false, error: { code: 'bundle.not-json' } })
    const bad = await router['library:previewImport']({ text: JSON.stringify({ format: 'pushdeck-library', version: 1, devices: [{ name: 'x', token: 't', bundleId: 'b', environment: 'staging' }] }) })
    expect(bad).toMatchObject({ ok: false, error: { code: 'bundle.invalid' } })
    expect(!bad.ok && bad.error.message).toContain('devices.0.environment')
  })
})

describe('persistence', () => {
  it('a devices file from the first schema version is migrated, with the original kept', async () => {
    const temp = makeTempDir()
    cleanups.push(temp.remove)
    const v1 = { id: 'd1', name: 'Old', token: 'ab'.repeat(32), bundleId: 'com.example.app', environment: 'sandbox', createdAt: '2026-01-01T00:00:00.000Z', unregisteredAt: null }
    writeFileSync(join(temp.path, 'devices.json'), JSON.stringify({ devices: [v1] }))
    const { router } = app(temp.path)
    expect(value(await router['devices:list'](undefined))).toEqual([{ ...v1, kind: 'regular', tags: [], accountId: null, notes: '', updatedAt: v1.createdAt, lastResult: null }])
    const onDisk = JSON.parse(readFileSync(join(temp.path, 'devices.json'), 'utf8'))
    expect(onDisk['devices-schemaVersion']).toBe(2)
    expect(onDisk['devices-v1-backup']).toEqual([v1])
  })

  it('two writers racing on one store file leave valid JSON holding one complete write', () => {
    const temp = makeTempDir()
    cleanups.push(temp.remove)
    const script = `
      const Conf = (await import('conf')).default
      const store = new Conf({ projectName: 'race', cwd: process.argv[1], configName: 'devices', accessPropertiesByDotNotation: false })
      for (let i = 0; i < 200; i++) store.set('devices', Array.from({ length: 50 }, (_, n) => ({ writer: process.argv[2], i, n })))
    `
    const run = (writer: string) => new Promise<void>((resolve, reject) => {
      import('node:child_process').then(({ spawn }) => {
        const child = spawn(process.execPath, ['--input-type=module', '-e', script, temp.path, writer], { cwd: join(import.meta.dirname, '../..') })
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer ${writer} exited ${code}`))))
      })
    })
    return Promise.all([run('A'), run('B')]).then(() => {
      const devices = (JSON.parse(readFileSync(join(temp.path, 'devices.json'), 'utf8')) as { devices: { writer: string; i: number }[] }).devices
      expect(devices).toHaveLength(50)
      expect(new Set(devices.map((d) => `${d.writer}:${d.i}`)).size).toBe(1)
    })
  })
})

describe('copy as curl', () => {
  it('token auth: a fresh JWT that verifies with the key, every header, the exact body; marked secret', async () => {
    const target = createTestApp({ endpoints: async () => ({ environment: 'sandbox', address: 'api.sandbox.push.apple.com', port: 443, production: false }) })
    cleanups.push(() => target.dispose())
    const key = makeP256Key()
    const credential = value(await target.router['credentials:addTokenKey']({ label: 'k', keyId: 'KEY1234567', teamId: 'TEAM123456', key: { text: key.privateKeyPem } }))
    const token = hex()
    const curl = value(await target.router['push:curl']({ credentialId: credential.id, environment: 'sandbox', deviceToken: token, bundleId: 'com.example.app', pushType: 'background', priority: 5, payloadText: `{"aps":{"content-available":1},"note":"it's"}`, topicOverride: null, expiration: { mode: 'immediate' }, collapseId: '', apnsId: '', variables: {} }))
    expect(curl.containsSecret).toBe(true)
    expect(curl.warning).toContain('do not paste it anywhere public')
    expect(curl.command).toContain(`'https://api.sandbox.push.apple.com/3/device/${token}'`)
    for (const header of ["'apns-topic: com.example.app'", "'apns-push-type: background'", "'apns-priority: 5'", "'apns-expiration: 0'"]) expect(curl.command).toContain(header)
    expect(curl.command).toContain(`--data '{"aps":{"content-available":1},"note":"it'\\''s"}'`)
    const jwt = /bearer ([\w-]+\.[\w-]+\.[\w-]+)/.exec(curl.command)![1]!
    const [header, claims, signature] = jwt.split('.')
    expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toEqual({ alg: 'ES256', kid: 'KEY1234567' })
    expect(JSON.parse(Buffer.from(claims!, 'base64url').toString())).toMatchObject({ iss: 'TEAM123456' })
    expect(verify('sha256', Buffer.from(`${header}.${claims}`), { key: createPublicKey(key.publicKeyPem), dsaEncoding: 'ieee-p1363' }, Buffer.from(signature!, 'base64url'))).toBe(true)
  })
})
