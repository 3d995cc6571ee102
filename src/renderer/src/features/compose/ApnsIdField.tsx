import { useId } from 'react'
import { useCompose } from '../../stores/compose'

/** apns-id: empty means Pushdeck generates one; Generate fills a UUID to reuse or edit. */
export function ApnsIdField() {
  const id = useId()
  const apnsId = useCompose((s) => s.apnsId)
  const setApnsId = useCompose((s) => s.setApnsId)
  const generate = useCompose((s) => s.generateApnsId)

  return (
    <div className="field">
      <label htmlFor={id}>apns-id</label>
      <div className="inline-controls">
        <input
          id={id}
          data-testid="apns-id"
          className="mono"
          value={apnsId}
          onChange={(e) => setApnsId(e.target.value)}
          placeholder="generated"
          spellCheck={false}
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="off"
        />
        <button type="button" className="button-small" data-testid="apns-id-generate" onClick={generate}>
          Generate
        </button>
      </div>
    </div>
  )
}
