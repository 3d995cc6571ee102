import { useId, useState } from 'react'
import { ConfirmButton } from '../../components/ConfirmButton'
import { ErrorMessage } from '../../components/ErrorMessage'
import { countOf } from '../../lib/device-labels'
import { useAccounts } from '../../stores/accounts'
import { useDeviceBulk } from '../../stores/device-bulk'
import { useDeviceView } from '../../stores/device-view'

const NO_ACCOUNT = ''

/** Ticking devices (Shift-click for a range, or all matching) opens actions on all of them at once. */
export function BulkBar({ count }: { count: string }) {
  const id = useId()
  const selected = useDeviceView((s) => s.selected.size)
  const visible = useDeviceView((s) => s.visible)
  const allVisibleTicked = useDeviceView((s) => s.visible.length > 0 && s.visible.every((d) => s.selected.has(d.id)))
  const selectAllVisible = useDeviceView((s) => s.selectAllVisible)
  const clearSelection = useDeviceView((s) => s.clearSelection)
  const { tagsText, tagsProblem, busy, error, done, setTagsText, addTags, removeTags, setAccount, deleteSelected } = useDeviceBulk()
  const accounts = useAccounts((s) => s.list)
  // Which account the select shows is presentation only; the action reads it when pressed.
  const [accountId, setAccountId] = useState(NO_ACCOUNT)

  return (
    <div className="bulk-bar" data-testid="bulk-bar">
      <div className="button-row">
        <span className="view-count" data-testid="device-count" aria-live="polite">
          {count}
        </span>
        {visible.length > 0 && !allVisibleTicked ? (
          <button type="button" className="button-small" data-testid="select-all-matching" aria-label={`Select all ${visible.length.toLocaleString("en-US")} matching devices`} onClick={selectAllVisible}>
            Select all
          </button>
        ) : null}
        {selected > 0 ? (
          <>
            <span className="bulk-count" data-testid="bulk-count" aria-live="polite">
              {countOf(selected, 'device')} selected
            </span>
            <button type="button" className="button-quiet button-small" onClick={clearSelection}>
              Clear
            </button>
          </>
        ) : null}
      </div>
      {selected > 0 ? (
        <div className="bulk-actions" role="group" aria-label="Bulk actions on the selected devices">
          <div className="field">
            <label htmlFor={`${id}-tags`}>Tags</label>
            <div className="inline-controls">
              <input id={`${id}-tags`} data-testid="bulk-tags" value={tagsText} onChange={(e) => setTagsText(e.target.value)} placeholder="qa, ios17" autoComplete="off" spellCheck={false} aria-invalid={tagsProblem ? true : undefined} aria-describedby={`${id}-tags-problem`} />
              <button type="button" className="button-small" data-testid="bulk-add-tags" aria-disabled={busy ? true : undefined} onClick={() => void addTags()}>
                Add
              </button>
              <button type="button" className="button-small" data-testid="bulk-remove-tags" aria-disabled={busy ? true : undefined} onClick={() => void removeTags()}>
                Remove
              </button>
            </div>
            <p id={`${id}-tags-problem`} className="field-problem">
              {tagsProblem}
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-account`}>Account</label>
            <div className="inline-controls">
              <select id={`${id}-account`} data-testid="bulk-account" value={accountId} onChange={(e) => setAccountId(e.target.value)}>
                <option value={NO_ACCOUNT}>No account</option>
                {accounts.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="button-small"
                data-testid="bulk-set-account"
                aria-disabled={busy ? true : undefined}
                onClick={() => void setAccount(accountId || null, accounts.find((a) => a.id === accountId)?.name ?? '')}
              >
                Set
              </button>
            </div>
          </div>
          <ConfirmButton
            label={`Delete ${countOf(selected, 'device')}`}
            accessibleName={`Delete ${countOf(selected, 'selected device')}`}
            className="button-quiet button-small"
            question={`Delete ${countOf(selected, 'device')}?`}
            confirmLabel="Delete"
            onConfirm={() => void deleteSelected()}
          />
        </div>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      {busy ? (
        <p className="field-note" data-testid="bulk-busy" role="status">
          Updating {countOf(selected, 'device')}…
        </p>
      ) : null}
      {done ? (
        <p className="field-note" data-testid="bulk-done" aria-live="polite">
          {done}
        </p>
      ) : null}
    </div>
  )
}
