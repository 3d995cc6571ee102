import { describe, expect, it } from 'vitest'
import { normaliseResponse } from '../../src/core/apns/normalise-response'

const device = 'aa'.repeat(32)

describe('node-apn result normalisation', () => {
  it('200 with apns-id and apns-unique-id', () => {
    expect(normaliseResponse({ sent: [{ device, 'apns-id': 'id-1', 'apns-unique-id': 'u-1' }], failed: [] })).toEqual({
      outcome: 'accepted', status: 200, reason: null, apnsId: 'id-1', apnsUniqueId: 'u-1', unregisteredAt: null, transportError: null
    })
  })

  it('200 without optional headers gives nulls, not undefined', () => {
    const result = normaliseResponse({ sent: [{ device }], failed: [] })
    expect(result.apnsId).toBeNull()
    expect(result.apnsUniqueId).toBeNull()
  })

  it('reason in response.reason', () => {
    expect(normaliseResponse({ sent: [], failed: [{ device, 'apns-id': 'x', status: 400, response: { reason: 'BadDeviceToken' } }] })).toMatchObject({
      outcome: 'rejected', status: 400, reason: 'BadDeviceToken', apnsId: 'x'
    })
  })

  it('C-23: 410 timestamp in ms becomes an ISO time; seconds and strings are accepted too', () => {
    const at = Date.UTC(2026, 10, 1, 12, 0, 0)
    const iso = new Date(at).toISOString()
    const shape = (timestamp: number | string) => normaliseResponse({ sent: [], failed: [{ device, status: 410, response: { reason: 'Unregistered', timestamp } }] })
    expect(shape(at).unregisteredAt).toBe(iso)
    expect(shape(at / 1000).unregisteredAt).toBe(iso)
    expect(shape(String(at)).unregisteredAt).toBe(iso)
  })

  it('C-23: a string status is read as a number', () => {
    expect(normaliseResponse({ sent: [], failed: [{ device, status: '403', response: { reason: 'InvalidProviderToken' } }] }).status).toBe(403)
  })

  it('ExpiredProviderToken arrives in error.message after retries', () => {
    expect(normaliseResponse({ sent: [], failed: [{ device, status: 403, error: new Error('ExpiredProviderToken') }] })).toMatchObject({
      outcome: 'rejected', status: 403, reason: 'ExpiredProviderToken'
    })
  })

  it('C-22: a failure without status is a connection problem, not a rejection', () => {
    const result = normaliseResponse({ sent: [], failed: [{ device, error: new Error('apn write failed: connect ECONNREFUSED 127.0.0.1:1') }] })
    expect(result).toMatchObject({ outcome: 'failed', status: null, reason: null })
    expect(result.transportError).toContain('ECONNREFUSED')
  })

  it('a string error (GOAWAY shape) is kept as text', () => {
    expect(normaliseResponse({ sent: [], failed: [{ device, error: 'stream ended unexpectedly with status null and empty body' }] }).transportError).toContain('stream ended')
  })
})
