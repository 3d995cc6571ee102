import { describe, expect, it } from 'vitest'
import { diagnose, type PushDraft } from '../../src/shared/diagnosis'
import type { CredentialSummary } from '../../src/shared/domain'
import { apnsTopicFor } from '../../src/shared/push-types'

const TOKEN = '0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0'
const credential: CredentialSummary = { id: 'c1', kind: 'token', label: 'Key', keyId: 'KEY1234567', teamId: 'TEAM123456', createdAt: '2026-01-01T00:00:00.000Z', demo: false }

function draft(overrides: Partial<PushDraft> = {}): PushDraft {
  return {
    credentialId: 'c1',
    environment: 'sandbox',
    deviceToken: TOKEN,
    bundleId: 'com.example.pushdemo',
    pushType: 'alert',
    priority: 10,
    payloadText: '{"aps":{"alert":{"title":"Hi","body":"Test"}}}',
    topicOverride: null,
    expiration: { mode: 'none' },
    collapseId: '',
    apnsId: '', variables: {},
    ...overrides
  }
}
const ids = (d: PushDraft, c: CredentialSummary | null = credential) => diagnose(d, c).findings.map((f) => `${f.severity}:${f.id}`)

describe('diagnosis before sending', () => {
  it('a well-formed alert push has no findings and is not blocked', () => {
    const result = diagnose(draft(), credential)
    expect(result.findings).toEqual([])
    expect(result.blocked).toBe(false)
    expect(result.topic).toBe('com.example.pushdemo')
    expect(result.bytes).toBe(46)
    expect(result.byteLimit).toBe(4096)
  })

  it('blocks without a credential, and blocks the demo key outside the emulator', () => {
    expect(ids(draft(), null)).toContain('error:credential.missing')
    expect(ids(draft(), { ...credential, demo: true })).toContain('error:credential.demo-outside-emulator')
    expect(ids(draft({ environment: 'emulator' }), { ...credential, demo: true })).toEqual([])
  })

  it('C-01: a bracketed token is sent normalised with an info note, not blocked', () => {
    const result = diagnose(draft({ deviceToken: `<${TOKEN.slice(0, 8)} ${TOKEN.slice(8)}>` }), credential)
    expect(result.blocked).toBe(false)
    expect(result.token).toBe(TOKEN)
    expect(result.findings.map((f) => f.id)).toEqual(['token.normalised'])
  })

  it('C-05: base64 token blocks with a one-click conversion', () => {
    const finding = diagnose(draft({ deviceToken: 'Dx4tPEtaaXiHlqW0w9Lh8AESIzRFVmd4iZqrvM3e7/A=' }), credential).findings[0]!
    expect(finding).toMatchObject({ id: 'token.base64', severity: 'error', action: { kind: 'use-token', value: TOKEN } })
  })

  it('C-08: empty topic and a placeholder topic block', () => {
    expect(ids(draft({ bundleId: '' }))).toEqual(['error:topic.missing'])
    expect(ids(draft({ bundleId: '<com.example.pushdemo>' }))).toEqual(['error:topic.malformed'])
    expect(ids(draft({ bundleId: 'com.example push' }))).toEqual(['error:topic.malformed'])
  })

  it('C-09: the VoIP suffix is added once, never twice, and a foreign suffix is flagged', () => {
    expect(apnsTopicFor('com.example.pushdemo', 'voip')).toBe('com.example.pushdemo.voip')
    expect(apnsTopicFor('com.example.pushdemo.voip', 'voip')).toBe('com.example.pushdemo.voip')
    expect(apnsTopicFor('com.example.pushdemo', 'liveactivity')).toBe('com.example.pushdemo.push-type.liveactivity')
    expect(ids(draft({ bundleId: 'com.example.pushdemo.voip', pushType: 'alert' }))).toEqual(['warning:topic.suffix-mismatch'])
  })

  it('C-10: a background push with priority 10 is an error with a fix; priority 5 passes', () => {
    const background = draft({ pushType: 'background', payloadText: '{"aps":{"content-available":1},"refresh":"inbox"}' })
    const finding = diagnose(background, credential).findings.find((f) => f.id === 'background.priority')
    expect(finding).toMatchObject({ severity: 'error', action: { kind: 'set-priority', value: '5' } })
    expect(diagnose({ ...background, priority: 5 }, credential).findings).toEqual([])
  })

  it('C-10: background with alert keys warns; content-available-only sent as alert warns', () => {
    expect(ids(draft({ pushType: 'background', priority: 5, payloadText: '{"aps":{"content-available":1,"alert":"x"}}' }))).toEqual(['warning:background.visible-keys'])
    expect(ids(draft({ payloadText: '{"aps":{"content-available":1}}' }))).toEqual(['warning:pushType.should-be-background'])
  })

  it('C-11: over the byte limit blocks, with bytes used and allowed; VoIP allows 5120', () => {
    const body = JSON.stringify({ aps: { alert: { title: 'Hi', body: '😀'.repeat(1100) } } })
    const finding = diagnose(draft({ payloadText: body }), credential).findings.find((f) => f.id === 'payload.too-large')!
    expect(finding.message).toContain('4442 bytes')
    expect(finding.message).toContain('4096 bytes')
    const voip = JSON.stringify({ aps: {}, data: 'x'.repeat(5000) })
    expect(diagnose(draft({ pushType: 'voip', payloadText: voip }), credential).blocked).toBe(false)
    expect(diagnose(draft({ pushType: 'alert', payloadText: voip }), credential).blocked).toBe(true)
  })

  it('C-12: smart quotes, array root and missing aps', () => {
    expect(ids(draft({ payloadText: '{“aps”: {“alert”: “Hi”}}' }))).toEqual(['error:payload.smart-quotes'])
    expect(ids(draft({ payloadText: '["aps"]' }))).toEqual(['error:payload.root-not-object'])
    expect(ids(draft({ payloadText: '{"messageFrom": "Example"}' }))).toEqual(['warning:payload.no-aps'])
    expect(ids(draft({ payloadText: '{"aps": {"alert": "Hi",}}' }))).toEqual(['error:payload.syntax'])
  })

  it('C-14: a string badge and a string content-available are flagged', () => {
    expect(ids(draft({ payloadText: '{"aps":{"badge":"3","alert":"x"}}' }))).toEqual(['warning:payload.badge-not-number'])
    expect(ids(draft({ pushType: 'background', priority: 5, payloadText: '{"aps":{"content-available":"1"}}' }))).toContain('warning:payload.content-available-not-1')
  })

  it('custom keys inside aps are flagged', () => {
    expect(ids(draft({ payloadText: '{"aps":{"alert":"x","orderId":"A-1"}}' }))).toEqual(['warning:payload.custom-aps-keys'])
  })

  it('thousands of repeated keys give one finding, not thousands', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `"k":${i}`).join(',')
    const findings = diagnose(draft({ payloadText: `{"aps":{"alert":"x"},${keys}}` }), credential).findings
    expect(findings.map((f) => f.id)).toEqual(['payload.duplicate-key'])
    expect(findings[0]!.message).toContain('The key k appears more than once')
  })
})

