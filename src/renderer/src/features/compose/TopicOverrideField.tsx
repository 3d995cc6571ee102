import { useId } from 'react'
import type { Diagnosis } from '../../../../shared/diagnosis'
import { useCompose } from '../../stores/compose'

/** apns-topic typed by hand, for the rare push whose topic is not bundle ID + push-type suffix. */
export function TopicOverrideField({ diagnosis }: { diagnosis: Diagnosis }) {
  const id = useId()
  const topicOverride = useCompose((s) => s.topicOverride)
  const setEnabled = useCompose((s) => s.setTopicOverrideEnabled)
  const setTopicOverride = useCompose((s) => s.setTopicOverride)
  const enabled = topicOverride !== null

  return (
    <div className="topic-override">
      <label className="checkbox-label" htmlFor={`${id}-toggle`}>
        <input id={`${id}-toggle`} type="checkbox" data-testid="topic-override-toggle" checked={enabled} onChange={(e) => setEnabled(e.target.checked, diagnosis.topic)} />
        Override apns-topic
      </label>
      {enabled ? (
        <>
          <label htmlFor={`${id}-value`} className="visually-hidden">
            apns-topic override
          </label>
          <input
            id={`${id}-value`}
            data-testid="topic-override"
            className="mono"
            value={topicOverride}
            onChange={(e) => setTopicOverride(e.target.value)}
            placeholder="empty: derived from the bundle ID"
            spellCheck={false}
            autoComplete="off"
            autoCorrect="off"
            autoCapitalize="off"
          />
        </>
      ) : null}
    </div>
  )
}
