import { useId, type FormEvent } from 'react'
import { ErrorMessage } from '../../components/ErrorMessage'
import { idProblems, useAddKey } from '../../stores/add-key'
import { AppleIdField } from './AppleIdField'
import { KeySourceInput } from './KeySourceInput'

/** Label, Key ID, Team ID and the .p8 key; main checks all of it and names any problem. */
export function AddKeyForm() {
  const id = useId()
  const form = useAddKey()
  const problems = idProblems(form)

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    // The pasted key goes from the textarea straight into the submit call, never into a store.
    const text = new FormData(event.currentTarget).get('keyText')
    void form.submit(typeof text === 'string' ? text : '')
  }

  return (
    <form className="add-key" onSubmit={onSubmit} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`} className="subsection-title">
        Add token key (.p8)
      </h3>
      <div className="field">
        <label htmlFor={`${id}-label`}>Label</label>
        <input id={`${id}-label`} data-testid="key-label" autoFocus value={form.label} onChange={(e) => form.setLabel(e.target.value)} placeholder="e.g. Acme team key" autoComplete="off" />
      </div>
      <AppleIdField label="Key ID" testId="key-id" value={form.keyId} problem={problems.keyId} onChange={form.setKeyId} />
      <AppleIdField label="Team ID" testId="team-id" value={form.teamId} problem={problems.teamId} onChange={form.setTeamId} />
      {problems.fileMismatch ? (
        <p className="field-warning" role="status">
          {problems.fileMismatch}
        </p>
      ) : null}
      {/* Remounted after a successful add, which empties the uncontrolled key textarea. */}
      <KeySourceInput key={form.generation} />
      {form.error ? <ErrorMessage error={form.error} testId="add-key-error" /> : null}
      <div className="button-row">
        <button type="submit" className="button-primary" data-testid="add-key-submit" disabled={form.submitting}>
          {form.submitting ? 'Adding…' : 'Add key'}
        </button>
        <button type="button" className="button-quiet" onClick={() => form.setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  )
}
