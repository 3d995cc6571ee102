import { useId } from 'react'
import { DEVICE_KIND_LABELS } from '../../../../shared/domain'
import { useCompose } from '../../stores/compose'
import { useDevices } from '../../stores/devices'
import { pushToStartDevices, useLiveActivity } from '../../stores/live-activity'
import { EnvironmentField } from '../compose/EnvironmentField'
import { StepCard } from './StepCard'

/**
 * The Live Activity screen: the app, the activity's attributes and its two tokens, then the
 * three steps fired one by one. Credential, bundle ID and environment are shared with Push.
 */
export function LiveActivityPanel() {
  const id = useId()
  const bundleId = useCompose((s) => s.bundleId)
  const setBundleId = useCompose((s) => s.setBundleId)
  const devices = useDevices((s) => s.list)
  const la = useLiveActivity()
  const saved = pushToStartDevices(devices, bundleId)

  return (
    <section className="column compose live-activity" aria-labelledby={`${id}-heading`}>
      <header className="column-header">
        <h2 id={`${id}-heading`}>Live Activity</h2>
      </header>
      <div className="column-body">
        <p className="field-note">
          Fires one activity's start, update and end in turn, as "liveactivity" pushes to {'<bundle ID>'}.push-type.liveactivity, signed with the .p8 key selected in the sidebar. Each
          timestamp is filled in at send time, in seconds.
        </p>
        <div className="field">
          <label htmlFor={`${id}-bundle`}>Bundle ID</label>
          <input id={`${id}-bundle`} data-testid="la-bundle-id" value={bundleId} placeholder="com.example.app" spellCheck={false} onChange={(e) => setBundleId(e.target.value)} />
        </div>
        <EnvironmentField findings={[]} />
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-type`}>attributes-type</label>
            <input id={`${id}-type`} className="mono" value={la.attributesType} spellCheck={false} onChange={(e) => la.setAttributesType(e.target.value)} aria-describedby={`${id}-type-note`} />
            <p id={`${id}-type-note`} className="field-note">The name of your ActivityAttributes struct, exactly.</p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-priority`}>Priority</label>
            <select id={`${id}-priority`} value={la.priority} onChange={(e) => la.setPriority(Number(e.target.value) as 10 | 5)} aria-describedby={`${id}-priority-note`}>
              <option value={10}>10 (immediate)</option>
              <option value={5}>5 (not counted)</option>
            </select>
            <p id={`${id}-priority-note`} className="field-note">Priority 10 counts against the hourly Live Activity budget; 5 does not.</p>
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-attributes`}>attributes (JSON, sent with start)</label>
          <textarea id={`${id}-attributes`} className="mono la-json" rows={3} spellCheck={false} value={la.attributes} onChange={(e) => la.setAttributes(e.target.value)} />
        </div>
        <label className="checkbox-label">
          <input type="checkbox" checked={la.requestUpdateToken} onChange={(e) => la.setRequestUpdateToken(e.target.checked)} />
          Ask iOS 18 for an update token on start ("input-push-token": 1)
        </label>

        <fieldset className="la-tokens">
          <legend>Tokens</legend>
          <div className="field">
            <label htmlFor={`${id}-pts`}>Push-to-start token (for start)</label>
            {saved.length > 0 ? (
              <select id={`${id}-pts-saved`} aria-label={`Saved ${DEVICE_KIND_LABELS.liveactivity} tokens`} data-testid="la-saved-token" value={saved.find((d) => d.token === la.pushToStartToken)?.id ?? ''} onChange={(e) => la.setPushToStartToken(saved.find((d) => d.id === e.target.value)?.token ?? '')}>
                <option value="">Choose a saved push-to-start token…</option>
                {saved.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            ) : null}
            <input id={`${id}-pts`} className="mono" data-testid="la-push-to-start-token" value={la.pushToStartToken} spellCheck={false} placeholder="From Activity<…>.pushToStartTokenUpdates" onChange={(e) => la.setPushToStartToken(e.target.value)} aria-describedby={`${id}-pts-note`} />
            <p id={`${id}-pts-note`} className="field-note">Save these as devices of kind "{DEVICE_KIND_LABELS.liveactivity}" to pick them here.</p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-activity`}>Activity update token (for update and end)</label>
            <input id={`${id}-activity`} className="mono" data-testid="la-activity-token" value={la.activityToken} spellCheck={false} placeholder="From activity.pushTokenUpdates" onChange={(e) => la.setActivityToken(e.target.value)} aria-describedby={`${id}-activity-note`} />
            <p id={`${id}-activity-note`} className="field-note" data-testid="la-activity-token-note">
              iOS gives each running activity its own push token, different from the push-to-start token and from the app's device token. After start, the app receives it in
              activity.pushTokenUpdates; paste it here.
            </p>
          </div>
        </fieldset>

        <ol className="la-steps">
          <StepCard step="start" />
          <StepCard step="update" />
          <StepCard step="end" />
        </ol>
      </div>
    </section>
  )
}
