import { useId } from 'react'
import type { Finding } from '../../../../shared/diagnosis'
import { PRIORITIES, PUSH_TYPE_INFO, PUSH_TYPES, type Priority, type PushType } from '../../../../shared/push-types'
import { FieldFindings } from '../../components/FieldFindings'
import { inlineFindings } from '../../lib/finding-presentation'
import { PUSH_TYPE_GUIDANCE } from '../../lib/push-type-guidance'
import { PRIORITY_NOTES, PRIORITY_OPTION_LABELS } from '../../lib/send-option-labels'
import { useCompose } from '../../stores/compose'
import { simulatorPushTypeProblem } from '../../../../shared/simulator'

/**
 * Push type and priority: native selects with short labels, so they work from the keyboard as
 * is and show their value whole; under them what each choice means, then their findings.
 */
/** For a simulator (simctl) there is no priority or other header: only the push type, and whether simctl can deliver it. */
export function SendOptions({ findings, simulator = false }: { findings: Finding[]; simulator?: boolean }) {
  const id = useId()
  const pushType = useCompose((s) => s.pushType)
  const priority = useCompose((s) => s.priority)
  const setPushType = useCompose((s) => s.setPushType)
  const setPriority = useCompose((s) => s.setPriority)
  const applyAction = useCompose((s) => s.applyAction)

  return (
    <div className="send-options">
      <div className="options-row">
        <div className="field">
          <label htmlFor={`${id}-type`}>Push type</label>
          <select id={`${id}-type`} data-testid="push-type-select" value={pushType} onChange={(e) => setPushType(e.target.value as PushType)} aria-describedby={`${id}-guidance ${id}-findings`}>
            {PUSH_TYPES.map((type) => (
              <option key={type} value={type}>
                {PUSH_TYPE_INFO[type].label}
              </option>
            ))}
          </select>
        </div>
        {simulator ? null : (
          <div className="field">
            <label htmlFor={`${id}-priority`}>Priority</label>
            <select id={`${id}-priority`} data-testid="priority-select" value={String(priority)} onChange={(e) => setPriority(Number(e.target.value) as Priority)} aria-describedby={`${id}-priority-note ${id}-findings`}>
              {PRIORITIES.map((p) => (
                <option key={p} value={String(p)}>
                  {PRIORITY_OPTION_LABELS[p]}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <ul className="option-notes">
        <li id={`${id}-guidance`} className="field-note push-type-guidance" data-testid="push-type-guidance">
          {simulator ? (simulatorPushTypeProblem(pushType)?.message ?? 'simctl delivers it to the app as a remote notification; no topic, priority or other APNs header is involved.') : PUSH_TYPE_GUIDANCE[pushType]}
        </li>
        {simulator ? null : (
          <li id={`${id}-priority-note`} className="field-note" data-testid="priority-note">
            {PRIORITY_NOTES[priority]}
          </li>
        )}
      </ul>
      <FieldFindings id={`${id}-findings`} findings={inlineFindings(findings, 'pushType', 'priority')} onAction={applyAction} testId="option-findings" />
    </div>
  )
}
