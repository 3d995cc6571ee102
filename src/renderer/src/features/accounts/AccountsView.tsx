import { useId, useMemo, type FormEvent } from 'react'
import { ErrorMessage } from '../../components/ErrorMessage'
import { useAccounts } from '../../stores/accounts'
import { useDevices } from '../../stores/devices'
import { AccountRow } from './AccountRow'

/** The accounts of the app under test: add, rename, annotate, remove (devices stay, without an account). */
export function AccountsView() {
  const id = useId()
  const list = useAccounts((s) => s.list)
  const newName = useAccounts((s) => s.newName)
  const newNotes = useAccounts((s) => s.newNotes)
  const error = useAccounts((s) => s.error)
  const loadError = useAccounts((s) => s.loadError)
  const { setNewName, setNewNotes, add } = useAccounts.getState()
  const devices = useDevices((s) => s.list)
  const counts = useMemo(() => {
    const map = new Map<string, number>()
    for (const d of devices) if (d.accountId) map.set(d.accountId, (map.get(d.accountId) ?? 0) + 1)
    return map
  }, [devices])

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    void add()
  }

  return (
    <div className="library-view accounts-view" data-testid="accounts-view">
      <form className="account-add" onSubmit={onSubmit} noValidate aria-label="Add account">
        <div className="field">
          <label htmlFor={`${id}-name`}>New account</label>
          <input id={`${id}-name`} data-testid="account-name" value={newName} onChange={(e) => setNewName(e.target.value)} placeholder="qa+ios@example.com" autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-notes`}>Notes</label>
          <input id={`${id}-notes`} data-testid="account-notes" value={newNotes} onChange={(e) => setNewNotes(e.target.value)} placeholder="optional" autoComplete="off" />
        </div>
        <button type="submit" className="button-secondary button-small" data-testid="account-add">
          Add account
        </button>
      </form>
      {loadError ? <ErrorMessage error={loadError} /> : null}
      {error ? <ErrorMessage error={error} testId="account-error" /> : null}
      {list.length === 0 ? (
        <p className="empty">No accounts yet. An account groups the devices signed in as one user of your app.</p>
      ) : (
        <ul className="account-list" aria-label="Accounts">
          {list.map((account) => (
            <AccountRow key={account.id} account={account} devices={counts.get(account.id) ?? 0} />
          ))}
        </ul>
      )}
    </div>
  )
}
