import type { Finding, FindingAction } from '../../../shared/diagnosis'
import { SeverityIcon } from './SeverityIcon'

/** One finding: its severity as a shape, what is wrong, the fix, and a one-click fix when there is one. */
export function FindingItem({ finding, onAction }: { finding: Finding; onAction?: ((action: FindingAction) => void) | undefined }) {
  const action = finding.action
  return (
    <li className={`finding finding-${finding.severity}`} data-testid="finding" data-finding-id={finding.id} data-severity={finding.severity}>
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
}
