import type { Finding, FindingAction } from '../../../shared/diagnosis'
import { SeverityIcon } from './SeverityIcon'

interface Props {
  findings: Finding[]
  label: string
  onAction?: (action: FindingAction) => void
  testId?: string
  /** Shown when there is nothing to report; without it an empty list renders nothing. */
  emptyText?: string
}

/** Every finding with its fix; findings that offer a one-click fix get a button for it. */
export function FindingList({ findings, label, onAction, testId, emptyText }: Props) {
  if (findings.length === 0 && emptyText === undefined) return null
  return (
    <div className="finding-list" data-testid={testId} role="region" aria-label={label}>
      {findings.length === 0 ? (
        <p className="finding-empty">{emptyText}</p>
      ) : (
        <ul>
          {findings.map((finding, index) => {
            const action = finding.action
            return (
              <li key={`${finding.id}-${index}`} className={`finding finding-${finding.severity}`} data-testid="finding" data-finding-id={finding.id} data-severity={finding.severity}>
                <SeverityIcon severity={finding.severity} />
                <div className="finding-text">
                  <p className="finding-message">{finding.message}</p>
                  <p className="finding-fix">{finding.fix}</p>
                </div>
                {action && onAction ? (
                  <button type="button" className="button-small" data-testid="finding-action" onClick={() => onAction(action)}>
                    {action.label}
                  </button>
                ) : null}
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}
