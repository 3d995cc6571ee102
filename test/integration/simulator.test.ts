import { existsSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { MAX_KEPT_OUTPUT } from '../../src/core/simulator/simctl-problems'
import { SimctlRunner } from '../../src/core/simulator/simctl-runner'
import { SimulatorService } from '../../src/core/simulator/simulator-service'
import type { HistoryEntry } from '../../src/shared/history-types'
import type { SimulatorSendRequest } from '../../src/shared/simulator'
import { BOOTED_UDID, FakeXcrun, HAPPY, INSTALLED_APP, removeFakeXcruns, SECOND_UDID } from '../support/fake-xcrun'
import { createTestApp, type TestApp } from '../support/test-app'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})
afterAll(removeFakeXcruns)

function app(fake: FakeXcrun, platform: NodeJS.Platform = 'darwin'): TestApp {
  const created = createTestApp({ simulator: { platform, xcrunPath: fake.path } })
  cleanups.push(() => created.dispose())
  return created
}

const PAYLOAD = '{\n  "aps": {\n    "alert": { "title": "Order {{order}}", "body": "Shipped ✈️" }\n  },\n  "orderId": "{{order}}"\n}'
const send = (over: Partial<SimulatorSendRequest> = {}): SimulatorSendRequest => ({ udid: BOOTED_UDID, bundleId: INSTALLED_APP, pushType: 'alert', payloadText: PAYLOAD, variables: { order: 'A-1' }, templateName: 'Shipped', ...over })

