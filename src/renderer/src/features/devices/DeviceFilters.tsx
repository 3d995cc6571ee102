import { useId } from 'react'
import { FilterDisclosure } from '../../components/FilterDisclosure'
import { DEVICE_KIND_LABELS, DEVICE_KINDS, type DeviceKind } from '../../../../shared/domain'
import { ENVIRONMENTS, type Environment } from '../../../../shared/environments'
import { activeFilterCount, ALL, NO_ACCOUNT } from '../../lib/device-filter'
import { ENVIRONMENT_OPTION_LABELS } from '../../lib/send-option-labels'
import { useAccounts } from '../../stores/accounts'
import { useDeviceView } from '../../stores/device-view'

/** Environment, kind and account filters, behind a "Filters" button that counts the ones set. */
export function DeviceFilters() {
  const id = useId()
  const criteria = useDeviceView((s) => s.criteria)
  const open = useDeviceView((s) => s.filtersOpen)
  const setOpen = useDeviceView((s) => s.setFiltersOpen)
  const setCriteria = useDeviceView((s) => s.setCriteria)
  const clearFilters = useDeviceView((s) => s.clearFilters)
  const accounts = useAccounts((s) => s.list)
  const active = activeFilterCount(criteria)

  return (
    <FilterDisclosure open={open} onToggle={setOpen} active={active} onClear={clearFilters} testId="device-filters-toggle">
      <div className="field">
        <label htmlFor={`${id}-env`}>Environment</label>
        <select id={`${id}-env`} data-testid="device-filter-environment" value={criteria.environment} onChange={(e) => setCriteria({ environment: e.target.value as Environment | typeof ALL })}>
          <option value={ALL}>Any environment</option>
          {ENVIRONMENTS.map((env) => (
            <option key={env} value={env}>
              {ENVIRONMENT_OPTION_LABELS[env]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-kind`}>Kind</label>
        <select id={`${id}-kind`} data-testid="device-filter-kind" value={criteria.kind} onChange={(e) => setCriteria({ kind: e.target.value as DeviceKind | typeof ALL })}>
          <option value={ALL}>Any kind</option>
          {DEVICE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {DEVICE_KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-account`}>Account</label>
        <select id={`${id}-account`} data-testid="device-filter-account" value={criteria.account} onChange={(e) => setCriteria({ account: e.target.value })}>
          <option value={ALL}>Any account</option>
          <option value={NO_ACCOUNT}>No account</option>
          {accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
    </FilterDisclosure>
  )
}
