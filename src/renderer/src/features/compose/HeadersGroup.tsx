import { useId } from 'react'
import type { Finding } from '../../../../shared/diagnosis'
import { FieldFindings } from '../../components/FieldFindings'
import { inlineFindings } from '../../lib/finding-presentation'
import { ApnsIdField } from './ApnsIdField'
import { CollapseIdField } from './CollapseIdField'
import { ExpirationField } from './ExpirationField'

/** The optional APNs headers, compact, with every finding about them right beside them. */
export function HeadersGroup({ findings }: { findings: Finding[] }) {
  const id = useId()
  return (
    <fieldset className="headers-group" data-testid="headers-group" aria-describedby={`${id}-findings`}>
      <legend>Headers</legend>
      <ExpirationField />
      <div className="field-row">
        <CollapseIdField />
        <ApnsIdField />
      </div>
      <FieldFindings id={`${id}-findings`} findings={inlineFindings(findings, 'headers')} testId="header-findings" />
    </fieldset>
  )
}
