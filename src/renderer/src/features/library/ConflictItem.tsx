import { useId } from 'react'
import type { LibraryConflict } from '../../../../shared/library/bundle-types'

const KIND_LABELS: Record<LibraryConflict['kind'], string> = { device: 'Device', account: 'Account', template: 'Template' }

/** One conflict: each field that differs, ours beside theirs, and the choice to replace ours. */
export function ConflictItem({ conflict, replace, onToggle }: { conflict: LibraryConflict; replace: boolean; onToggle: (replace: boolean) => void }) {
  const id = useId()
  return (
    <li className="conflict" data-testid="import-conflict">
      <p className="conflict-title">
        <span className="badge">{KIND_LABELS[conflict.kind]}</span> {conflict.label}
      </p>
      <table className="conflict-table">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Ours</th>
            <th scope="col">Imported</th>
          </tr>
        </thead>
        <tbody>
          {conflict.fields.map((f) => (
            <tr key={f.field}>
              <th scope="row">{f.field}</th>
              <td className="mono">{f.ours}</td>
              <td className="mono">{f.theirs}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <label className="checkbox-label" htmlFor={id}>
        <input id={id} type="checkbox" data-testid="import-replace" checked={replace} onChange={(e) => onToggle(e.target.checked)} />
        Replace with imported
      </label>
    </li>
  )
}
