import { useId, useMemo } from 'react'
import { countOf } from '../../lib/device-labels'
import { useAccounts } from '../../stores/accounts'
import { useDevices } from '../../stores/devices'
import { useTarget } from '../../stores/target'

/** An account as the target: every saved device that belongs to it. */
export function AccountTargetField() {
  const id = useId()
  const accounts = useAccounts((s) => s.list)
  const accountId = useTarget((s) => s.accountId)
  const setAccountId = useTarget((s) => s.setAccountId)
  const devices = useDevices((s) => s.list)
  const count = useMemo(() => (accountId ? devices.filter((d) => d.accountId === accountId).length : 0), [devices, accountId])

  if (accounts.length === 0) return <p className="field-note">No accounts yet. Add one in the Accounts tab, and give devices to it.</p>
  return (
    <div className="field">
      <label htmlFor={`${id}-account`}>Account</label>
      <select id={`${id}-account`} data-testid="target-account-select" value={accountId ?? ''} onChange={(e) => setAccountId(e.target.value || null)} aria-describedby={`${id}-count`}>
        <option value="">Choose an account…</option>
        {accounts.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
      <p id={`${id}-count`} className="field-note" aria-live="polite">
        {accountId ? `${countOf(count, 'device')} in this account.` : null}
      </p>
    </div>
  )
}