describe('simulators through xcrun simctl (fake xcrun)', () => {
  it('lists booted simulators with name, runtime and UDID, asking simctl for booted devices as JSON', async () => {
    const fake = new FakeXcrun()
    const listed = await app(fake).router['simulators:list'](undefined)
    expect(listed.ok && listed.value.availability).toEqual({ usable: true })
    expect(listed.ok && listed.value.simulators.map((s) => [s.name, s.runtime, s.udid])).toEqual([
      ['iPad Air 11-inch (M2)', 'iOS 17.5', SECOND_UDID],
      ['iPhone 16 Pro', 'iOS 18.3', BOOTED_UDID]
    ])
    expect(fake.calls().map((c) => c.argv)).toEqual([['simctl', 'list', 'devices', 'booted', '-j']])
  })

  it('lists the apps installed on the chosen simulator by UDID', async () => {
    const fake = new FakeXcrun()
    const apps = await app(fake).router['simulators:apps']({ udid: BOOTED_UDID.toLowerCase() })
    expect(apps.ok && apps.value.map((a) => a.bundleId)).toEqual([INSTALLED_APP, 'com.apple.Preferences'])
    expect(fake.calls().at(-1)!.argv).toEqual(['simctl', 'listapps', BOOTED_UDID])
  })

  it('sends a template: simctl push <UDID> <bundle ID> <file>, the file holding the payload as the editor has it, then removed; recorded in the history', async () => {
    const fake = new FakeXcrun()
    const a = app(fake)
    const before = new Set(readdirSync(tmpdir()).filter((n) => n.startsWith('pushdeck-simctl-')))
    const sent = await a.router['simulators:send'](send())
    expect(sent.ok).toBe(true)
    if (!sent.ok) return
    expect(sent.value).toMatchObject({ outcome: 'accepted', udid: BOOTED_UDID, simulatorName: 'iPhone 16 Pro', bundleId: INSTALLED_APP })
    expect(sent.value.explanation).toContain(`Notification sent to '${INSTALLED_APP}'`)
    const [push] = fake.pushCalls()
    expect(push!.argv.slice(0, 4)).toEqual(['simctl', 'push', BOOTED_UDID, INSTALLED_APP])
    expect(push!.argv).not.toContain('booted')
    // Exactly the editor's text (indentation and the emoji kept), variables filled in.
    expect(push!.payloadFile).toBe(PAYLOAD.replaceAll('{{order}}', 'A-1'))
    expect(sent.value.body).toBe(push!.payloadFile)
    expect(sent.value.command).toEqual([fake.path, ...push!.argv])
    expect(existsSync(push!.argv[4]!)).toBe(false)
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith('pushdeck-simctl-') && !before.has(n))).toEqual([])

    const history = await a.router['history:query']({})
    expect(history.ok && history.value.items[0]).toMatchObject({ environment: 'simulator', token: BOOTED_UDID, outcome: 'accepted', templateName: 'Shipped', deviceName: 'iPhone 16 Pro' })
    const entry = await a.router['history:get']({ id: sent.value.historyId! })
    expect(entry.ok && (entry.value as HistoryEntry).request.body).toBe(push!.payloadFile)
  })

  it('a push simctl refuses is a failed result with simctl\'s stderr, and is kept in the history', async () => {
    const fake = new FakeXcrun({ ...HAPPY, push: { code: 1, stderr: 'An error was encountered processing the command (domain=SimulatorKit.SimulatorError, code=2):\nUnable to deliver the notification.\n' } })
    const a = app(fake)
    const sent = await a.router['simulators:send'](send())
    expect(sent.ok && sent.value.outcome).toBe('failed')
    expect(sent.ok && sent.value.explanation).toMatch(/exit code 1.*\n?.*Unable to deliver the notification/s)
    expect(sent.ok && sent.value.stderr).toContain('SimulatorKit.SimulatorError')
    const history = await a.router['history:query']({ outcome: 'failed' })
    expect(history.ok && history.value.items[0]).toMatchObject({ environment: 'simulator', reason: 'SimctlFailed' })
  })

  it('a simctl that prints megabytes of errors gives a readable message, and the result and history keep a capped copy', async () => {
    const flood = `${'x'.repeat(2_000_000)}\nsecond line\n`
    const fake = new FakeXcrun({ ...HAPPY, push: { code: 1, stderr: flood } })
    const a = app(fake)
    const sent = await a.router['simulators:send'](send())
    if (!sent.ok) throw new Error(sent.error.message)
    expect(sent.value.outcome).toBe('failed')
    expect(sent.value.explanation.length).toBeLessThan(1_000)
    expect(sent.value.explanation).toContain('second line')
    expect(sent.value.stderr.length).toBeLessThanOrEqual(MAX_KEPT_OUTPUT + 100)
    expect(sent.value.stderr).toMatch(/more characters not kept\)$/)
    const entry = await a.router['history:get']({ id: sent.value.historyId! })
    expect(entry.ok && JSON.stringify(entry.value).length).toBeLessThan(3 * MAX_KEPT_OUTPUT)
  })

  it.each([
    ['the machine is not macOS', new FakeXcrun(), 'linux' as const, 'simulator.not-macos', /only on macOS; this machine runs Linux/],
    ['no simulator is booted', new FakeXcrun({ ...HAPPY, list: { fixture: 'booted-none.json' } }), 'darwin' as const, 'simulator.none-booted', /No simulator is booted/],
    ['simctl prints a malformed device list', new FakeXcrun({ ...HAPPY, list: { stdout: '{"devices": {"com.apple' } }), 'darwin' as const, 'simulator.malformed-output', /does not understand: the device list is not JSON/],
    ['xcrun has no simctl (xcrun: error)', new FakeXcrun({}), 'darwin' as const, 'simulator.xcode-missing', /xcrun: error: unable to find utility "simctl"/]
  ])('the simulator list says why it is empty when %s', async (_label, fake, platform, code, message) => {
    const listed = await app(fake, platform).router['simulators:list'](undefined)
    expect(listed.ok).toBe(true)
    if (!listed.ok || listed.value.availability.usable) throw new Error('expected a reason')
    expect(listed.value.simulators).toEqual([])
    expect(listed.value.availability.code).toBe(code)
    expect(listed.value.availability.message).toMatch(message)
    expect(listed.value.availability.hint.length).toBeGreaterThan(10)
    // On another OS nothing is run at all.
    if (platform === 'linux') expect(fake.calls()).toEqual([])
  })

  it('xcrun missing from the machine (ENOENT) says Xcode is missing and how to install it', async () => {
    const a = createTestApp({ simulator: { platform: 'darwin', xcrunPath: join(tmpdir(), 'no-such-dir-pushdeck', 'xcrun') } })
    cleanups.push(() => a.dispose())
    const listed = await a.router['simulators:list'](undefined)
    expect(listed.ok && !listed.value.availability.usable && listed.value.availability).toMatchObject({ code: 'simulator.xcode-missing', hint: expect.stringMatching(/xcode-select/) })
    const sent = await a.router['simulators:send'](send())
    expect(!sent.ok && sent.error.code).toBe('simulator.xcode-missing')
  })

  it.each([
    ['the app is not installed', HAPPY, send({ bundleId: 'com.example.other' }), 'simulator.app-not-installed', /No app with the bundle ID "com.example.other" is installed on "iPhone 16 Pro"/],
    ['the simulator shut down since it was picked', HAPPY, send({ udid: 'EEEEEEEE-1111-2222-3333-FFFFFFFFFFFF' }), 'simulator.not-booted', /is not booted/],
    ['the push type is VoIP', HAPPY, send({ pushType: 'voip' }), 'simulator.push-type-unsupported', /PushKit/],
    ['the push type is a Live Activity', HAPPY, send({ pushType: 'liveactivity' }), 'simulator.push-type-unsupported', /ActivityKit/],
    ['the payload has no aps', HAPPY, send({ payloadText: '{"orderId": 1}' }), 'simulator.payload-no-aps', /"aps" dictionary/],
    ['the payload is an array', HAPPY, send({ payloadText: '[{"aps": {}}]' }), 'simulator.payload-invalid', /object at the top level/],
    ['the payload has a trailing comma', HAPPY, send({ payloadText: '{"aps": {"alert": "x",}}' }), 'simulator.payload-invalid', /line 1, column/],
    ['the payload is over 4096 bytes', HAPPY, send({ payloadText: JSON.stringify({ aps: { alert: '😀'.repeat(1100) } }) }), 'simulator.payload-too-large', /simctl accepts 4096 bytes/],
    ['a variable has no value', HAPPY, send({ variables: {} }), 'simulator.payload-variable-missing', /\{\{order\}\}/],
    ['listapps prints something malformed', { ...HAPPY, listapps: { stdout: '{ "com.example.pushdemo" = { ApplicationType = User' } }, send(), 'simulator.malformed-output', /the app list is not a property list/]
  ])('a send is refused before simctl push when %s, with the problem and its fix', async (_label, scenario, request, code, message) => {
    const fake = new FakeXcrun(scenario)
    const sent = await app(fake).router['simulators:send'](request)
    expect(sent.ok).toBe(false)
    if (sent.ok) return
    expect(sent.error.code).toBe(code)
    expect(sent.error.message).toMatch(message)
    expect(sent.error.hint?.length).toBeGreaterThan(10)
    expect(fake.pushCalls()).toEqual([])
  })

  it('refuses "booted" or anything but a UDID at the contract', async () => {
    const { contract } = await import('../../src/shared/ipc')
    for (const udid of ['booted', '', 'CCCCCCCC-4444-5555-6666-DDDDDDDDDDDD; rm -rf ~', '--help']) {
      expect(contract['simulators:send'].input.safeParse(send({ udid })).success).toBe(false)
    }
  })

  it('a payload naming another "Simulator Target Bundle" is sent to the picked app, with a warning that says so', async () => {
    const fake = new FakeXcrun()
    const payloadText = '{"Simulator Target Bundle": "com.example.elsewhere", "aps": {"alert": "Hi"}}'
    const sent = await app(fake).router['simulators:send'](send({ payloadText }))
    expect(sent.ok && sent.value.warnings.map((w) => w.id)).toEqual(['simulator.target-bundle-overridden'])
    expect(fake.pushCalls()[0]!.argv[3]).toBe(INSTALLED_APP)
    expect(fake.pushCalls()[0]!.payloadFile).toBe(payloadText)
  })

  it('the fake on PATH is found as plain "xcrun", as on a Mac', async () => {
    const fake = new FakeXcrun()
    const service = new SimulatorService({ runner: new SimctlRunner({ env: { ...process.env, PATH: `${fake.dir}:${process.env.PATH}` } }), platform: 'darwin', history: { append: () => {} } })
    const listed = await service.list()
    expect(listed.ok && listed.value.simulators).toHaveLength(2)
    expect(fake.calls()).toHaveLength(1)
  })

  it('a simctl that hangs is stopped after the timeout with a message, not a stuck send', async () => {
    const fake = new FakeXcrun(HAPPY)
    const { writeFileSync } = await import('node:fs')
    writeFileSync(fake.path, `#!${process.execPath}\nsetTimeout(() => {}, 60000)\n`)
    const service = new SimulatorService({ runner: new SimctlRunner({ xcrunPath: fake.path, timeoutMs: 300 }), platform: 'darwin', history: { append: () => {} } })
    const listed = await service.list()
    expect(listed.ok && !listed.value.availability.usable && listed.value.availability.code).toBe('simulator.timeout')
  })
})

