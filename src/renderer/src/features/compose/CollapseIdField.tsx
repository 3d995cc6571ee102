import { useId } from 'react'
import { MAX_COLLAPSE_ID_BYTES } from '../../../../shared/diagnosis/header-checks'
import { utf8ByteLength } from '../../../../shared/payload'
import { useCompose } from '../../stores/compose'

/** apns-collapse-id with its size as APNs counts it: UTF-8 bytes, not characters. */
export function CollapseIdField() {
  const id = useId()
  const collapseId = useCompose((s) => s.collapseId)
  const setCollapseId = useCompose((s) => s.setCollapseId)
  const bytes = utf8ByteLength(collapseId)

  return (
    <div className="field">
      <div className="label-row">
        <label htmlFor={id}>apns-collapse-id</label>
        <span className={`byte-counter${bytes > MAX_COLLAPSE_ID_BYTES ? ' byte-counter-over' : ''}`} data-testid="collapse-id-bytes" id={`${id}-bytes`}>
          {bytes} / {MAX_COLLAPSE_ID_BYTES} bytes
        </span>
      </div>
      <input
        id={id}
        data-testid="collapse-id"
        className="mono"
        value={collapseId}
        onChange={(e) => setCollapseId(e.target.value)}
        placeholder="none"
        spellCheck={false}
        autoComplete="off"
        autoCorrect="off"
        autoCapitalize="off"
        aria-describedby={`${id}-bytes`}
      />
    </div>
  )
}
