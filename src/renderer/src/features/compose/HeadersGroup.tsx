import type { Diagnosis } from '../../../../shared/diagnosis'
import { ApnsIdField } from './ApnsIdField'
import { CollapseIdField } from './CollapseIdField'
import { ExpirationField } from './ExpirationField'

/** The optional APNs headers, compact, with their blocking problems right beside them. */
export function HeadersGroup({ diagnosis }: { diagnosis: Diagnosis }) {
  const problems = diagnosis.findings.filter((f) => f.field === 'headers' && f.severity === 'error')
  return (
    <fieldset className="headers-group" data-testid="headers-group">
      <legend>Headers</legend>
      <ExpirationField />
      <div className="field-row">
        <CollapseIdField />
        <ApnsIdField />
      </div>
      {problems.map((f) => (
        <p key={f.id} className="field-problem">
          {f.message}
        </p>
      ))}
    </fieldset>
  )
}