describe('saved simulators and tags', () => {
  it('a simulator is saved by UDID as a device of kind simulator, tagged; a hex-token simulator stays an APNs device', async () => {
    const a = app(new FakeXcrun())
    const saved = await a.router['devices:save']({ name: 'iPhone 16 Pro', token: BOOTED_UDID.toLowerCase(), bundleId: INSTALLED_APP, environment: 'sandbox', kind: 'simulator', tags: ['qa'] })
    expect(saved.ok && saved.value).toMatchObject({ token: BOOTED_UDID, kind: 'simulator', tags: ['qa'] })
    const twice = await a.router['devices:save']({ name: 'again', token: BOOTED_UDID, bundleId: INSTALLED_APP, environment: 'sandbox', kind: 'simulator' })
    expect(!twice.ok && twice.error.message).toMatch(/This simulator is already saved/)
    // A UDID is still not a device token for a regular device (C-05 family).
    const regular = await a.router['devices:save']({ name: 'x', token: SECOND_UDID, bundleId: INSTALLED_APP, environment: 'sandbox' })
    expect(!regular.ok && regular.error.code).toBe('token.uuid')
  })

  it('a tag mixing a simulator and a device fans out with one result per target: the simulator through simctl, the device through APNs', async () => {
    const fake = new FakeXcrun()
    const a = app(fake)
    const setup = await a.router['demo:setup'](undefined)
    if (!setup.ok) throw new Error(setup.error.message)
    const phone = setup.value.devices[0]!
    expect((await a.router['devices:bulk']({ ids: [phone.id], action: { kind: 'addTags', tags: ['mixed'] } })).ok).toBe(true)
    const sim = await a.router['devices:save']({ name: 'Sim', token: BOOTED_UDID, bundleId: INSTALLED_APP, environment: 'sandbox', kind: 'simulator', tags: ['mixed'] })
    if (!sim.ok) throw new Error(sim.error.message)
    const started = await a.router['fanout:start']({ target: { kind: 'tags', expression: 'mixed' }, push: { credentialId: setup.value.credential.id, pushType: 'alert', priority: 10, payloadText: '{"aps":{"alert":"Both"}}', topicOverride: null, expiration: { mode: 'none' }, collapseId: '', variables: {}, templateName: 'Both' } })
    if (!started.ok) throw new Error(started.error.message)
    const snapshot = (await a.fanout.finished(started.value.runId))!
    expect(snapshot.results).toHaveLength(2)
    const byId = new Map(snapshot.results.map((r) => [r.deviceId, r]))
    expect(byId.get(sim.value.id)).toMatchObject({ outcome: 'accepted', environment: 'simulator' })
    expect(byId.get(phone.id)).toMatchObject({ outcome: 'accepted', status: 200, environment: 'emulator' })
    expect(fake.pushCalls().map((c) => c.argv.slice(1, 4))).toEqual([['push', BOOTED_UDID, INSTALLED_APP]])
    const history = await a.router['history:query']({})
    expect(history.ok && history.value.items.map((i) => i.environment).sort()).toEqual(['emulator', 'simulator'])
    const devices = await a.router['devices:list'](undefined)
    expect(devices.ok && devices.value.find((d) => d.id === sim.value.id)?.lastResult?.outcome).toBe('accepted')
  })

  it('a tag of simulators alone needs no credential; a simulator that is not booted is skipped with the reason', async () => {
    const fake = new FakeXcrun({ ...HAPPY, list: { fixture: 'booted-none.json' } })
    const a = app(fake)
    const sim = await a.router['devices:save']({ name: 'Sim', token: BOOTED_UDID, bundleId: INSTALLED_APP, environment: 'sandbox', kind: 'simulator', tags: ['sims'] })
    if (!sim.ok) throw new Error(sim.error.message)
    const started = await a.router['fanout:start']({ target: { kind: 'tags', expression: 'sims' }, push: { credentialId: '', pushType: 'alert', priority: 10, payloadText: '{"aps":{"alert":"x"}}', topicOverride: null, expiration: { mode: 'none' }, collapseId: '', variables: {}, templateName: null } })
    if (!started.ok) throw new Error(started.error.message)
    const snapshot = (await a.fanout.finished(started.value.runId))!
    expect(snapshot.results).toEqual([expect.objectContaining({ deviceId: sim.value.id, outcome: 'skipped', reason: 'simulator.none-booted', explanation: expect.stringMatching(/No simulator is booted/) })])
  })
})

