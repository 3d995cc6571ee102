import { useId, useMemo } from 'react'
import { variablesIn } from '../../../../shared/library/template-variables'
import { useCompose } from '../../stores/compose'

/**
 * The payload's {{variables}}, one input each, prefilled from the loaded template's defaults. An
 * emptied input falls back to the default when sending; {{now}} and {{uuid}} fill themselves.
 */
export function VariablesBlock() {
  const id = useId()
  const payloadText = useCompose((s) => s.payloadText)
  const values = useCompose((s) => s.variableValues)
  const defaults = useCompose((s) => s.templateDefaults)
  const setValue = useCompose((s) => s.setVariableValue)
  const names = useMemo(() => variablesIn(payloadText), [payloadText])
  if (names.length === 0) return null

  return (
    <fieldset className="variables-group" data-testid="variables-block">
      <legend>Variables</legend>
      {names.map((name) => {
        const fallback = defaults.find((v) => v.name === name)?.defaultValue ?? ''
        return (
          <div className="field variable-field" key={name}>
            <label htmlFor={`${id}-${name}`} className="mono">{`{{${name}}}`}</label>
            <input
              id={`${id}-${name}`}
              data-testid={`variable-${name}`}
              value={values[name] ?? ''}
              onChange={(e) => setValue(name, e.target.value)}
              placeholder={fallback ? `default: ${fallback}` : 'value for this send'}
              autoComplete="off"
              spellCheck={false}
            />
          </div>
        )
      })}
      <p className="field-note">{'{{now}} and {{uuid}} are filled in when sending.'}</p>
    </fieldset>
  )
}
