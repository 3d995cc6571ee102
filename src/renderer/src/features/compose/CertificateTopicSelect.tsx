import { useId } from 'react'
import type { CertificateCredentialSummary } from '../../../../shared/domain'
import { useCompose } from '../../stores/compose'

/** C-08: the topics the selected certificate allows, one choice away from the bundle ID field. */
export function CertificateTopicSelect({ certificate }: { certificate: CertificateCredentialSummary }) {
  const id = useId()
  const bundleId = useCompose((s) => s.bundleId)
  const chooseTopic = useCompose((s) => s.chooseTopic)
  const current = certificate.topics.some((t) => t.topic === bundleId) ? bundleId : ''

  return (
    <div className="field cert-topic-field">
      <label htmlFor={id}>Certificate topics</label>
      <select id={id} data-testid="cert-topic-select" value={current} onChange={(e) => e.target.value && chooseTopic(e.target.value)}>
        <option value="">Choose…</option>
        {certificate.topics.map((t) => (
          <option key={t.topic} value={t.topic}>
            {t.topic}
            {t.pushTypes.length > 0 ? ` (${t.pushTypes.join(', ')})` : ''}
          </option>
        ))}
      </select>
    </div>
  )
}
