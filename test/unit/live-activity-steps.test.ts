import { describe, expect, it } from 'vitest'
import { diagnose } from '../../src/shared/diagnosis'
import { explainChannelReason } from '../../src/shared/channel-reasons'
import type { SendRequest } from '../../src/shared/domain'
import type { Environment } from '../../src/shared/environments'
import { renderTemplate } from '../../src/shared/library/template-variables'

/*
 * The renderer's pure modules, loaded by path as in device-filter.test.ts: tsconfig.node.json
 * does not list src/renderer. The shapes below are what this test relies on; the modules
 * themselves are typechecked by tsconfig.web.json.
 */
type Step = 'start' | 'update' | 'end'
interface StepFields { contentState: string; alertTitle: string; alertBody: string; dismissAfterMinutes: string }
interface SequenceFields { attributesType: string; attributes: string; requestUpdateToken: boolean }
interface StepsModule {
  buildStepPayload(step: Step, fields: StepFields, sequence: SequenceFields, nowMs: number): { ok: true; text: string } | { ok: false; problem: string }
  stepRequest(payloadText: string, target: { credentialId: string; bundleId: string; environment: Environment; priority: 10 | 5 | 1; token: string }, step: Step): SendRequest
  sentTimestamp(body: string): number | null
}
type Choice = 'zero' | 'hour' | 'eight-hours'
interface ExpirationModule {
  broadcastExpiration(choice: Choice, policy: 0 | 1 | null, nowMs: number): number
  expirationAllowed(choice: Choice, policy: 0 | 1 | null): boolean
}
const rendererLib = (name: string) => `../../src/renderer/src/lib/${name}.ts`
const { buildStepPayload, sentTimestamp, stepRequest } = (await import(/* @vite-ignore */ rendererLib('live-activity-steps'))) as StepsModule
const { broadcastExpiration, expirationAllowed } = (await import(/* @vite-ignore */ rendererLib('broadcast-expiration'))) as ExpirationModule

const NOW_MS = Date.parse('2026-12-03T12:00:00Z')
const NOW = NOW_MS / 1000
const fields = (overrides: Partial<StepFields> = {}): StepFields => ({ contentState: '{"status":"ordered"}', alertTitle: 'Order placed', alertBody: 'Tracking.', dismissAfterMinutes: '', ...overrides })
const sequence: SequenceFields = { attributesType: 'DeliveryAttributes', attributes: '{"orderId":"A-1"}', requestUpdateToken: true }
const key = { id: 't', kind: 'token' as const, label: 'Key', keyId: 'KEY1234567', teamId: 'TEAM123456', createdAt: '', demo: false }

function rendered(text: string) {
  const result = renderTemplate(text, { values: {}, defaults: [], nowSeconds: NOW, uuid: () => 'u' })
  if (!result.ok) throw new Error('variables missing')
  return JSON.parse(result.text) as { aps: Record<string, unknown> }
}

