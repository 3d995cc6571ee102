import { describe, expect, it } from 'vitest'
import { diagnose, type PushDraft } from '../../src/shared/diagnosis'
import type { CertificateCredentialSummary, SavedDevice, TokenCredentialSummary } from '../../src/shared/domain'
import { expirationHeaderValue } from '../../src/shared/expiration'

const TOKEN = '0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0'
const NOW = Date.parse('2026-12-03T12:00:00Z')
const DAY = 86_400_000
const token: TokenCredentialSummary = { id: 't', kind: 'token', label: 'Key', keyId: 'KEY1234567', teamId: 'TEAM123456', createdAt: '', demo: false }
const certificate = (overrides: Partial<CertificateCredentialSummary> = {}): CertificateCredentialSummary => ({
  id: 'c', kind: 'certificate', label: 'Push cert', createdAt: '', demo: false, subject: 'Apple Push Services: com.example.pushdemo', bundleId: 'com.example.pushdemo', teamId: 'TEAM123456',
  topics: [{ topic: 'com.example.pushdemo', pushTypes: ['app'] }, { topic: 'com.example.pushdemo.voip', pushTypes: ['voip'] }],
  environments: ['sandbox', 'production'], notBefore: new Date(NOW - 100 * DAY).toISOString(), notAfter: new Date(NOW + 200 * DAY).toISOString(), fingerprint: 'AA', importNotes: [],
  ...overrides
})
const draft = (overrides: Partial<PushDraft> = {}): PushDraft => ({
  credentialId: 'x', environment: 'sandbox', deviceToken: TOKEN, bundleId: 'com.example.pushdemo', pushType: 'alert', priority: 10,
  payloadText: '{"aps":{"alert":"Hi"}}', topicOverride: null, expiration: { mode: 'none' }, collapseId: '', apnsId: '', variables: {}, ...overrides
})
const ids = (d: PushDraft, credential: TokenCredentialSummary | CertificateCredentialSummary = token, savedDevice: SavedDevice | null = null) =>
  diagnose(d, credential, { now: NOW, savedDevice }).findings.map((f) => `${f.severity}:${f.id}`)

describe('certificate checks', () => {
  it('a valid universal certificate for its own topic passes', () => {
    expect(ids(draft(), certificate())).toEqual([])
    expect(ids(draft({ pushType: 'voip' }), certificate())).toEqual([])
  })

  it('warns 30 days before expiry and blocks after it', () => {
    expect(ids(draft(), certificate({ notAfter: new Date(NOW + 29 * DAY).toISOString() }))).toEqual(['warning:credential.certificate-expires-soon'])
    expect(ids(draft(), certificate({ notAfter: new Date(NOW + 31 * DAY).toISOString() }))).toEqual([])
    expect(ids(draft(), certificate({ notAfter: new Date(NOW - DAY).toISOString() }))).toEqual(['error:credential.certificate-expired'])
  })

  it('blocks a certificate not valid yet (the clock moved back since it was added): APNs would answer BadCertificate', () => {
    const finding = diagnose(draft(), certificate({ notBefore: new Date(NOW + DAY).toISOString() }), { now: NOW }).findings[0]!
    expect(finding).toMatchObject({ id: 'credential.certificate-not-yet-valid', severity: 'error', field: 'credential' })
    expect(finding.message).toContain(new Date(NOW + DAY).toISOString().slice(0, 10))
  })

  it('a sandbox-only certificate blocks production, with a one-click switch', () => {
    const finding = diagnose(draft({ environment: 'production' }), certificate({ environments: ['sandbox'] }), { now: NOW }).findings[0]!
    expect(finding).toMatchObject({ id: 'credential.certificate-environment', severity: 'error', action: { kind: 'set-environment', value: 'sandbox' } })
    expect(ids(draft({ environment: 'emulator' }), certificate({ environments: ['production'] }))).toEqual(['error:credential.certificate-environment'])
  })

  it('C-08: a topic the certificate does not list is refused, naming the allowed ones', () => {
    const finding = diagnose(draft({ bundleId: 'com.example.other' }), certificate(), { now: NOW }).findings.find((f) => f.id === 'topic.not-in-certificate')!
    expect(finding.message).toContain('com.example.pushdemo, com.example.pushdemo.voip')
    expect(finding.action).toEqual({ kind: 'set-topic', label: 'Use com.example.pushdemo', value: 'com.example.pushdemo' })
  })

  it('Live Activity and location pushes need token auth', () => {
    expect(ids(draft({ pushType: 'liveactivity', payloadText: '{"aps":{"event":"update","timestamp":1,"content-state":{}}}' }), certificate({ topics: [{ topic: 'com.example.pushdemo.push-type.liveactivity', pushTypes: [] }] }))).toContain('error:pushType.needs-token-auth')
    expect(ids(draft({ pushType: 'location', payloadText: '{"aps":{}}' }), token)).not.toContain('error:pushType.needs-token-auth')
  })
})

