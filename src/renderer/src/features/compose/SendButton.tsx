import type { Diagnosis } from '../../../../shared/diagnosis'
import { useResult } from '../../stores/result'

/** Disabled while a finding is an error, and while a send is on its way (no double sends). */
export function SendButton({ diagnosis }: { diagnosis: Diagnosis }) {
  const sending = useResult((s) => s.sending)
  const send = useResult((s) => s.send)
  const errorCount = diagnosis.findings.filter((f) => f.severity === 'error').length

  return (
    <div className="send-bar">
      <button type="button" className="button-primary button-send" data-testid="send-button" disabled={sending || diagnosis.blocked} aria-describedby="send-blocked-reason" onClick={() => void send()}>
        {sending ? 'Sending…' : 'Send'}
      </button>
      <span id="send-blocked-reason" className="send-status" aria-live="polite">
        {diagnosis.blocked && !sending ? `${errorCount} ${errorCount === 1 ? 'problem blocks' : 'problems block'} sending` : ''}
      </span>
    </div>
  )
}
