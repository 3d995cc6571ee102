import type { Diagnosis } from '../../../../shared/diagnosis'
import { PayloadEditor } from '../../components/payload-editor/PayloadEditor'
import { useCompose } from '../../stores/compose'

/** The JSON editor and the size APNs will measure: the compact UTF-8 body, not the text shown. */
export function PayloadSection({ diagnosis }: { diagnosis: Diagnosis }) {
  const payloadText = useCompose((s) => s.payloadText)
  const setPayloadText = useCompose((s) => s.setPayloadText)
  const over = diagnosis.bytes !== null && diagnosis.bytes > diagnosis.byteLimit

  return (
    <div className="field">
      <div className="label-row">
        {/* A visible caption only; the editor carries its own aria-label (see PayloadEditor). */}
        <span className="label" aria-hidden="true">
          Payload (JSON)
        </span>
        <span className={`byte-counter${over ? ' byte-counter-over' : ''}`} data-testid="payload-bytes" title="Size of the compact JSON body, in UTF-8 bytes, as APNs counts it">
          {diagnosis.bytes ?? '–'} / {diagnosis.byteLimit} bytes
        </span>
      </div>
      <PayloadEditor value={payloadText} onChange={setPayloadText} label="Payload (JSON)" testId="payload-editor" />
    </div>
  )
}