describe('header checks', () => {
  it('collapse ID counts bytes and refuses non-ASCII', () => {
    expect(ids(draft({ collapseId: 'x'.repeat(64) }))).toEqual([])
    expect(ids(draft({ collapseId: 'x'.repeat(65) }))).toEqual(['error:headers.collapse-id-too-long'])
    expect(ids(draft({ collapseId: 'é'.repeat(33) }))).toEqual(['error:headers.collapse-id-too-long', 'error:headers.collapse-id-not-ascii'])
  })

  it('apns-id must be a UUID when typed; empty means generated', () => {
    expect(ids(draft({ apnsId: '123e4567-e89b-12d3-a456-4266554400a0' }))).toEqual([])
    expect(ids(draft({ apnsId: '123E4567-E89B-12D3-A456-4266554400A0' }))).toEqual([])
    expect(ids(draft({ apnsId: 'order-1' }))).toEqual(['error:headers.apns-id-not-uuid'])
  })

  it('expiration: a past date warns, relative counts from the send, 0 is immediate', () => {
    expect(ids(draft({ expiration: { mode: 'at', epochSeconds: NOW / 1000 - 60 } }))).toEqual(['warning:headers.expiration-past'])
    expect(ids(draft({ expiration: { mode: 'at', epochSeconds: NOW / 1000 + 3600 } }))).toEqual([])
    expect(expirationHeaderValue({ mode: 'relative', seconds: 3600 }, NOW)).toBe(NOW / 1000 + 3600)
    expect(expirationHeaderValue({ mode: 'immediate' }, NOW)).toBe(0)
    expect(expirationHeaderValue({ mode: 'none' }, NOW)).toBeNull()
  })

  it('a topic override is sent as typed, and a missing suffix for the push type is flagged', () => {
    const result = diagnose(draft({ pushType: 'voip', topicOverride: 'com.example.pushdemo' }), token, { now: NOW })
    expect(result.topic).toBe('com.example.pushdemo')
    expect(result.findings.map((f) => f.id)).toEqual(['topic.suffix-mismatch'])
  })
})

describe('C-07: saved environment', () => {
  it('warns when a device saved for sandbox is sent to production, with a one-click switch back', () => {
    const device: SavedDevice = { id: 'd', name: 'QA iPhone', token: TOKEN, bundleId: 'com.example.pushdemo', environment: 'sandbox', createdAt: '', unregisteredAt: null, kind: 'regular', tags: [], accountId: null, notes: '', updatedAt: '', lastResult: null }
    const finding = diagnose(draft({ environment: 'production' }), token, { now: NOW, savedDevice: device }).findings[0]!
    expect(finding).toMatchObject({ id: 'environment.device-mismatch', severity: 'warning', action: { kind: 'set-environment', value: 'sandbox' } })
    expect(finding.message).toContain('QA iPhone')
    expect(ids(draft({ environment: 'sandbox' }), token, device)).toEqual([])
  })

  it('C-23: a device APNs marked unregistered warns before sending again', () => {
    const device: SavedDevice = { id: 'd', name: 'Old iPad', token: TOKEN, bundleId: 'com.example.pushdemo', environment: 'sandbox', createdAt: '', unregisteredAt: '2026-11-30T08:15:00.000Z', kind: 'regular', tags: [], accountId: null, notes: '', updatedAt: '', lastResult: null }
    const finding = diagnose(draft(), token, { now: NOW, savedDevice: device }).findings[0]!
    expect(finding).toMatchObject({ id: 'device.unregistered', severity: 'warning' })
    expect(finding.message).toContain('2026-11-30 08:15')
  })
})

describe('push-type rules', () => {
  it('MDM needs the MDM certificate, not a .p8 key', () => {
    expect(ids(draft({ pushType: 'mdm', payloadText: '{"mdm":"magic"}' }))).toContain('error:pushType.mdm-needs-certificate')
  })

  it('Push to Talk wants priority 10 and expiration 0', () => {
    expect(ids(draft({ pushType: 'pushtotalk', priority: 5, payloadText: '{}' }))).toEqual(expect.arrayContaining(['warning:pushtotalk.priority', 'warning:pushtotalk.expiration']))
    expect(ids(draft({ pushType: 'pushtotalk', priority: 10, expiration: { mode: 'immediate' }, payloadText: '{}' }))).toEqual([])
  })

  it('a Live Activity payload without event, timestamp and content-state is flagged; widgets need content-changed', () => {
    expect(ids(draft({ pushType: 'liveactivity' }))).toEqual(expect.arrayContaining(['error:liveactivity.event-missing', 'error:liveactivity.timestamp-missing']))
    expect(ids(draft({ pushType: 'liveactivity', payloadText: `{"aps":{"event":"update","timestamp":${NOW / 1000},"content-state":{"score":1}}}` }))).toEqual([])
    expect(ids(draft({ pushType: 'widgets', payloadText: '{"aps":{}}' }))).toContain('warning:widgets.content-changed')
    expect(ids(draft({ pushType: 'widgets', payloadText: '{"aps":{"content-changed":true}}' }))).toEqual([])
  })
})

describe('C-09: token kind', () => {
  const device = (kind: SavedDevice['kind']): SavedDevice => ({ id: 'd', name: 'Phone', token: TOKEN, bundleId: 'com.example.pushdemo', environment: 'sandbox', createdAt: '', unregisteredAt: null, kind, tags: [], accountId: null, notes: '', updatedAt: '', lastResult: null })
  it('warns when a PushKit token gets an alert push, or a regular token a VoIP push', () => {
    expect(ids(draft({ pushType: 'alert' }), token, device('voip'))).toEqual(['warning:token.kind-mismatch'])
    expect(ids(draft({ pushType: 'voip' }), token, device('regular'))).toEqual(['warning:token.kind-mismatch'])
    expect(ids(draft({ pushType: 'voip' }), token, device('voip'))).toEqual([])
    expect(ids(draft({ pushType: 'alert' }), token, device('regular'))).toEqual([])
  })
})
