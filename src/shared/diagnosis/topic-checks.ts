import type { CredentialSummary } from '../domain'
import { apnsTopicFor, PUSH_TYPE_INFO, topicSuffixOf } from '../push-types'
import type { Finding, PushDraft } from './types'

const BUNDLE_ID = /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/

/** The apns-topic that will be sent: the user's override, or the bundle ID with the push type's suffix. */
export function finalTopic(draft: PushDraft): string {
  const override = draft.topicOverride?.trim()
  return override ? override : apnsTopicFor(draft.bundleId, draft.pushType)
}

/** Why a bundle ID cannot be one, or null (C-08: brackets, spaces, README placeholders). */
export function bundleIdProblem(bundleId: string): string | null {
  if (bundleId.trim() === '') return 'The bundle ID is empty.'
  if (!BUNDLE_ID.test(bundleId.trim())) return `"${bundleId.trim().slice(0, 80)}" is not a bundle ID${/[<>\s]/.test(bundleId.trim()) ? ': it contains brackets or spaces' : ''}; use letters, digits, hyphens and dots, as in com.example.app.`
  return null
}

export function checkTopic(draft: PushDraft, topic: string, credential: CredentialSummary | null, out: Finding[]): void {
  if (topic === '') {
    out.push({ id: 'topic.missing', severity: 'error', field: 'topic', message: 'The topic (bundle ID) is empty; token auth needs it (APNs: MissingTopic).', fix: "Enter the app's bundle ID, e.g. com.example.app." })
    return
  }
  if (!BUNDLE_ID.test(topic)) {
    out.push({
      id: 'topic.malformed',
      severity: 'error',
      field: 'topic',
      message: `"${topic}" is not a valid topic${/[<>\s]/.test(topic) ? ': it contains brackets or spaces' : ''}.`,
      fix: 'Use letters, digits, hyphens and dots only, as in com.example.app.'
    })
    return
  }
  const typed = topicSuffixOf(topic)
  const wanted = PUSH_TYPE_INFO[draft.pushType].topicSuffix
  if (draft.pushType !== 'mdm' && typed !== wanted) {
    out.push({
      id: 'topic.suffix-mismatch',
      severity: 'warning',
      field: 'topic',
      message: typed
        ? `The topic ends in "${typed}", which belongs to another push type than ${draft.pushType}.`
        : `${draft.pushType} pushes go to the topic "<bundle ID>${wanted}"; "${topic}" lacks the suffix.`,
      fix: draft.topicOverride ? 'Clear the topic override so Pushdeck derives it, or fix it by hand.' : `Enter the bare bundle ID; Pushdeck adds the suffix and sends ${apnsTopicFor(draft.bundleId, draft.pushType)}.`
    })
  }
  if (credential?.kind === 'certificate' && !credential.topics.some((t) => t.topic === topic)) {
    const allowed = credential.topics.map((t) => t.topic)
    out.push({
      id: 'topic.not-in-certificate',
      severity: 'error',
      field: 'topic',
      message: `The certificate does not allow the topic "${topic}" (APNs: TopicDisallowed). It allows: ${allowed.join(', ') || 'no topics'}.`,
      fix: 'Pick one of the certificate\'s topics, or use a certificate or .p8 key for this app.',
      ...(allowed[0] ? { action: { kind: 'set-topic' as const, label: `Use ${allowed[0]}`, value: allowed[0] } } : {})
    })
  }
}