describe('.apns export for the simulator', () => {
  it('fills {{variables}} with the template defaults, since Xcode and simctl send the file as it is; a variable without a default is named', async () => {
    const a = app(new FakeXcrun())
    const starter = value(await a.router['templates:list'](undefined)).find((t) => t.name === 'Alert')!
    expect(starter.payloadText).toContain('{{title}}')
    const exported = value(await a.router['templates:exportApns']({ id: starter.id, bundleId: INSTALLED_APP }))
    expect(JSON.parse(exported.text)).toEqual({ 'Simulator Target Bundle': INSTALLED_APP, aps: { alert: { title: 'Hello', body: 'This push came from Pushdeck.' }, sound: 'default' } })
    const bare = value(await a.router['templates:save']({ name: 'Needs name', group: '', pushType: 'alert', priority: 10, expiration: { mode: 'none' }, collapseId: '', payloadText: '{"aps":{"alert":"Hi {{name}}"}}', variables: [] }))
    const refused = await a.router['templates:exportApns']({ id: bare.id, bundleId: INSTALLED_APP })
    expect(!refused.ok && refused.error).toMatchObject({ code: 'apns-file.variable-without-default', message: expect.stringContaining('{{name}}') })
    // The exported file goes to the simulator unchanged.
    const parsed = JSON.parse(exported.text) as Record<string, unknown>
    const sent = value(await a.router['simulators:send'](send({ payloadText: exported.text, variables: {} })))
    expect(sent.warnings).toEqual([])
    expect(parsed['Simulator Target Bundle']).toBe(sent.bundleId)
  })
})

function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}
