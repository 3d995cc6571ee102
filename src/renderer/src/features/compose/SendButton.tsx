import { pendingLine, type RequiredField } from '../../lib/finding-presentation'
import { useResult } from '../../stores/result'

interface Props {
  blocked: boolean
  /** Empty required fields the user has not edited yet: a neutral "To send, add: …". */
  pending: RequiredField[]
  /** Errors shown in compose, each of which blocks sending. */
  errorCount: number
}

/**
 * Unavailable while something blocks and while a send is on its way (no double sends). It is
 * aria-disabled rather than disabled, so it keeps keyboard focus when it turns unavailable
 * under the user's Space or Enter; the store refuses the send. Pressing it while fields are
 * still empty turns their emptiness into errors under the fields.
 */
export function SendButton({ blocked, pending, errorCount }: Props) {
  const sending = useResult((s) => s.sending)
  const send = useResult((s) => s.send)
  const unavailable = sending || blocked

  return (
    <div className="send-bar">
      <button
        type="button"
        className="button-primary button-send"
        data-testid="send-button"
        aria-disabled={unavailable ? true : undefined}
        aria-describedby="send-status"
        onClick={() => void send()}
      >
        {sending ? 'Sending…' : 'Send'}
      </button>
      <div id="send-status" className="send-status" aria-live="polite">
        {!sending && pending.length > 0 ? (
          <p className="send-pending" data-testid="send-pending">
            {pendingLine(pending)}
          </p>
        ) : null}
        {!sending && errorCount > 0 ? (
          <p className="send-blocked" data-testid="send-blocked">
            {errorCount} {errorCount === 1 ? 'problem blocks' : 'problems block'} sending
          </p>
        ) : null}
      </div>
    </div>
  )
}
