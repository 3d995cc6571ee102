import { useId } from 'react'
import { ENVIRONMENT_LABELS, ENVIRONMENTS, type Environment } from '../../../../shared/environments'
import { PRIORITIES, PUSH_TYPE_INFO, PUSH_TYPES, type Priority, type PushType } from '../../../../shared/push-types'
import { PUSH_TYPE_GUIDANCE } from '../../lib/push-type-guidance'
import { useCompose } from '../../stores/compose'

const PRIORITY_LABELS: Record<Priority, string> = {
  10: '10 · immediately',
  5: '5 · power-considerate',
  1: '1 · lowest, may be delayed'
}

/** Environment, push type and priority: native selects, so they work from the keyboard as is; under them, what the push type needs. */
export function SendOptions() {
  const id = useId()
  const environment = useCompose((s) => s.environment)
  const pushType = useCompose((s) => s.pushType)
  const priority = useCompose((s) => s.priority)
  const setEnvironment = useCompose((s) => s.setEnvironment)
  const setPushType = useCompose((s) => s.setPushType)
  const setPriority = useCompose((s) => s.setPriority)

  return (
    <div className="send-options">
      <div className="field-row field-row-3">
        <div className="field">
          <label htmlFor={`${id}-env`}>Environment</label>
          <select id={`${id}-env`} data-testid="environment-select" value={environment} onChange={(e) => setEnvironment(e.target.value as Environment)}>
            {ENVIRONMENTS.map((env) => (
              <option key={env} value={env}>
                {ENVIRONMENT_LABELS[env]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-type`}>Push type</label>
          <select id={`${id}-type`} data-testid="push-type-select" value={pushType} onChange={(e) => setPushType(e.target.value as PushType)} aria-describedby={`${id}-guidance`}>
            {PUSH_TYPES.map((type) => (
              <option key={type} value={type}>
                {PUSH_TYPE_INFO[type].label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-priority`}>Priority</label>
          <select id={`${id}-priority`} data-testid="priority-select" value={String(priority)} onChange={(e) => setPriority(Number(e.target.value) as Priority)}>
            {PRIORITIES.map((p) => (
              <option key={p} value={String(p)}>
                {PRIORITY_LABELS[p]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p id={`${id}-guidance`} className="field-note push-type-guidance" data-testid="push-type-guidance">
        {PUSH_TYPE_GUIDANCE[pushType]}
      </p>
    </div>
  )
}
