import { useId } from 'react'
import { ErrorMessage } from '../../components/ErrorMessage'
import { useCurl } from '../../stores/curl'

/** "Copy as curl" beside Send: the same request as a command, with main's warning when it holds a secret. */
export function CurlButton({ unavailable }: { unavailable: boolean }) {
  const busy = useCurl((s) => s.busy)
  const copy = useCurl((s) => s.copy)
  return (
    <button type="button" className="button-secondary" data-testid="curl-button" aria-disabled={busy || unavailable ? true : undefined} onClick={() => !unavailable && void copy()}>
      {busy ? 'Copying…' : 'Copy as curl'}
    </button>
  )
}

/** What "Copy as curl" did: copied (or the command to copy by hand), and the warning. */
export function CurlOutcome() {
  const id = useId()
  const command = useCurl((s) => s.command)
  const copied = useCurl((s) => s.copied)
  const warning = useCurl((s) => s.warning)
  const containsSecret = useCurl((s) => s.containsSecret)
  const error = useCurl((s) => s.error)
  const dismiss = useCurl((s) => s.dismiss)
  if (!command && !error) return null
  return (
    <div className="curl-outcome" data-testid="curl-outcome">
      {error ? <ErrorMessage error={error} testId="curl-error" /> : null}
      {command ? (
        <>
          {containsSecret ? (
            <p className="curl-secret" role="alert" data-testid="curl-warning">
              <strong>Contains a secret.</strong> {warning}
            </p>
          ) : warning ? (
            <p className="field-note" data-testid="curl-warning">
              {warning}
            </p>
          ) : null}
          {copied ? (
            <p className="field-note" data-testid="curl-copied">
              Copied the curl command to the clipboard.
            </p>
          ) : (
            <div className="field">
              <label htmlFor={`${id}-command`}>The clipboard is not available here: copy the command from this box.</label>
              <textarea id={`${id}-command`} data-testid="curl-command" className="mono curl-command" readOnly rows={6} value={command} onFocus={(e) => e.currentTarget.select()} />
            </div>
          )}
        </>
      ) : null}
      <button type="button" className="button-quiet button-small" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  )
}
