import { describe, expect, it } from 'vitest'
import { checkLiveActivity, diagnose, type Finding, type PushDraft } from '../../src/shared/diagnosis'
import type { CertificateCredentialSummary, TokenCredentialSummary } from '../../src/shared/domain'
import { renderTemplate } from '../../src/shared/library/template-variables'
import { STARTER_TEMPLATES, starterPayloadText } from '../../src/shared/library/starter-templates'

const NOW_MS = Date.parse('2026-12-03T12:00:00Z')
const NOW = NOW_MS / 1000
const TOKEN = '0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0'
const key: TokenCredentialSummary = { id: 't', kind: 'token', label: 'Key', keyId: 'KEY1234567', teamId: 'TEAM123456', createdAt: '', demo: false }

const update = (aps: Record<string, unknown> = {}) => ({ event: 'update', timestamp: NOW, 'content-state': { status: 'on the way', minutesLeft: 10 }, ...aps })
const start = (aps: Record<string, unknown> = {}) => ({
  event: 'start', timestamp: NOW, 'content-state': { status: 'ordered' }, 'attributes-type': 'DeliveryAttributes', attributes: { orderId: 'A-1' }, alert: { title: 'Order placed', body: 'Tracking.' }, ...aps
})
const end = (aps: Record<string, unknown> = {}) => ({ event: 'end', timestamp: NOW, 'content-state': { status: 'delivered' }, 'dismissal-date': NOW + 3600, ...aps })

function check(aps: Record<string, unknown>, route: 'token' | 'channel' = 'token'): Finding[] {
  const out: Finding[] = []
  checkLiveActivity(aps, NOW_MS, route, out)
  return out
}
const ids = (aps: Record<string, unknown>, route: 'token' | 'channel' = 'token') => check(aps, route).map((f) => `${f.severity}:${f.id}`)

