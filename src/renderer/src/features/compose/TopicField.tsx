import { useId } from 'react'
import type { Diagnosis, Finding } from '../../../../shared/diagnosis'
import { FieldFindings } from '../../components/FieldFindings'
import { inlineFindings } from '../../lib/finding-presentation'
import { useCompose } from '../../stores/compose'
import { selectedCredential, useCredentials } from '../../stores/credentials'
import { CertificateTopicSelect } from './CertificateTopicSelect'
import { TopicOverrideField } from './TopicOverrideField'

/** The bundle ID as typed, a certificate's topics to pick from, the apns-topic actually sent, and every finding about it. */
export function TopicField({ diagnosis, findings }: { diagnosis: Diagnosis; findings: Finding[] }) {
  const id = useId()
  const bundleId = useCompose((s) => s.bundleId)
  const topicOverride = useCompose((s) => s.topicOverride)
  const setBundleId = useCompose((s) => s.setBundleId)
  const applyAction = useCompose((s) => s.applyAction)
  const credential = useCredentials(selectedCredential)
  const topicFindings = inlineFindings(findings, 'topic')
  const invalid = topicFindings.some((f) => f.severity === 'error')
  const certificate = credential?.kind === 'certificate' ? credential : null

  return (
    <div className="field">
      <div className={certificate ? 'topic-row topic-row-cert' : 'topic-row'}>
        <div className="field">
          <label htmlFor={id}>Topic (bundle ID)</label>
          <input
            id={id}
            data-testid="bundle-id"
            className="mono"
            value={bundleId}
            onChange={(e) => setBundleId(e.target.value)}
            placeholder="com.example.app"
            spellCheck={false}
            autoComplete="off"
            autoCorrect="off"
            autoCapitalize="off"
            aria-invalid={invalid ? true : undefined}
            aria-describedby={`${id}-topic ${id}-findings`}
          />
        </div>
        {certificate ? <CertificateTopicSelect certificate={certificate} /> : null}
      </div>
      <TopicOverrideField diagnosis={diagnosis} />
      <p id={`${id}-topic`} className="field-note">
        apns-topic: <output data-testid="apns-topic" className="mono final-value">{diagnosis.topic}</output>
        {topicOverride?.trim() ? <span className="dim"> (override)</span> : null}
      </p>
      <FieldFindings id={`${id}-findings`} findings={topicFindings} onAction={applyAction} testId="topic-findings" />
    </div>
  )
}
