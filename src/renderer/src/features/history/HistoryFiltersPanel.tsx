import { useId, useState } from 'react'
import { FilterDisclosure } from '../../components/FilterDisclosure'
import { activeFilterCount, type HistoryFilters } from '../../lib/history-filters'
import { useHistory } from '../../stores/history'

const TEXT_FIELDS: { key: keyof HistoryFilters; label: string; placeholder: string }[] = [
  { key: 'device', label: 'Device', placeholder: 'Name or token' },
  { key: 'tag', label: 'Tag', placeholder: 'qa' },
  { key: 'template', label: 'Template', placeholder: 'Exact template name' },
  { key: 'status', label: 'Status', placeholder: '410' },
  { key: 'reason', label: 'Reason', placeholder: 'BadDeviceToken' }
]

/** Device, tag, template, outcome, status, reason and date filters, behind a button that counts the ones set. */
export function HistoryFiltersPanel() {
  const id = useId()
  const [open, setOpen] = useState(false)
  const filters = useHistory((s) => s.filters)
  const setFilters = useHistory((s) => s.setFilters)
  const clearFilters = useHistory((s) => s.clearFilters)
  const active = activeFilterCount(filters)

  return (
    <FilterDisclosure open={open} onToggle={setOpen} active={active} onClear={clearFilters} testId="history-filters-toggle" className="history-filters" panelClassName="history-filter-grid">
      <div className="field">
        <label htmlFor={`${id}-outcome`}>Outcome</label>
        <select id={`${id}-outcome`} data-testid="history-filter-outcome" value={filters.outcome} onChange={(e) => setFilters({ outcome: e.target.value as HistoryFilters['outcome'] })}>
          <option value="">Any outcome</option>
          <option value="accepted">Accepted</option>
          <option value="rejected">Rejected</option>
          <option value="failed">Failed</option>
          <option value="cancelled">Cancelled</option>
        </select>
      </div>
      {TEXT_FIELDS.map((f) => (
        <div key={f.key} className="field">
          <label htmlFor={`${id}-${f.key}`}>{f.label}</label>
          <input
            id={`${id}-${f.key}`}
            data-testid={`history-filter-${f.key}`}
            value={filters[f.key]}
            placeholder={f.placeholder}
            inputMode={f.key === 'status' ? 'numeric' : undefined}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => setFilters({ [f.key]: e.target.value })}
          />
        </div>
      ))}
      <div className="field">
        <label htmlFor={`${id}-from`}>From</label>
        <input id={`${id}-from`} type="date" data-testid="history-filter-from" value={filters.from} onChange={(e) => setFilters({ from: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>To</label>
        <input id={`${id}-to`} type="date" data-testid="history-filter-to" value={filters.to} onChange={(e) => setFilters({ to: e.target.value })} />
      </div>
    </FilterDisclosure>
  )
}
