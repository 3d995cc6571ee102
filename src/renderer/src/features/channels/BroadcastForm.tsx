import { useId } from 'react'
import { ErrorMessage } from '../../components/ErrorMessage'
import { FindingList } from '../../components/FindingList'
import { EXPIRATION_CHOICES, EXPIRATION_LABELS, expirationAllowed, type ExpirationChoice } from '../../lib/broadcast-expiration'
import { useChannels } from '../../stores/channels'
import { ChannelAnswerView } from './ChannelAnswerView'

/** A Live Activity update (or end) broadcast on one channel, and APNs' answer with both ids. */
export function BroadcastForm() {
  const id = useId()
  const s = useChannels()
  const policy = s.channels.find((c) => c.id === s.channelId)?.policy ?? null

  return (
    <fieldset className="channels-broadcast">
      <legend>Broadcast</legend>
      <div className="field">
        <label htmlFor={`${id}-channel`}>Channel ID</label>
        <input id={`${id}-channel`} className="mono" data-testid="broadcast-channel-id" value={s.channelId} spellCheck={false} onChange={(e) => s.setChannelId(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-payload`}>Payload (update or end; a broadcast cannot start an activity)</label>
        <textarea id={`${id}-payload`} className="mono la-json" rows={6} spellCheck={false} data-testid="broadcast-payload" value={s.payloadText} onChange={(e) => s.setPayloadText(e.target.value)} />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-priority`}>Priority</label>
          <select id={`${id}-priority`} value={s.priority} onChange={(e) => s.setPriority(Number(e.target.value) as 10 | 5 | 1)}>
            <option value={10}>10</option>
            <option value={5}>5</option>
            <option value={1}>1</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-expiration`}>apns-expiration</label>
          <select id={`${id}-expiration`} data-testid="broadcast-expiration" value={expirationAllowed(s.expiration, policy) ? s.expiration : 'zero'} onChange={(e) => s.setExpiration(e.target.value as ExpirationChoice)} aria-describedby={`${id}-expiration-note`}>
            {EXPIRATION_CHOICES.map((choice) => (
              <option key={choice} value={choice} disabled={!expirationAllowed(choice, policy)}>
                {EXPIRATION_LABELS[choice]}
              </option>
            ))}
          </select>
          <p id={`${id}-expiration-note`} className="field-note">
            {policy === 0 ? 'This channel stores no messages, so APNs accepts only 0.' : 'Required on every broadcast. APNs keeps a stored message for devices that are offline, at most 8 hours.'}
          </p>
        </div>
      </div>
      <div className="send-row">
        <button type="button" className="button-primary" data-testid="broadcast-send" aria-disabled={s.sending || s.channelId === '' ? true : undefined} onClick={() => void (s.channelId !== '' && s.broadcast())}>
          {s.sending ? 'Sending…' : 'Broadcast'}
        </button>
      </div>
      {s.broadcastError ? <ErrorMessage error={s.broadcastError} testId="broadcast-error" /> : null}
      {s.broadcastResult ? (
        <>
          <ChannelAnswerView action="Broadcast" answer={s.broadcastResult} testId="broadcast-result">
            <dt>apns-unique-id</dt>
            <dd className="mono" data-testid="broadcast-result-unique-id">{s.broadcastResult.uniqueId ?? '—'}</dd>
            <dt>apns-expiration</dt>
            <dd className="mono">{s.broadcastResult.request.headers['apns-expiration'] ?? '—'}</dd>
          </ChannelAnswerView>
          <FindingList findings={s.broadcastResult.warnings} label="Warnings for this broadcast" />
        </>
      ) : null}
    </fieldset>
  )
}
