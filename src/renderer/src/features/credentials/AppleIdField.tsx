import { useId } from 'react'

interface Props {
  label: 'Key ID' | 'Team ID'
  testId: string
  value: string
  problem: string | null
  onChange: (value: string) => void
}

/** A ten-character Apple ID field (Key ID or Team ID) with its problem shown right under it. */
export function AppleIdField({ label, testId, value, problem, onChange }: Props) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        data-testid={testId}
        className="mono"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        maxLength={100}
        spellCheck={false}
        autoComplete="off"
        autoCapitalize="characters"
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-problem`}
      />
      <p id={`${id}-problem`} className="field-problem" aria-live="polite">
        {problem}
      </p>
    </div>
  )
}