describe('Live Activity payloads', () => {
  it('well-formed start, update and end payloads pass without findings', () => {
    expect(ids(start())).toEqual([])
    expect(ids(update({ 'stale-date': NOW + 600, 'relevance-score': 50, alert: { title: 'Almost there', body: '10 minutes' } }))).toEqual([])
    expect(ids(end())).toEqual([])
    expect(ids(update(), 'channel')).toEqual([])
  })

  it('every finding says what is wrong and how to fix it', () => {
    const findings = [...check({}), ...check(start({ timestamp: NOW * 1000, attributes: null, 'stale-date': '2026-12-03T13:00:00Z' }))]
    expect(findings.length).toBeGreaterThan(3)
    for (const f of findings) {
      expect(f.id).toMatch(/^liveactivity\./)
      expect(f.message.length).toBeGreaterThan(20)
      expect(f.fix.length).toBeGreaterThan(5)
      expect(f.field).toBe('payload')
    }
  })

  it('names a missing or unknown event, whatever the wrong value is', () => {
    expect(ids({ timestamp: NOW, 'content-state': {} })).toContain('error:liveactivity.event-missing')
    for (const event of ['Update', ' end', 'begin', '', 1, null, true, ['update'], { name: 'update' }]) {
      expect(ids(update({ event }))).toContain('error:liveactivity.event-invalid')
    }
    expect(check(update({ event: 'Update' }))[0]!.message).toContain('lowercase')
  })

  it('a timestamp in milliseconds is an error and names the seconds value', () => {
    for (const ms of [NOW_MS, NOW_MS + 123, 1.7e12, 9.99e12]) {
      const findings = check(update({ timestamp: ms }))
      expect(findings.map((f) => f.id)).toEqual(['liveactivity.timestamp-milliseconds'])
      expect(findings[0]!.fix).toContain(String(Math.floor(ms / 1000)))
    }
  })

  it('a timestamp in microseconds or nanoseconds is named as such, with a fix that really gives seconds', () => {
    const micro = check(update({ timestamp: NOW_MS * 1000 }))[0]!
    expect(micro.message).toContain('microseconds')
    expect(micro.fix).toContain(`(${NOW})`)
    const nano = check(update({ timestamp: NOW_MS * 1e6 }))[0]!
    expect(nano.message).toContain('nanoseconds')
    expect(nano.fix).toContain(`(${NOW})`)
  })

  it('a timestamp of zero or below is an error, not a time in the past', () => {
    for (const timestamp of [0, -5]) expect(ids(update({ timestamp }))).toEqual(['error:liveactivity.timestamp-not-positive'])
  })

  it('a dismissal-date more than 4 hours after the end push is named: iOS removes the activity by then', () => {
    expect(ids(end({ 'dismissal-date': NOW + 365 * 86_400 }))).toEqual(['warning:liveactivity.dismissal-date-too-late'])
    expect(ids(end({ 'dismissal-date': NOW + 4 * 3600 }))).toEqual([])
  })

  it('a timestamp far in the past or in the future is named; a few seconds off is fine', () => {
    expect(ids(update({ timestamp: NOW - 2 * 3600 }))).toEqual(['warning:liveactivity.timestamp-past'])
    expect(ids(update({ timestamp: 1_600_000_000 }))).toEqual(['warning:liveactivity.timestamp-past'])
    expect(check(update({ timestamp: NOW - 3 * 86_400 }))[0]!.message).toContain('3 days')
    expect(ids(update({ timestamp: NOW + 86_400 }))).toEqual(['warning:liveactivity.timestamp-future'])
    expect(ids(update({ timestamp: NOW - 30 }))).toEqual([])
    expect(ids(update({ timestamp: NOW + 30 }))).toEqual([])
  })

  it('a timestamp that is missing, quoted or not a number is an error', () => {
    const { timestamp: _t, ...withoutTimestamp } = update()
    expect(ids(withoutTimestamp)).toEqual(['error:liveactivity.timestamp-missing'])
    expect(ids(update({ timestamp: String(NOW) }))).toEqual(['error:liveactivity.timestamp-string'])
    expect(ids(update({ timestamp: ` ${NOW} ` }))).toEqual(['error:liveactivity.timestamp-string'])
    for (const timestamp of ['now', '{{now}}', '2026-12-03T12:00:00Z', null, true, [NOW], { seconds: NOW }]) {
      expect(ids(update({ timestamp }))).toEqual(['error:liveactivity.timestamp-not-number'])
    }
    expect(ids(update({ timestamp: NOW + 0.5 }))).toEqual(['warning:liveactivity.timestamp-fraction'])
  })

  it('each event needs its own fields', () => {
    const { 'content-state': _s, ...updateWithoutState } = update()
    expect(ids(updateWithoutState)).toEqual(['error:liveactivity.content-state-missing'])
    const { 'content-state': _e, ...endWithoutState } = end()
    expect(ids(endWithoutState)).toEqual(['warning:liveactivity.content-state-missing-end'])
    const { 'attributes-type': _a, attributes: _b, alert: _c, ...bareStart } = start()
    expect(ids(bareStart)).toEqual(['error:liveactivity.attributes-type-missing', 'error:liveactivity.attributes-missing', 'error:liveactivity.start-alert-missing'])
    for (const type of ['', '  ', 3, null, {}]) expect(ids(start({ 'attributes-type': type }))).toEqual(['error:liveactivity.attributes-type-invalid'])
    for (const attributes of ['A-1', 1, [], null]) expect(ids(start({ attributes }))).toEqual(['error:liveactivity.attributes-not-object'])
    for (const state of ['ordered', 0, [], null]) expect(ids(update({ 'content-state': state }))).toEqual(['error:liveactivity.content-state-not-object'])
  })

  it('start-only keys on update or end are named as ignored; dismissal-date only counts on end', () => {
    expect(ids(update({ 'attributes-type': 'X', attributes: {} }))).toEqual(['warning:liveactivity.start-keys-ignored'])
    expect(ids(update({ 'dismissal-date': NOW + 60 }))).toEqual(['warning:liveactivity.dismissal-date-not-end'])
  })

  it('push-to-start options: input-push-token must be 1, input-push-channel a channel ID', () => {
    expect(ids(start({ 'input-push-token': 1 }))).toEqual([])
    for (const value of [true, '1', 0, 2]) expect(ids(start({ 'input-push-token': value }))).toEqual(['error:liveactivity.input-push-token'])
    expect(ids(start({ 'input-push-channel': 'dGVzdA==' }))).toEqual([])
    for (const value of ['', 5, null]) expect(ids(start({ 'input-push-channel': value }))).toEqual(['error:liveactivity.input-push-channel'])
  })

  it('a broadcast cannot start an activity, and needs no alert', () => {
    expect(ids(start(), 'channel')).toEqual(['error:liveactivity.channel-cannot-start'])
    const { alert: _a, ...startWithoutAlert } = start()
    expect(ids(startWithoutAlert, 'channel')).not.toContain('error:liveactivity.start-alert-missing')
  })

  it('names every null in content-state and attributes, however deep, in one finding', () => {
    const findings = check(update({ 'content-state': { driver: null, eta: { minutes: null }, stops: [1, null], ok: 'yes' } }))
    expect(findings.map((f) => f.id)).toEqual(['liveactivity.content-state-null'])
    expect(findings[0]!.message).toContain('content-state.driver, content-state.eta.minutes, content-state.stops[1]')
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, null]))
    expect(check(update({ 'content-state': many }))[0]!.message).toContain('and 47 more')
    expect(ids(start({ attributes: { orderId: null } }))).toEqual(['warning:liveactivity.attributes-null'])
  })

  it('stale-date and dismissal-date must be numbers in seconds', () => {
    for (const key of ['stale-date', 'dismissal-date'] as const) {
      const base = key === 'stale-date' ? update : end
      expect(ids(base({ [key]: String(NOW + 60) }))).toEqual([`error:liveactivity.${key}-string`])
      expect(ids(base({ [key]: (NOW + 60) * 1000 }))).toEqual([`error:liveactivity.${key}-milliseconds`])
      for (const value of ['2026-12-03T13:00:00Z', 'tomorrow', null, true, {}]) expect(ids(base({ [key]: value }))).toEqual([`error:liveactivity.${key}-not-number`])
    }
    expect(check(update({ 'stale-date': '2026-12-03T13:00:00Z' }))[0]!.message).toContain(String(NOW + 3600))
    expect(ids(update({ 'stale-date': NOW - 60 }))).toEqual(['warning:liveactivity.stale-date-past'])
    expect(ids(end({ 'dismissal-date': NOW - 60 }))).toEqual(['info:liveactivity.dismissal-date-past'])
  })

  it('relevance-score must be a number; an alert is optional but must be usable', () => {
    for (const score of ['50', null, true, {}]) expect(ids(update({ 'relevance-score': score }))).toEqual(['error:liveactivity.relevance-score-not-number'])
    expect(ids(update({ alert: 'Almost there' }))).toEqual([])
    for (const alert of [1, null, ['x']]) expect(ids(update({ alert }))).toEqual(['error:liveactivity.alert-invalid'])
    expect(ids(update({ alert: { sound: 'default' } }))).toEqual(['warning:liveactivity.alert-empty'])
  })
})

