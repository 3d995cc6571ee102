import { useId } from 'react'
import type { Diagnosis, Finding } from '../../../../shared/diagnosis'
import { FieldFindings } from '../../components/FieldFindings'
import { PayloadEditor } from '../../components/payload-editor/PayloadEditor'
import { inlineFindings } from '../../lib/finding-presentation'
import { useCompose } from '../../stores/compose'

/** The JSON editor, the size APNs will measure (the compact UTF-8 body, not the text shown), and the payload's findings. */
export function PayloadSection({ diagnosis, findings }: { diagnosis: Diagnosis; findings: Finding[] }) {
  const id = useId()
  const payloadText = useCompose((s) => s.payloadText)
  const setPayloadText = useCompose((s) => s.setPayloadText)
  const applyAction = useCompose((s) => s.applyAction)
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
      <FieldFindings id={`${id}-findings`} findings={inlineFindings(findings, 'payload')} onAction={applyAction} testId="payload-findings" />
    </div>
  )
}
