import { useId } from 'react'
import { DEVICE_KIND_LABELS, DEVICE_KINDS, type DeviceKind } from '../../../../shared/domain'
import { ENVIRONMENTS, type Environment } from '../../../../shared/environments'
import { ENVIRONMENT_OPTION_LABELS } from '../../lib/send-option-labels'
import { useDeviceEditor } from '../../stores/device-editor'

/** Bundle ID, environment and kind of the device being edited. */
export function DeviceFieldsBasic() {
  const id = useId()
  const bundleId = useDeviceEditor((s) => s.fields.bundleId)
  const environment = useDeviceEditor((s) => s.fields.environment)
  const kind = useDeviceEditor((s) => s.fields.kind)
  const setField = useDeviceEditor((s) => s.setField)
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-bundle`}>Bundle ID</label>
        <input id={`${id}-bundle`} className="mono" data-testid="editor-bundle-id" value={bundleId} onChange={(e) => setField('bundleId', e.target.value)} placeholder="com.example.app" spellCheck={false} autoComplete="off" />
      </div>
      <div className="options-row">
        <div className="field">
          <label htmlFor={`${id}-env`}>Environment</label>
          <select id={`${id}-env`} data-testid="editor-environment" value={environment} onChange={(e) => setField('environment', e.target.value as Environment)}>
            {ENVIRONMENTS.map((env) => (
              <option key={env} value={env}>
                {ENVIRONMENT_OPTION_LABELS[env]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select id={`${id}-kind`} data-testid="editor-kind" value={kind} onChange={(e) => setField('kind', e.target.value as DeviceKind)}>
            {DEVICE_KINDS.map((k) => (
              <option key={k} value={k}>
                {DEVICE_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
      </div>
    </>
  )
}
