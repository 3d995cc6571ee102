import { useEffect, useId, useRef } from 'react'
import type { Diagnosis, Finding } from '../../../../shared/diagnosis'
import { FieldFindings } from '../../components/FieldFindings'
import { inlineFindings } from '../../lib/finding-presentation'
import { useCompose } from '../../stores/compose'
import { useFocusRequest } from '../../stores/focus-request'

/**
 * The device token exactly as pasted. Beneath it: what the shared check normalised it to, and
 * every finding about the token (why it cannot be used, with the one-click conversion when there
 * is one; that APNs called its device unregistered). They are shown here and nowhere else.
 */
export function TokenField({ diagnosis, findings }: { diagnosis: Diagnosis; findings: Finding[] }) {
  const id = useId()
  const input = useRef<HTMLTextAreaElement>(null)
  const deviceToken = useCompose((s) => s.deviceToken)
  const setDeviceToken = useCompose((s) => s.setDeviceToken)
  const applyAction = useCompose((s) => s.applyAction)
  const focusTarget = useFocusRequest((s) => s.target)
  const tokenFindings = inlineFindings(findings, 'token')
  const note = tokenFindings.find((f) => f.id === 'token.normalised')
  const others = tokenFindings.filter((f) => f !== note)
  const invalid = others.some((f) => f.severity === 'error')

  useEffect(() => {
    if (focusTarget !== 'device-token') return
    input.current?.focus()
    useFocusRequest.getState().done()
  }, [focusTarget])

  return (
    <div className="field">
      <label htmlFor={id}>Device token</label>
      <textarea
        ref={input}
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
        aria-invalid={invalid ? true : undefined}
        aria-describedby={`${id}-note ${id}-findings`}
      />
      <div id={`${id}-note`} aria-live="polite">
        {note && diagnosis.token ? (
          <p className="field-note" data-testid="token-note">
            {note.message} <span className="final-value mono">{diagnosis.token}</span>
          </p>
        ) : null}
      </div>
      <FieldFindings id={`${id}-findings`} findings={others} onAction={applyAction} testId="token-findings" />
    </div>
  )
}
