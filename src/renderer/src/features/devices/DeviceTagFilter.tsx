import { ExpressionInput } from '../../components/ExpressionInput'
import { countOf } from '../../lib/device-labels'
import { useDeviceView } from '../../stores/device-view'

/** The tag-expression filter: its parse error as it is typed, else how many devices it leaves. */
export function DeviceTagFilter() {
  const value = useDeviceView((s) => s.criteria.tagExpression)
  const parsed = useDeviceView((s) => s.tagExpression)
  const count = useDeviceView((s) => s.visible.length)
  const setCriteria = useDeviceView((s) => s.setCriteria)
  const problem = parsed && !parsed.ok ? { message: parsed.message, position: parsed.position } : null
  return (
    <ExpressionInput
      label="Tag expression"
      value={value}
      onChange={(tagExpression) => setCriteria({ tagExpression })}
      problem={problem}
      status={parsed?.ok ? `${countOf(count, 'device')} ${count === 1 ? 'matches' : 'match'}` : null}
      testId="device-tag-filter"
    />
  )
}
