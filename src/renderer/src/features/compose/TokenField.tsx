import { useId } from 'react'
import type { Diagnosis } from '../../../../shared/diagnosis'
import { useCompose } from '../../stores/compose'

/**
 * The device token exactly as pasted. Beneath it: what the shared check normalised it to, or
 * why it cannot be used, with the one-click conversion when there is one.
 */
export function TokenField({ diagnosis }: { diagnosis: Diagnosis }) {
  const id = useId()
  const deviceToken = useCompose((s) => s.deviceToken)
  const setDeviceToken = useCompose((s) => s.setDeviceToken)
  const applyAction = useCompose((s) => s.applyAction)
  const tokenFindings = diagnosis.findings.filter((f) => f.field === 'token')
  const note = tokenFindings.find((f) => f.id === 'token.normalised')
  const errors = tokenFindings.filter((f) => f.severity === 'error')
  // Say nothing about an empty field until something was typed; the findings list still lists it.
  const showErrors = deviceToken !== ''

  return (
    <div className="field">
      <label htmlFor={id}>Device token</label>
      <textarea
        id={id}
        data-testid="device-token"
        className="mono token-input"
        rows={2}
        value={deviceToken}
        onChange={(e) => setDeviceToken(e.target.value)}
        spellCheck={false}
        autoComplete="off"
        autoCorrect="off"
        autoCapitalize="off"
        placeholder="Hex token from didRegisterForRemoteNotificationsWithDeviceToken"
        aria-invalid={showErrors && errors.length > 0 ? true : undefined}
        aria-describedby={`${id}-notes`}
      />
      <div id={`${id}-notes`} aria-live="polite">
        {note && diagnosis.token ? (
          <p className="field-note" data-testid="token-note">
            {note.message} <span className="final-value mono">{diagnosis.token}</span>
          </p>
        ) : null}
        {showErrors
          ? errors.map((f) => (
              <div key={f.id} className="field-problem">
                <p>{f.message}</p>
                <p className="field-problem-fix">{f.fix}</p>
                {f.action?.kind === 'use-token' ? (
                  <button type="button" className="button-small" onClick={() => f.action && applyAction(f.action)}>
                    {f.action.label}
                  </button>
                ) : null}
              </div>
            ))
          : null}
      </div>
    </div>
  )
}
