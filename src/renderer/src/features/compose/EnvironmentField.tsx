import { useId } from 'react'
import type { Finding } from '../../../../shared/diagnosis'
import { ENVIRONMENTS, type Environment } from '../../../../shared/environments'
import { FieldFindings } from '../../components/FieldFindings'
import { inlineFindings } from '../../lib/finding-presentation'
import { ENVIRONMENT_NOTES, ENVIRONMENT_OPTION_LABELS } from '../../lib/send-option-labels'
import { useCompose } from '../../stores/compose'

/** Where the push goes: Apple's sandbox or production, or the local emulator; what that means, and its findings. */
export function EnvironmentField({ findings }: { findings: Finding[] }) {
  const id = useId()
  const environment = useCompose((s) => s.environment)
  const setEnvironment = useCompose((s) => s.setEnvironment)
  const applyAction = useCompose((s) => s.applyAction)

  return (
    <div className="field">
      <label htmlFor={id}>Environment</label>
      <select id={id} data-testid="environment-select" value={environment} onChange={(e) => setEnvironment(e.target.value as Environment)} aria-describedby={`${id}-note ${id}-findings`}>
        {ENVIRONMENTS.map((env) => (
          <option key={env} value={env}>
            {ENVIRONMENT_OPTION_LABELS[env]}
          </option>
        ))}
      </select>
      <p id={`${id}-note`} className="field-note" data-testid="environment-note">
        {ENVIRONMENT_NOTES[environment]}
      </p>
      <FieldFindings id={`${id}-findings`} findings={inlineFindings(findings, 'environment')} onAction={applyAction} testId="environment-findings" />
    </div>
  )
}
