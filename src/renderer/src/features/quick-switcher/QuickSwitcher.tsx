import { useEffect, useId, useMemo, type KeyboardEvent } from 'react'
import { Dialog } from '../../components/Dialog'
import { rankSwitcherItems, switcherItems, SWITCHER_KIND_LABELS } from '../../lib/switcher-items'
import { useDevices } from '../../stores/devices'
import { useProfiles } from '../../stores/profiles'
import { useQuickSwitcher } from '../../stores/quick-switcher'
import { useTemplates } from '../../stores/templates'

/**
 * ⌘K: type to filter devices, templates and profiles; ↑/↓ move, Enter picks, Escape closes.
 * Focus stays in the field (a combobox); the highlighted result is its active descendant.
 */
export function QuickSwitcher() {
  const id = useId()
  const open = useQuickSwitcher((s) => s.open)
  const query = useQuickSwitcher((s) => s.query)
  const active = useQuickSwitcher((s) => s.active)
  const devices = useDevices((s) => s.list)
  const templates = useTemplates((s) => s.list)
  const profiles = useProfiles((s) => s.list)
  const items = useMemo(() => switcherItems(devices, templates, profiles), [devices, templates, profiles])
  const results = useMemo(() => (open ? rankSwitcherItems(items, query) : []), [open, items, query])
  const { close, setQuery, move, pick } = useQuickSwitcher.getState()
  const optionId = (index: number) => `${id}-option-${index}`

  useEffect(() => {
    if (open) document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' })
  })
  if (!open) return null

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const step = { ArrowDown: 1, ArrowUp: -1 }[event.key]
    if (step !== undefined) {
      event.preventDefault()
      move(step, results.length)
    } else if (event.key === 'Enter') {
      event.preventDefault()
      const chosen = results[active]
      if (chosen) void pick(chosen)
    }
  }

  return (
    <Dialog title="Quick Switcher" onClose={close} testId="quick-switcher">
      <div className="field">
        <label htmlFor={`${id}-query`}>Go to a device, template or profile</label>
        <input
          id={`${id}-query`}
          data-testid="quick-switcher-input"
          role="combobox"
          aria-expanded="true"
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={results.length > 0 ? optionId(active) : undefined}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
          placeholder="Type a name, bundle ID or group"
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <ul id={`${id}-list`} role="listbox" aria-label="Results" className="switcher-list" data-testid="quick-switcher-results">
        {results.map((item, index) => (
          <li
            key={`${item.kind}:${item.id}`}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className="switcher-option"
            data-testid="quick-switcher-option"
            // Mouse down would move focus out of the field; the click picks.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => void pick(item)}
          >
            <span className="switcher-kind">{SWITCHER_KIND_LABELS[item.kind]}</span>
            <span className="switcher-label">{item.label}</span>
            <span className="switcher-detail">{item.detail}</span>
          </li>
        ))}
      </ul>
      {results.length === 0 ? (
        <p className="field-note" data-testid="quick-switcher-empty">
          {items.length === 0 ? 'No saved devices, templates or profiles yet.' : `Nothing matches “${query}”.`}
        </p>
      ) : null}
    </Dialog>
  )
}
