import { test } from 'vitest'
import { diagnose, type PushDraft } from '../src/shared/diagnosis'
import type { CredentialSummary } from '../src/shared/domain'
import { compare } from './measure'

// The checker runs on every keystroke in the editor. Baseline: the least any JSON editor does
// per keystroke (parse and re-serialise), on a payload near the 4 KB limit.
const payloadText = JSON.stringify(
  { aps: { alert: { title: 'Order shipped', body: 'Your order 😀 is on its way. '.repeat(60) }, badge: 3, sound: 'default' }, orderId: 'A-1' },
  null,
  2
)
const credential: CredentialSummary = { id: 'c', kind: 'token', label: 'k', keyId: 'KEY1234567', teamId: 'TEAM123456', createdAt: '', demo: false }
const draft: PushDraft = {
  credentialId: 'c',
  environment: 'sandbox',
  deviceToken: '<0f1e2d3c 4b5a6978 8796a5b4 c3d2e1f0 01122334 45566778 899aabbc cddeeff0>',
  bundleId: 'com.example.pushdemo',
  pushType: 'alert',
  priority: 10,
  payloadText,
  topicOverride: null,
  expiration: { mode: 'relative', seconds: 3600 },
  collapseId: 'order-A-1',
  apnsId: '',
  variables: {}
}

let keystroke = 0

test('checker cost per keystroke', () => {
  compare(
    `checker per keystroke, ${new TextEncoder().encode(payloadText).length}-byte payload`,
    ['baseline: JSON.parse + JSON.stringify', () => JSON.stringify(JSON.parse(payloadText))],
    // A different text each time, as typing gives: the checker keeps the last analysis.
    ['diagnose(draft)', () => diagnose({ ...draft, payloadText: payloadText + ' '.repeat(++keystroke % 50) }, credential)],
    2_000
  )
})
