import { useId } from 'react'
import { ErrorMessage } from '../../components/ErrorMessage'
import { useAddCertificate } from '../../stores/add-certificate'
import { useAddKey } from '../../stores/add-key'
import { useClock } from '../../stores/clock'
import { selectedCredential, useCredentials } from '../../stores/credentials'
import { DemoLink } from '../demo/DemoLink'
import { AddCertificateForm } from './AddCertificateForm'
import { AddKeyForm } from './AddKeyForm'
import { credentialOptionLabel } from './credential-label'
import { CredentialDetails } from './CredentialDetails'

/** The credential a push is signed with: pick one, inspect it, remove it, or add a key or certificate. */
export function CredentialSection() {
  const selectId = useId()
  const list = useCredentials((s) => s.list)
  const selectedId = useCredentials((s) => s.selectedId)
  const loadError = useCredentials((s) => s.loadError)
  const removeError = useCredentials((s) => s.removeError)
  const select = useCredentials((s) => s.select)
  const selected = useCredentials(selectedCredential)
  const now = useClock((s) => s.now)
  const keyFormOpen = useAddKey((s) => s.open)
  const certFormOpen = useAddCertificate((s) => s.open)

  // One add form at a time: opening one closes the other.
  const openKeyForm = () => {
    useAddCertificate.getState().setOpen(false)
    useAddKey.getState().setOpen(true)
  }
  const openCertificateForm = () => {
    useAddKey.getState().setOpen(false)
    useAddCertificate.getState().setOpen(true)
  }

  return (
    <section className="sidebar-section" aria-labelledby={`${selectId}-heading`}>
      <h2 id={`${selectId}-heading`} className="section-title">
        Credentials
      </h2>
      {loadError ? <ErrorMessage error={loadError} /> : null}
      <div className="field">
        <label htmlFor={selectId}>Sign with</label>
        <select id={selectId} data-testid="credential-select" value={selectedId ?? ''} onChange={(e) => select(e.target.value)} disabled={list.length === 0}>
          {list.length === 0 ? <option value="">No credentials yet</option> : null}
          {list.map((c) => (
            <option key={c.id} value={c.id}>
              {credentialOptionLabel(c, list, now)}
            </option>
          ))}
        </select>
      </div>
      {selected ? <CredentialDetails credential={selected} /> : null}
      {removeError ? <ErrorMessage error={removeError} /> : null}
      {keyFormOpen ? <AddKeyForm /> : null}
      {certFormOpen ? <AddCertificateForm /> : null}
      {keyFormOpen || certFormOpen ? null : (
        <div className="button-row">
          <button type="button" className="button-secondary" data-testid="add-key-open" onClick={openKeyForm}>
            Add token key (.p8)
          </button>
          <button type="button" className="button-secondary" data-testid="add-cert-open" onClick={openCertificateForm}>
            Add certificate (.p12 or .pem)
          </button>
        </div>
      )}
      <DemoLink />
    </section>
  )
}
