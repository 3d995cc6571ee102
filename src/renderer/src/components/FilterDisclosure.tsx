import { useId, type ReactNode } from 'react'

interface Props {
  open: boolean
  onToggle: (open: boolean) => void
  /** How many filters are set: counted on the button, and "Clear filters" shows when any is. */
  active: number
  onClear: () => void
  testId: string
  className?: string
  panelClassName?: string
  children: ReactNode
}

/** A "Filters (n)" button that opens its panel of filters, with "Clear filters" while any is set. */
export function FilterDisclosure({ open, onToggle, active, onClear, testId, className, panelClassName, children }: Props) {
  const id = useId()
  return (
    <div className={['device-filters', className].filter(Boolean).join(' ')}>
      <div className="button-row">
        <button type="button" className="button-small" aria-expanded={open} aria-controls={`${id}-panel`} data-testid={testId} onClick={() => onToggle(!open)}>
          Filters{active > 0 ? ` (${active})` : ''}
        </button>
        {active > 0 ? (
          <button type="button" className="button-quiet button-small" onClick={onClear}>
            Clear filters
          </button>
        ) : null}
      </div>
      <div id={`${id}-panel`} className={['filter-panel', panelClassName].filter(Boolean).join(' ')} hidden={!open}>
        {children}
      </div>
    </div>
  )
}
