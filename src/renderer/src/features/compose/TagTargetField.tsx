import { useMemo } from 'react'
import { ExpressionInput } from '../../components/ExpressionInput'
import { countOf } from '../../lib/device-labels'
import { useDevices } from '../../stores/devices'
import { expressionProblem, PREVIEW_NAMES, useTarget } from '../../stores/target'

/** A tag expression as the target: the devices it picks (counted by main), or what is wrong with it as typed. */
export function TagTargetField() {
  const expression = useTarget((s) => s.expression)
  const matching = useTarget((s) => s.matching)
  const error = useTarget((s) => s.error)
  const setExpression = useTarget((s) => s.setExpression)
  const list = useDevices((s) => s.list)
  const problem = expressionProblem(expression) ?? (error ? { message: error.message, position: 0 } : null)
  const current = matching && matching.expression === expression ? matching : null
  const names = useMemo(() => {
    if (!current) return []
    const byId = new Map(list.map((d) => [d.id, d]))
    return current.ids.slice(0, PREVIEW_NAMES).map((id) => byId.get(id)).filter((d) => d !== undefined)
  }, [current, list])

  return (
    <div className="tag-target">
      <ExpressionInput
        label="Tag expression"
        value={expression}
        onChange={setExpression}
        problem={problem}
        status={current ? `${countOf(current.count, 'device')} ${current.count === 1 ? 'matches' : 'match'}` : null}
        testId="target-expression"
      />
      {current && current.count > 0 ? (
        <ul className="target-matches" aria-label="Matching devices" data-testid="target-matches">
          {names.map((d) => (
            <li key={d.id}>
              {d.name} <span className="dim mono">{d.token.slice(0, 8)}…</span>
            </li>
          ))}
          {current.count > PREVIEW_NAMES ? <li className="dim">and {(current.count - PREVIEW_NAMES).toLocaleString('en-US')} more</li> : null}
        </ul>
      ) : null}
    </div>
  )
}
