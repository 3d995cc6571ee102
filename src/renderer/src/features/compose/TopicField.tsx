import { useId } from 'react'
import type { Diagnosis } from '../../../../shared/diagnosis'
import { useCompose } from '../../stores/compose'

/** The bundle ID as typed, and the apns-topic header it becomes for the chosen push type. */
export function TopicField({ diagnosis }: { diagnosis: Diagnosis }) {
  const id = useId()
  const bundleId = useCompose((s) => s.bundleId)
  const setBundleId = useCompose((s) => s.setBundleId)
  const problem = bundleId !== '' ? diagnosis.findings.find((f) => f.field === 'topic' && f.severity === 'error') : undefined

  return (
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
      <p id={`${id}-topic`} className="field-note">
        apns-topic: <output data-testid="apns-topic" className="mono final-value">{diagnosis.topic}</output>
      </p>
      {problem ? <p className="field-problem">{problem.message}</p> : null}
    </div>
  )
}
