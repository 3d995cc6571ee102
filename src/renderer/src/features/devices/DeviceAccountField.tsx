import { useId } from 'react'
import { useAccounts } from '../../stores/accounts'
import { useDeviceEditor } from '../../stores/device-editor'

const NONE = ''

/** The device's account: pick one, or name a new one right here. */
export function DeviceAccountField() {
  const id = useId()
  const accountId = useDeviceEditor((s) => s.fields.accountId)
  const newAccount = useDeviceEditor((s) => s.newAccount)
  const { setField, setNewAccount, createAccount } = useDeviceEditor.getState()
  const accounts = useAccounts((s) => s.list)

  return (
    <div className="field">
      <label htmlFor={`${id}-account`}>Account</label>
      <div className="inline-controls">
        <select id={`${id}-account`} data-testid="editor-account" value={accountId ?? NONE} onChange={(e) => setField('accountId', e.target.value || null)}>
          <option value={NONE}>No account</option>
          {accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
        {newAccount === null ? (
          <button type="button" className="button-small" data-testid="editor-new-account" onClick={() => setNewAccount('')}>
            New account…
          </button>
        ) : null}
      </div>
      {newAccount !== null ? (
        <div className="inline-controls">
          <label htmlFor={`${id}-new`} className="visually-hidden">
            New account name
          </label>
          <input
            id={`${id}-new`}
            data-testid="editor-new-account-name"
            value={newAccount}
            onChange={(e) => setNewAccount(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault()
                void createAccount()
              }
            }}
            placeholder="qa+ios@example.com"
            autoComplete="off"
            autoFocus
          />
          <button type="button" className="button-small" data-testid="editor-new-account-add" onClick={() => void createAccount()}>
            Add
          </button>
          <button type="button" className="button-quiet button-small" onClick={() => setNewAccount(null)}>
            Cancel
          </button>
        </div>
      ) : null}
    </div>
  )
}
