import { useId } from 'react'
import type { Diagnosis } from '../../../../shared/diagnosis'
import { useCompose } from '../../stores/compose'
import { selectedCredential, useCredentials } from '../../stores/credentials'
import { CertificateTopicSelect } from './CertificateTopicSelect'
import { TopicOverrideField } from './TopicOverrideField'

/** The bundle ID as typed, a certificate's topics to pick from, and the apns-topic actually sent. */
export function TopicField({ diagnosis }: { diagnosis: Diagnosis }) {
  const id = useId()
  const bundleId = useCompose((s) => s.bundleId)
  const topicOverride = useCompose((s) => s.topicOverride)
  const setBundleId = useCompose((s) => s.setBundleId)
  const credential = useCredentials(selectedCredential)
  const touched = bundleId !== '' || (topicOverride ?? '') !== ''
  const problem = touched ? diagnosis.findings.find((f) => f.field === 'topic' && f.severity === 'error') : undefined
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
            aria-invalid={problem ? true : undefined}
            aria-describedby={`${id}-topic`}
          />
        </div>
        {certificate ? <CertificateTopicSelect certificate={certificate} /> : null}
      </div>
      <TopicOverrideField diagnosis={diagnosis} />
      <p id={`${id}-topic`} className="field-note">
        apns-topic: <output data-testid="apns-topic" className="mono final-value">{diagnosis.topic}</output>
        {topicOverride?.trim() ? <span className="dim"> (override)</span> : null}
      </p>
      {problem ? <p className="field-problem">{problem.message}</p> : null}
    </div>
  )
}
