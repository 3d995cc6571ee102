import type { Severity } from '../../../shared/diagnosis'

const NAMES: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Note' }

/** A small shape per severity, so severity does not depend on colour alone. */
export function SeverityIcon({ severity }: { severity: Severity }) {
  return (
    <svg className={`severity-icon severity-${severity}`} viewBox="0 0 16 16" width="14" height="14" role="img" aria-label={NAMES[severity]}>
      {severity === 'warning' ? (
        <path d="M8 1.5 15 14.5H1z" className="severity-shape" />
      ) : (
        <circle cx="8" cy="8" r="7" className="severity-shape" />
      )}
      {severity === 'info' ? (
        <path d="M8 7v5M8 4.2v.1" className="severity-mark" />
      ) : (
        <path d={severity === 'warning' ? 'M8 6v4.2M8 12.3v.1' : 'M8 4v5M8 11.6v.1'} className="severity-mark" />
      )}
    </svg>
  )
}
