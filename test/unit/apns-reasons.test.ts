import { describe, expect, it } from 'vitest'
import { explainReason, KNOWN_REASONS } from '../../src/shared/apns-reasons'

const DOCUMENTED = [
  'BadCollapseId', 'BadDeviceToken', 'BadExpirationDate', 'BadMessageId', 'BadPriority', 'BadTopic', 'DeviceTokenNotForTopic',
  'DuplicateHeaders', 'IdleTimeout', 'InvalidPushType', 'MissingDeviceToken', 'MissingTopic', 'PayloadEmpty', 'TopicDisallowed',
  'BadCertificate', 'BadCertificateEnvironment', 'ExpiredProviderToken', 'Forbidden', 'InvalidProviderToken', 'MissingProviderToken',
  'UnrelatedKeyIdInToken', 'BadEnvironmentKeyIdInToken', 'BadEnvironmentKeyInToken', 'BadPath', 'MethodNotAllowed', 'ExpiredToken',
  'Unregistered', 'PayloadTooLarge', 'TooManyProviderTokenUpdates', 'TooManyRequests', 'InternalServerError', 'ServiceUnavailable', 'Shutdown'
]

describe('APNs reason explanations', () => {
  it('every documented reason has its own explanation and fix', () => {
    for (const reason of DOCUMENTED) {
      expect(KNOWN_REASONS).toContain(reason)
      const { explanation, fix } = explainReason(reason)
      expect(explanation).not.toContain('APNs answered')
      expect(fix.length).toBeGreaterThan(10)
    }
  })

  it('both spellings of the environment-key reason explain the same thing', () => {
    expect(explainReason('BadEnvironmentKeyInToken')).toEqual(explainReason('BadEnvironmentKeyIdInToken'))
  })

  it('C-07: BadDeviceToken names the environment mismatch first', () => {
    expect(explainReason('BadDeviceToken').explanation).toMatch(/sandbox.*production/)
  })

  it('C-17: InvalidProviderToken gives the checklist', () => {
    const checklist = explainReason('InvalidProviderToken').checklist!.join('\n')
    for (const item of ['swapped', 'matches the .p8', 'revoked', 'team that owns the app', 'Push Notifications service', 'brand-new']) expect(checklist).toContain(item)
  })

  it('an unknown reason is shown verbatim', () => {
    expect(explainReason('SomethingNew').explanation).toContain('SomethingNew')
  })
})