describe('Live Activity pushes in the full checker', () => {
  const draft = (overrides: Partial<PushDraft> = {}): PushDraft => ({
    credentialId: 't', environment: 'sandbox', deviceToken: TOKEN, bundleId: 'com.example.pushdemo', pushType: 'liveactivity', priority: 10,
    payloadText: JSON.stringify({ aps: update() }), topicOverride: null, expiration: { mode: 'none' }, collapseId: '', apnsId: '', variables: {}, ...overrides
  })
  const diagnosed = (d: PushDraft, credential: TokenCredentialSummary | CertificateCredentialSummary = key) => diagnose(d, credential, { now: NOW_MS })

  it('derives the .push-type.liveactivity topic and flags an override without it', () => {
    expect(diagnosed(draft()).topic).toBe('com.example.pushdemo.push-type.liveactivity')
    expect(diagnosed(draft()).findings).toEqual([])
    expect(diagnosed(draft({ topicOverride: 'com.example.pushdemo' })).findings.map((f) => f.id)).toContain('topic.suffix-mismatch')
    expect(diagnosed(draft({ topicOverride: 'com.example.pushdemo.voip' })).findings.map((f) => f.id)).toContain('topic.suffix-mismatch')
  })

  it('blocks certificate auth: Live Activity pushes need a .p8 key', () => {
    const certificate: CertificateCredentialSummary = {
      id: 'c', kind: 'certificate', label: 'Cert', createdAt: '', demo: false, subject: '', bundleId: 'com.example.pushdemo', teamId: null,
      topics: [{ topic: 'com.example.pushdemo.push-type.liveactivity', pushTypes: [] }], environments: ['sandbox'], notBefore: new Date(NOW_MS - 1e9).toISOString(), notAfter: new Date(NOW_MS + 1e10).toISOString(), fingerprint: 'AA', importNotes: []
    }
    const result = diagnosed(draft(), certificate)
    expect(result.blocked).toBe(true)
    expect(result.findings.map((f) => f.id)).toContain('pushType.needs-token-auth')
  })

  it('a payload without "aps" is an error; validation runs on the rendered payload', () => {
    expect(diagnosed(draft({ payloadText: '{"event":"update"}' })).findings.map((f) => f.id)).toEqual(['liveactivity.aps-missing'])
    const rendered = diagnosed(draft({ payloadText: '{"aps":{"event":"update","timestamp":{{now}},"content-state":{"a":1}}}' }))
    expect(rendered.findings).toEqual([])
    expect(JSON.parse(rendered.body!).aps.timestamp).toBe(NOW)
    expect(diagnosed(draft({ payloadText: '{"aps":{"event":"update","timestamp":"{{now}}","content-state":{"a":1}}}' })).findings.map((f) => f.id)).toEqual(['liveactivity.timestamp-string'])
  })

  it('the starter start, update and end templates go out with the send time in seconds and pass the checks', () => {
    const starters = STARTER_TEMPLATES.filter((t) => t.pushType === 'liveactivity')
    expect(starters.map((t) => (t.payload as { aps: { event: string } }).aps.event)).toEqual(['start', 'update', 'end'])
    for (const template of starters) {
      const text = starterPayloadText(template)
      const values = Object.fromEntries(template.variables.map((v) => [v.name, v.defaultValue]))
      const result = diagnosed(draft({ payloadText: text, variables: values }))
      expect(result.findings.filter((f) => f.severity !== 'info'), template.name).toEqual([])
      const aps = JSON.parse(result.body!).aps
      expect(aps.timestamp).toBe(NOW)
      const later = renderTemplate(text, { values, defaults: [], nowSeconds: NOW + 90, uuid: () => 'x' })
      expect(later.ok && JSON.parse(later.text).aps.timestamp).toBe(NOW + 90)
    }
  })
})