describe('Live Activity steps', () => {
  it('each step becomes a payload that passes the checker, with the send-time timestamp as a number', () => {
    for (const step of ['start', 'update', 'end'] as const) {
      const built = buildStepPayload(step, fields({ dismissAfterMinutes: step === 'end' ? '15' : '' }), sequence, NOW_MS)
      if (!built.ok) throw new Error(built.problem)
      expect(rendered(built.text).aps).toMatchObject({ event: step, timestamp: NOW, 'content-state': { status: 'ordered' } })
      const request = stepRequest(built.text, { credentialId: 't', bundleId: 'com.example.app', environment: 'sandbox', priority: 10, token: 'ab'.repeat(32) }, step)
      const diagnosis = diagnose(request, key, { now: NOW_MS })
      expect(diagnosis.findings, step).toEqual([])
      expect(diagnosis.topic).toBe('com.example.app.push-type.liveactivity')
    }
  })

  it('start carries the attributes, the alert and input-push-token; end carries the dismissal date in seconds', () => {
    const start = buildStepPayload('start', fields(), sequence, NOW_MS)
    expect(start.ok && rendered(start.text).aps).toMatchObject({ 'attributes-type': 'DeliveryAttributes', attributes: { orderId: 'A-1' }, 'input-push-token': 1, alert: { title: 'Order placed', body: 'Tracking.' } })
    const withoutToken = buildStepPayload('start', fields(), { ...sequence, requestUpdateToken: false }, NOW_MS)
    expect(withoutToken.ok && 'input-push-token' in rendered(withoutToken.text).aps).toBe(false)
    const end = buildStepPayload('end', fields({ dismissAfterMinutes: '15' }), sequence, NOW_MS)
    expect(end.ok && rendered(end.text).aps['dismissal-date']).toBe(NOW + 900)
    const update = buildStepPayload('update', fields(), sequence, NOW_MS)
    expect(update.ok && Object.keys(rendered(update.text).aps).sort()).toEqual(['content-state', 'event', 'timestamp'])
  })

  it('names bad content-state, attributes and dismissal minutes instead of sending them', () => {
    for (const contentState of ['', '{"a":', '[1]', 'null', '"text"', '3']) {
      const built = buildStepPayload('update', fields({ contentState }), sequence, NOW_MS)
      expect(built.ok).toBe(false)
      expect(!built.ok && built.problem).toMatch(/content-state/)
    }
    const attributes = buildStepPayload('start', fields(), { ...sequence, attributes: '{' }, NOW_MS)
    expect(!attributes.ok && attributes.problem).toMatch(/attributes/)
    for (const minutes of ['-5', 'soon', '1.5', '99999']) {
      expect(buildStepPayload('end', fields({ dismissAfterMinutes: minutes }), sequence, NOW_MS).ok).toBe(false)
    }
  })

  it('reads the timestamp a sent body carried, and nothing from a broken one', () => {
    expect(sentTimestamp('{"aps":{"timestamp":1796299200}}')).toBe(1796299200)
    expect(sentTimestamp('{"aps":{"timestamp":"1796299200"}}')).toBeNull()
    expect(sentTimestamp('not json')).toBeNull()
  })
})

describe('broadcast expiration', () => {
  it('is always 0 on a No-Message-Stored channel, else now + the chosen storage time in seconds', () => {
    expect(broadcastExpiration('hour', 0, NOW_MS)).toBe(0)
    expect(broadcastExpiration('zero', 1, NOW_MS)).toBe(0)
    expect(broadcastExpiration('hour', 1, NOW_MS)).toBe(NOW + 3600)
    expect(broadcastExpiration('eight-hours', null, NOW_MS)).toBe(NOW + 8 * 3600)
    expect(expirationAllowed('hour', 0)).toBe(false)
    expect(expirationAllowed('zero', 0)).toBe(true)
  })
})

describe('channel reasons', () => {
  it('every broadcast and channel reason has a specific explanation and fix', () => {
    const reasons = ['FeatureNotEnabled', 'MissingChannelId', 'BadChannelId', 'ChannelNotRegistered', 'BadRequestParams', 'BadRequestPayload', 'PayloadEmpty', 'BadMessageId', 'MissingPushType', 'InvalidPushType', 'CannotCreateChannelConfig', 'BadExpirationDate', 'TopicDisallowed', 'BadPriority', 'TopicMismatch', 'PayloadTooLarge', 'BadPath', 'MethodNotAllowed', 'ExpiredProviderToken', 'InvalidProviderToken', 'MissingProviderToken', 'BadCertificate', 'BadCertificateEnvironment', 'TooManyRequests', 'TooManyProviderTokenUpdates', 'InternalServerError', 'Service Unavailable', 'Shutdown']
    for (const reason of reasons) {
      const { explanation, fix } = explainChannelReason(reason)
      expect(explanation, reason).not.toContain(`answered "${reason}"`)
      expect(fix.length, reason).toBeGreaterThan(5)
    }
    expect(explainChannelReason('BadExpirationDate').explanation).toContain('policy 0')
    expect(explainChannelReason('SomethingNew').explanation).toContain('SomethingNew')
  })
})
