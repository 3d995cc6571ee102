import { describe, expect, it } from 'vitest'
import { FanoutChecks } from '../../src/core/fanout/fanout-checks'
import { diagnose } from '../../src/shared/diagnosis'
import type { CredentialSummary, SavedDevice } from '../../src/shared/domain'
import type { FanoutRequest } from '../../src/shared/fanout-types'

const credential: CredentialSummary = { id: 'c1', kind: 'token', label: 'Key', keyId: 'KEY1234567', teamId: 'TEAM123456', createdAt: '2026-01-01T00:00:00.000Z', demo: false }
const NOW = Date.UTC(2026, 11, 4, 8, 0, 0)

function push(payloadText: string): FanoutRequest['push'] {
  return { credentialId: 'c1', pushType: 'alert', priority: 10, payloadText, topicOverride: null, expiration: { mode: 'none' }, collapseId: '', variables: {} }
}

function device(n: number, overrides: Partial<SavedDevice> = {}): SavedDevice {
  return {
    id: `d${n}`, name: `Phone ${n}`, token: n.toString(16).padStart(64, 'a'), bundleId: 'com.example.app', environment: 'sandbox', kind: 'regular', tags: [],
    accountId: null, notes: '', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', unregisteredAt: null, lastResult: null, ...overrides
  }
}

const fleet = [
  device(1),
  device(2, { environment: 'production' }),
  device(3, { bundleId: 'com.example.other' }),
  device(4, { unregisteredAt: '2026-11-30T10:00:00.000Z' }),
  device(5, { kind: 'voip' }),
  device(6, { token: '(null)' }),
  device(7, { token: ` <${'ab'.repeat(32)}> ` }),
  device(8, { bundleId: 'com.example.app.voip' }),
  device(9)
]

describe('fan-out checks', () => {
  it('find for every target exactly what a single send to that device finds, in the same order', () => {
    for (const payload of ['{"aps":{"alert":{"title":"Hi","body":"Fleet"}}}', '{"aps":{"badge":"3"},"x":-0}', '{"aps":{"alert":"x",}}']) {
      const checks = new FanoutChecks(push(payload), credential)
      for (const target of fleet) {
        const { draft, diagnosis } = checks.check(target, NOW)
        expect(draft).toMatchObject({ deviceToken: target.token, environment: target.environment, bundleId: target.bundleId, payloadText: payload })
        expect(diagnosis).toEqual(diagnose(draft, credential, { now: NOW, savedDevice: target }))
      }
    }
  })

  it('render {{uuid}} afresh for every target, so no two devices get the same body', () => {
    const checks = new FanoutChecks(push('{"aps":{"alert":"Fleet"},"id":"{{uuid}}"}'), credential)
    const bodies = fleet.filter((d) => d.token !== '(null)').map((d) => checks.check(d, NOW).diagnosis.body)
    expect(bodies.every((b) => b !== null && /"id":"[0-9a-f-]{36}"/.test(b))).toBe(true)
    expect(new Set(bodies).size).toBe(bodies.length)
  })
})
