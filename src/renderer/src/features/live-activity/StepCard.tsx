import { useId } from 'react'
import type { LiveActivityEvent } from '../../../../shared/diagnosis'
import { ErrorMessage } from '../../components/ErrorMessage'
import { FindingList } from '../../components/FindingList'
import { useLiveActivity, useStepCheck } from '../../stores/live-activity'
import { StepResult } from './StepResult'

const TITLES: Record<LiveActivityEvent, string> = {
  start: '1. Start',
  update: '2. Update',
  end: '3. End'
}
const TOKEN_NOTES: Record<LiveActivityEvent, string> = {
  start: 'Sent to the push-to-start token.',
  update: "Sent to the activity's update token.",
  end: "Sent to the activity's update token."
}

/** One step of the sequence: its content-state (and the step's own fields), its checks, its Send and its answer. */
export function StepCard({ step }: { step: LiveActivityEvent }) {
  const id = useId()
  const fields = useLiveActivity((s) => s.steps[step])
  const run = useLiveActivity((s) => s.runs[step])
  const setField = useLiveActivity((s) => s.setStepField)
  const fire = useLiveActivity((s) => s.fire)
  const check = useStepCheck(step)
  const findings = check.diagnosis?.findings.filter((f) => f.severity !== 'info') ?? []
  const blocked = !check.payload.ok || (check.diagnosis?.blocked ?? true)
  const testId = `la-step-${step}`

  return (
    <li className="la-step" data-testid={testId} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="la-step-title">
        {TITLES[step]} <span className="dim">— event "{step}". {TOKEN_NOTES[step]}</span>
      </h3>
      {step === 'start' ? (
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-alert-title`}>Alert title</label>
            <input id={`${id}-alert-title`} value={fields.alertTitle} onChange={(e) => setField(step, 'alertTitle', e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-alert-body`}>Alert body</label>
            <input id={`${id}-alert-body`} value={fields.alertBody} onChange={(e) => setField(step, 'alertBody', e.target.value)} />
          </div>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-state`}>content-state (JSON)</label>
        <textarea id={`${id}-state`} className="mono la-json" rows={4} spellCheck={false} data-testid={`${testId}-content-state`} value={fields.contentState} onChange={(e) => setField(step, 'contentState', e.target.value)} />
      </div>
      {step === 'end' ? (
        <div className="field">
          <label htmlFor={`${id}-dismiss`}>Remove from the Lock Screen after (minutes)</label>
          <input id={`${id}-dismiss`} inputMode="numeric" value={fields.dismissAfterMinutes} onChange={(e) => setField(step, 'dismissAfterMinutes', e.target.value)} aria-describedby={`${id}-dismiss-note`} />
          <p id={`${id}-dismiss-note`} className="field-note">Sent as "dismissal-date" in seconds. Empty: iOS decides (up to 4 hours); 0: removed at once.</p>
        </div>
      ) : null}
      {!check.payload.ok ? <ErrorMessage error={{ code: 'liveactivity.payload', message: check.payload.problem }} testId={`${testId}-problem`} /> : null}
      <FindingList findings={findings} label={`Checks for ${step}`} testId={`${testId}-findings`} />
      <div className="send-row">
        <button type="button" className="button-primary" data-testid={`${testId}-send`} aria-disabled={blocked || run.sending ? true : undefined} onClick={() => void fire(step)}>
          {run.sending ? 'Sending…' : `Send ${step}`}
        </button>
      </div>
      {run.error ? <ErrorMessage error={run.error} testId={`${testId}-error`} /> : null}
      {run.result ? <StepResult result={run.result} testId={`${testId}-result`} /> : null}
    </li>
  )
}
