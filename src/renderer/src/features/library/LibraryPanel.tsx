import { useId } from 'react'
import { panelId, TabBar, tabId } from '../../components/TabBar'
import { AccountsView } from '../accounts/AccountsView'
import { DevicesView } from '../devices/DevicesView'
import { HistoryView } from '../history/HistoryView'
import { useLibraryTab, type LibraryView as View } from '../../stores/library-tab'
import { TemplatesView } from '../templates/TemplatesView'

const VIEWS: Record<View, () => React.JSX.Element> = { devices: DevicesView, templates: TemplatesView, accounts: AccountsView, history: HistoryView }

/** The library in the sidebar: devices, templates, accounts and the send history, one at a time (only the shown one is rendered). */
export function LibraryPanel() {
  const prefix = useId().replace(/[^A-Za-z0-9_-]/g, '')
  const view = useLibraryTab((s) => s.view)
  const setView = useLibraryTab((s) => s.show)

  return (
    <section className="sidebar-section library-panel" aria-label="Library">
      <TabBar
        idPrefix={prefix}
        label="Library"
        selected={view}
        onSelect={setView}
        tabs={[
          { id: 'devices', label: 'Devices', testId: 'library-tab-devices' },
          { id: 'templates', label: 'Templates', testId: 'library-tab-templates' },
          { id: 'accounts', label: 'Accounts', testId: 'library-tab-accounts' },
          { id: 'history', label: 'History', testId: 'library-tab-history' }
        ]}
      />
      {(Object.keys(VIEWS) as View[]).map((id) => {
        const Shown = VIEWS[id]
        return (
          <div key={id} role="tabpanel" id={panelId(prefix, id)} aria-labelledby={tabId(prefix, id)} className="library-tab-panel" hidden={view !== id}>
            {view === id ? <Shown /> : null}
          </div>
        )
      })}
    </section>
  )
}
