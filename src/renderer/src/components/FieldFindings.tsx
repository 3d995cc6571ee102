import type { Finding, FindingAction } from '../../../shared/diagnosis'
import { FindingItem } from './FindingItem'

interface Props {
  /** Referenced by the field's aria-describedby, so a screen reader reads the findings with it. */
  id: string
  findings: Finding[]
  onAction?: (action: FindingAction) => void
  testId?: string
}

/** The findings about one field, right under it. The live region is always there, so changes are announced. */
export function FieldFindings({ id, findings, onAction, testId }: Props) {
  return (
    <div id={id} className="field-findings" data-testid={testId} aria-live="polite">
      {findings.length > 0 ? (
        <ul>
          {findings.map((finding, index) => (
            <FindingItem key={`${finding.id}-${index}`} finding={finding} onAction={onAction} />
          ))}
        </ul>
      ) : null}
    </div>
  )
}
