import type { CredentialSummary } from '../domain'
import type { Finding, PushDraft } from './types'

/** Rules of particular push types that APNs or iOS enforce quietly (apns-reference.md §1.3). Live Activities: liveactivity-checks.ts. */
export function checkPushType(draft: PushDraft, credential: CredentialSummary | null, aps: Record<string, unknown> | null, out: Finding[]): void {
  if (draft.pushType === 'mdm' && credential?.kind === 'token') {
    out.push({ id: 'pushType.mdm-needs-certificate', severity: 'error', field: 'pushType', message: 'MDM pushes are sent with the MDM push certificate, whose UID is the topic; a .p8 key cannot send them.', fix: 'Add the MDM push certificate and select it.' })
  }
  if (draft.pushType === 'pushtotalk') {
    if (draft.priority !== 10) {
      out.push({ id: 'pushtotalk.priority', severity: 'warning', field: 'priority', message: 'Push to Talk pushes should use priority 10; iOS may not wake the channel otherwise.', fix: 'Set priority 10.', action: { kind: 'set-priority', label: 'Use priority 10', value: '10' } })
    }
    if (draft.expiration.mode !== 'immediate') {
      out.push({ id: 'pushtotalk.expiration', severity: 'warning', field: 'headers', message: 'Apple asks for apns-expiration 0 on Push to Talk pushes, so a stale message is never delivered late.', fix: 'Set the expiration to 0 (immediate).' })
    }
  }
  if (draft.pushType === 'widgets' && aps && aps['content-changed'] !== true) {
    out.push({ id: 'widgets.content-changed', severity: 'warning', field: 'payload', message: 'A widget push tells WidgetKit to reload with "content-changed": true in "aps".', fix: 'Use {"aps": {"content-changed": true}}.' })
  }
}
