import { useId, useState } from 'react'
import { panelId, TabBar, tabId } from '../../components/TabBar'
import { useEmulatorInbox } from '../../stores/emulator-inbox'
import { EmulatorInbox } from '../emulator/EmulatorInbox'
import { ResultView } from './ResultView'

type View = 'result' | 'inbox'

/** The right column, beside the payload: the last answer, or what the local emulator received. */
export function ResultPanel() {
  const prefix = useId().replace(/[^A-Za-z0-9_-]/g, '')
  const [view, setView] = useState<View>('result')
  const inboxCount = useEmulatorInbox((s) => s.requests.length)

  const select = (next: View) => {
    setView(next)
    if (next === 'inbox') void useEmulatorInbox.getState().refresh()
  }

  return (
    <section className="column result" aria-label="Result and emulator inbox">
      <header className="column-header">
        <TabBar
          idPrefix={prefix}
          label="Result views"
          selected={view}
          onSelect={select}
          tabs={[
            { id: 'result', label: 'Result', testId: 'result-tab' },
            { id: 'inbox', label: <>Emulator inbox{inboxCount > 0 ? <span className="tab-count">{inboxCount}</span> : null}</>, testId: 'emulator-inbox-open' }
          ]}
        />
      </header>
      {/* Both panels stay mounted (the inactive one hidden), so every tab's aria-controls resolves. */}
      <div role="tabpanel" id={panelId(prefix, 'result')} aria-labelledby={tabId(prefix, 'result')} className="tab-panel" hidden={view !== 'result'}>
        <ResultView />
      </div>
      <div role="tabpanel" id={panelId(prefix, 'inbox')} aria-labelledby={tabId(prefix, 'inbox')} className="tab-panel" hidden={view !== 'inbox'}>
        <EmulatorInbox />
      </div>
    </section>
  )
}
