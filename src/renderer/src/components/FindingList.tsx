import type { Finding, FindingAction } from '../../../shared/diagnosis'
import { FindingItem } from './FindingItem'

interface Props {
  findings: Finding[]
  label: string
  onAction?: (action: FindingAction) => void
  testId?: string
  /** Shown when there is nothing to report; without it an empty list renders nothing. */
  emptyText?: string | undefined
}

/** Findings with their fixes, as a labelled region; findings that offer a one-click fix get a button for it. */
export function FindingList({ findings, label, onAction, testId, emptyText }: Props) {
  if (findings.length === 0 && emptyText === undefined) return null
  return (
    <div className="finding-list" data-testid={testId} role="region" aria-label={label}>
      {findings.length === 0 ? (
        <p className="finding-empty">{emptyText}</p>
      ) : (
        <ul>
          {findings.map((finding, index) => (
            <FindingItem key={`${finding.id}-${index}`} finding={finding} onAction={onAction} />
          ))}
        </ul>
      )}
    </div>
  )
}
