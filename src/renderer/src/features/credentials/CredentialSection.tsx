import { useId } from 'react'
import { ConfirmButton } from '../../components/ConfirmButton'
import { ErrorMessage } from '../../components/ErrorMessage'
import { selectedCredential, useCredentials } from '../../stores/credentials'
import { useAddKey } from '../../stores/add-key'
import { AddKeyForm } from './AddKeyForm'
import { credentialOptionLabel } from './credential-label'

/** The credential a push is signed with: pick one, inspect it, remove it, or add a .p8 key. */
export function CredentialSection() {
  const selectId = useId()
  const { list, selectedId, loadError, removeError, select, remove } = useCredentials()
  const selected = useCredentials(selectedCredential)
  const formOpen = useAddKey((s) => s.open)
  const setFormOpen = useAddKey((s) => s.setOpen)

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
              {credentialOptionLabel(c)}
            </option>
          ))}
        </select>
      </div>
      {selected ? (
        <div className="credential-card">
          <dl className="facts">
            <dt>Key ID</dt>
            <dd className="mono">{selected.keyId}</dd>
            <dt>Team ID</dt>
            <dd className="mono">{selected.teamId}</dd>
            {selected.demo ? (
              <>
                <dt>Kind</dt>
                <dd>
                  <span className="badge">demo</span> local emulator only
                </dd>
              </>
            ) : null}
          </dl>
          <ConfirmButton label="Remove…" question={`Remove “${selected.label}”?`} confirmLabel="Remove" onConfirm={() => void remove(selected.id)} />
        </div>
      ) : null}
      {removeError ? <ErrorMessage error={removeError} /> : null}
      {formOpen ? (
        <AddKeyForm />
      ) : (
        <button type="button" className="button-secondary" data-testid="add-key-open" onClick={() => setFormOpen(true)}>
          Add token key (.p8)
        </button>
      )}
    </section>
  )
}
