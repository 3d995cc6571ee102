import { useId } from 'react'
import type { Account } from '../../../../shared/domain'
import { ConfirmButton } from '../../components/ConfirmButton'
import { countOf } from '../../lib/device-labels'
import { useAccounts } from '../../stores/accounts'

/** One account: its name, notes and device count; Edit turns it into a small form. */
export function AccountRow({ account, devices }: { account: Account; devices: number }) {
  const id = useId()
  const editing = useAccounts((s) => (s.editing?.id === account.id ? s.editing : null))
  const { startEdit, setEditName, setEditNotes, cancelEdit, saveEdit, remove } = useAccounts.getState()

  if (editing) {
    return (
      <li className="account-row" data-testid="account-row">
        <form
          className="account-edit"
          onSubmit={(e) => {
            e.preventDefault()
            void saveEdit()
          }}
          aria-label={`Edit ${account.name}`}
        >
          <div className="field">
            <label htmlFor={`${id}-name`}>Name</label>
            <input id={`${id}-name`} data-testid="account-edit-name" value={editing.name} onChange={(e) => setEditName(e.target.value)} autoComplete="off" autoFocus />
          </div>
          <div className="field">
            <label htmlFor={`${id}-notes`}>Notes</label>
            <input id={`${id}-notes`} data-testid="account-edit-notes" value={editing.notes} onChange={(e) => setEditNotes(e.target.value)} autoComplete="off" />
          </div>
          <div className="button-row">
            <button type="submit" className="button-small" data-testid="account-save">
              Save
            </button>
            <button type="button" className="button-quiet button-small" onClick={cancelEdit}>
              Cancel
            </button>
          </div>
        </form>
      </li>
    )
  }
  return (
    <li className="account-row" data-testid="account-row">
      <div className="account-head">
        <span className="account-name">{account.name}</span>
        <span className="dim">{countOf(devices, 'device')}</span>
      </div>
      {account.notes ? <p className="field-note">{account.notes}</p> : null}
      <div className="button-row">
        <button type="button" className="button-quiet button-small" aria-label={`Edit ${account.name}`} onClick={() => startEdit(account)}>
          Edit
        </button>
        <ConfirmButton
          label="Remove"
          accessibleName={`Remove ${account.name}`}
          className="button-quiet button-small"
          question={devices > 0 ? `Remove? Its ${countOf(devices, 'device')} stay, without an account.` : 'Remove?'}
          confirmLabel="Remove"
          onConfirm={() => void remove(account.id)}
        />
      </div>
    </li>
  )
}
