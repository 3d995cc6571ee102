import { useId } from 'react'

interface Props {
  label: string
  value: string
  onChange: (value: string) => void
  /** The parse problem, with the 0-based position it was found at. */
  problem: { message: string; position: number } | null
  /** "12 devices match", shown while the expression is fine. */
  status: string | null
  testId: string
}

/**
 * A tag expression field (qa AND (ios17 OR ios18) AND NOT tablet). A malformed expression is
 * named as it is typed, with where: a caret under the character and its position.
 */
export function ExpressionInput({ label, value, onChange, problem, status, testId }: Props) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="mono"
        data-testid={testId}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder="qa AND (ios17 OR ios18) AND NOT tablet"
        autoComplete="off"
        spellCheck={false}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-status`}
      />
      <div id={`${id}-status`} aria-live="polite">
        {problem ? (
          <div className="expression-problem" data-testid={`${testId}-error`}>
            <pre className="expression-caret mono" aria-hidden="true">
              {value}
              {'\n'}
              {' '.repeat(problem.position)}^
            </pre>
            <p className="field-problem">
              {problem.message} (at character {problem.position + 1})
            </p>
          </div>
        ) : status ? (
          <p className="field-note" data-testid={`${testId}-count`}>
            {status}
          </p>
        ) : null}
      </div>
    </div>
  )
}
