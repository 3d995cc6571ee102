import { useRef, type KeyboardEvent, type ReactNode } from 'react'

export interface TabSpec<T extends string> {
  id: T
  label: ReactNode
  testId?: string
}

interface Props<T extends string> {
  tabs: TabSpec<T>[]
  selected: T
  onSelect: (id: T) => void
  /** Prefix for the tab and panel element ids (tabId / panelId below). */
  idPrefix: string
  label: string
}

export const tabId = (prefix: string, id: string) => `${prefix}-tab-${id}`
export const panelId = (prefix: string, id: string) => `${prefix}-panel-${id}`

/** ARIA tabs: one tab stop, arrow keys (and Home/End) move between tabs and select them. */
export function TabBar<T extends string>({ tabs, selected, onSelect, idPrefix, label }: Props<T>) {
  const list = useRef<HTMLDivElement>(null)

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Arrows move from the tab that has focus (a focused tab need not be the selected one).
    const focused = tabs.findIndex((t) => tabId(idPrefix, t.id) === (event.target as HTMLElement).id)
    const index = focused >= 0 ? focused : tabs.findIndex((t) => t.id === selected)
    const next =
      event.key === 'ArrowRight' ? (index + 1) % tabs.length
      : event.key === 'ArrowLeft' ? (index - 1 + tabs.length) % tabs.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? tabs.length - 1
      : null
    if (next === null) return
    event.preventDefault()
    const tab = tabs[next]!
    onSelect(tab.id)
    list.current?.querySelector<HTMLButtonElement>(`#${CSS.escape(tabId(idPrefix, tab.id))}`)?.focus()
  }

  return (
    <div ref={list} className="tab-bar" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((tab) => {
        const active = tab.id === selected
        return (
          <button
            key={tab.id}
            id={tabId(idPrefix, tab.id)}
            type="button"
            role="tab"
            className="tab"
            aria-selected={active}
            aria-controls={panelId(idPrefix, tab.id)}
            tabIndex={active ? 0 : -1}
            data-testid={tab.testId}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        )
      })}
    </div>
  )
}
