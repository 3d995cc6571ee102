import { useId, type FormEvent } from 'react'
import { ErrorMessage } from '../../components/ErrorMessage'
import { useAddCertificate } from '../../stores/add-certificate'
import { CertificateFilesInput } from './CertificateFilesInput'

/** Label, the certificate files and the passphrase; main reads them and names any problem. */
export function AddCertificateForm() {
  const id = useId()
  const form = useAddCertificate()

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    // The passphrase goes from its field straight into the submit call, never into a store.
    const passphrase = new FormData(event.currentTarget).get('passphrase')
    void form.submit(typeof passphrase === 'string' ? passphrase : '')
  }

  return (
    <form className="add-key" onSubmit={onSubmit} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`} className="subsection-title">
        Add push certificate
      </h3>
      <div className="field">
        <label htmlFor={`${id}-label`}>Label</label>
        <input id={`${id}-label`} data-testid="cert-label" autoFocus value={form.label} onChange={(e) => form.setLabel(e.target.value)} placeholder="optional" autoComplete="off" />
      </div>
      <CertificateFilesInput />
      {/* Remounted after a successful add, which empties the uncontrolled passphrase field. */}
      <div className="field" key={form.generation}>
        <label htmlFor={`${id}-passphrase`}>Passphrase</label>
        <input id={`${id}-passphrase`} name="passphrase" type="password" data-testid="cert-passphrase" autoComplete="off" aria-describedby={`${id}-passphrase-note`} />
        <p id={`${id}-passphrase-note`} className="field-note">
          Leave empty if the .p12 has no passphrase.
        </p>
      </div>
      {form.error ? <ErrorMessage error={form.error} testId="add-cert-error" /> : null}
      <div className="button-row">
        <button type="submit" className="button-primary" data-testid="add-cert-submit" disabled={form.submitting}>
          {form.submitting ? 'Adding…' : 'Add certificate'}
        </button>
        <button type="button" className="button-quiet" onClick={() => form.setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  )
}
