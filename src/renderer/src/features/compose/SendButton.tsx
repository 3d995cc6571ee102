import { pendingLine, type RequiredField } from '../../lib/finding-presentation'
import { isMac, shortcutLabel } from '../../lib/shortcuts'
import { simulatorSendBlocker } from '../../lib/simulator-request'
import { useCompose } from '../../stores/compose'
import { useFanout } from '../../stores/fanout'
import { useResult } from '../../stores/result'
import { useSimulators } from '../../stores/simulators'
import { GROUP_MODES, useTarget } from '../../stores/target'
import { CurlButton, CurlOutcome } from './CurlButton'

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
 * still empty turns their emptiness into errors under the fields. With a group as the target it
 * starts a fan-out (its progress shows in the result column); cURL is for one token only.
 */
export function SendButton({ blocked, pending, errorCount }: Props) {
  const sending = useResult((s) => s.sending)
  const send = useResult((s) => s.send)
  const group = useTarget((s) => GROUP_MODES.has(s.mode))
  const simulator = useTarget((s) => s.mode === 'simulator')
  const simulatorBlocker = useSimulatorBlocker(simulator)
  const fanningOut = useFanout((s) => s.starting || s.running)
  const unavailable = sending || blocked || fanningOut || simulatorBlocker !== null
  const shortcut = shortcutLabel('send', isMac)

  return (
    <div className="send-bar">
      <div className="send-row">
        <button
          type="button"
          className="button-primary button-send"
          data-testid="send-button"
          aria-disabled={unavailable ? true : undefined}
          aria-describedby="send-status"
          aria-keyshortcuts={shortcut.aria}
          title={`Send (${shortcut.text})`}
          onClick={() => void send()}
        >
          {sending || fanningOut ? 'Sending…' : group ? 'Send to group' : 'Send'}
        </button>
        {/* A curl command is an APNs request; simctl has none. */}
        {simulator ? null : <CurlButton unavailable={group} />}
        <div id="send-status" className="send-status" aria-live="polite">
          {group && !fanningOut ? (
            <p className="send-group-note" data-testid="send-group-note">
              Each device gets the push in its own environment and with its own bundle ID.
            </p>
          ) : null}
          {simulatorBlocker && !sending ? (
            <p className="send-pending" data-testid="send-simulator-note">
              {simulatorBlocker}
            </p>
          ) : null}
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
      <CurlOutcome />
    </div>
  )
}

/** What keeps Send unavailable for the simulator target (none picked, a push type simctl cannot deliver…). */
function useSimulatorBlocker(active: boolean): string | null {
  const availability = useSimulators((s) => s.availability)
  const selectedUdid = useSimulators((s) => s.selectedUdid)
  const apps = useSimulators((s) => s.apps)
  const appsLoaded = useSimulators((s) => s.appsFor === s.selectedUdid && s.appsError === null)
  const bundleId = useCompose((s) => s.bundleId)
  const pushType = useCompose((s) => s.pushType)
  if (!active) return null
  return simulatorSendBlocker({ availability, selectedUdid, bundleId, pushType, appsLoaded, installed: apps.some((a) => a.bundleId === bundleId.trim()) })
}
