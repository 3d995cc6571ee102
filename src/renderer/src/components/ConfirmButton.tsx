import { useState, type ReactNode } from 'react'

interface Props {
  label: string
  /** What the button does to what, for screen readers and voice control ("Remove Demo iPhone"). */
  accessibleName: string
  question: ReactNode
  confirmLabel: string
  onConfirm: () => void
  className?: string
}

/**
 * A destructive button that asks once more inline (Electron's window.confirm blocks the whole
 * renderer and cannot be styled; an inline question keeps keyboard focus where it was).
 */
export function ConfirmButton(props: Props) {
  const [asking, setAsking] = useState(false)
  if (!asking) {
    return (
      <button type="button" className={props.className ?? 'button-quiet'} aria-label={props.accessibleName} onClick={() => setAsking(true)}>
        {props.label}
      </button>
    )
  }
  return (
    <span className="confirm" role="group" aria-label={`Confirm: ${props.accessibleName}`}>
      <span className="confirm-question">{props.question}</span>
      <button
        type="button"
        className="button-danger"
        aria-label={props.accessibleName}
        // The question replaces the button under the pointer; focusing the answer keeps keyboard users in place.
        autoFocus
        onClick={() => {
          setAsking(false)
          props.onConfirm()
        }}
      >
        {props.confirmLabel}
      </button>
      <button type="button" className="button-quiet" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  )
}
