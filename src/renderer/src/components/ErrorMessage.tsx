import type { AppError } from '../../../shared/result'

/** Main's error exactly as it was worded: the message names the problem, the hint the way out. */
export function ErrorMessage({ error, testId }: { error: AppError; testId?: string }) {
  return (
    <div className="error-message" role="alert" data-testid={testId}>
      <p className="error-text">{error.message}</p>
      {error.hint ? <p className="error-hint">{error.hint}</p> : null}
    </div>
  )
}
