import { useId } from 'react'
import { STORAGE_POLICIES, STORAGE_POLICY_LABELS, STORAGE_POLICY_NOTES, type StoragePolicy } from '../../../../shared/channel-types'
import { ConfirmButton } from '../../components/ConfirmButton'
import { ErrorMessage } from '../../components/ErrorMessage'
import { scopeKey, useChannels } from '../../stores/channels'
import { useCompose } from '../../stores/compose'
import { useCredentials } from '../../stores/credentials'
import { EnvironmentField } from '../compose/EnvironmentField'
import { BroadcastForm } from './BroadcastForm'
import { ChannelAnswerView } from './ChannelAnswerView'

/** Broadcast channels (iOS 18+) of one app: list, create with a storage policy, delete, broadcast. */
export function ChannelsPanel() {
  const id = useId()
  const bundleId = useCompose((s) => s.bundleId)
  const setBundleId = useCompose((s) => s.setBundleId)
  const environment = useCompose((s) => s.environment)
  const credentialId = useCredentials((s) => s.selectedId)
  const s = useChannels()
  // The list belongs to one app, environment and credential; after a change it would mislead.
  const listIsCurrent = s.listedFor === scopeKey({ credentialId: credentialId ?? '', environment, bundleId: bundleId.trim() })

  return (
    <section className="column compose channels" aria-labelledby={`${id}-heading`}>
      <header className="column-header">
        <h2 id={`${id}-heading`}>Broadcast channels</h2>
      </header>
      <div className="column-body">
        <p className="field-note">
          iOS 18 and later: one broadcast updates every Live Activity subscribed to a channel. Channels belong to an app and an environment; the app needs the broadcast capability on
          its App ID.
        </p>
        <div className="field">
          <label htmlFor={`${id}-bundle`}>Bundle ID</label>
          <input id={`${id}-bundle`} data-testid="channels-bundle-id" value={bundleId} placeholder="com.example.app" spellCheck={false} onChange={(e) => setBundleId(e.target.value)} />
        </div>
        <EnvironmentField findings={[]} />

        <div className="field channels-create">
          <label htmlFor={`${id}-policy`}>Message storage policy</label>
            <select id={`${id}-policy`} data-testid="channels-policy" value={s.newPolicy} onChange={(e) => s.setNewPolicy(Number(e.target.value) as StoragePolicy)} aria-describedby={`${id}-policy-note`}>
              {STORAGE_POLICIES.map((p) => (
                <option key={p} value={p}>
                  {p}: {STORAGE_POLICY_LABELS[p]}
                </option>
              ))}
            </select>
            <p id={`${id}-policy-note`} className="field-note">
              {STORAGE_POLICY_NOTES[s.newPolicy]} The policy cannot be changed later.
            </p>
        </div>
        <div className="button-row">
          <button type="button" className="button-primary" data-testid="channels-create" aria-disabled={s.busy ? true : undefined} onClick={() => void (!s.busy && s.create())}>
            Create channel
          </button>
          <button type="button" className="button-secondary" data-testid="channels-refresh" aria-disabled={s.busy ? true : undefined} onClick={() => void (!s.busy && s.refresh())}>
            {s.busy ? 'Asking APNs…' : 'Refresh list'}
          </button>
        </div>
        {s.error ? <ErrorMessage error={s.error} testId="channels-error" /> : null}
        {s.answer ? <ChannelAnswerView action={s.answer.action} answer={s.answer.answer} testId="channels-answer" /> : null}

        {s.listedFor !== null && !listIsCurrent ? <p className="field-note" data-testid="channels-stale">The app, environment or credential changed: refresh to list its channels.</p> : null}
        {listIsCurrent ? (
          <div role="region" aria-label="Channels" data-testid="channels-list">
            {s.channels.length === 0 ? <p className="field-note">No channels for this app in this environment.</p> : null}
            <ul className="channels-list">
              {s.channels.map((channel) => (
                <li key={channel.id} className="channel-row" data-testid="channel-row">
                  <span className="mono channel-id">{channel.id}</span>
                  <span className="dim">{channel.policy === null ? 'policy unknown' : `${channel.policy}: ${STORAGE_POLICY_LABELS[channel.policy]}`}</span>
                  <span className="button-row">
                    <button type="button" className="button-quiet" aria-label={`Broadcast on ${channel.id}`} onClick={() => s.setChannelId(channel.id)}>
                      Use
                    </button>
                    <ConfirmButton label="Delete" accessibleName={`Delete channel ${channel.id}`} question="Delete for good?" confirmLabel="Delete" onConfirm={() => void s.remove(channel.id)} />
                  </span>
                </li>
              ))}
            </ul>
            {s.unread > 0 ? <p className="field-note">{s.unread} more channels are listed without their policy (each one costs a request).</p> : null}
          </div>
        ) : null}

        <BroadcastForm />
      </div>
    </section>
  )
}
