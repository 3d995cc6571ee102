import { ToolbarCommands } from './features/app/ToolbarCommands'
import { ComposePanel } from './features/compose/ComposePanel'
import { DemoBanner } from './features/demo/DemoBanner'
import { LibraryMenu } from './features/library/LibraryMenu'
import { NoticeBar } from './features/notices/NoticeBar'
import { QuickSwitcher } from './features/quick-switcher/QuickSwitcher'
import { ResultPanel } from './features/result/ResultPanel'
import { SettingsDialog } from './features/settings/SettingsDialog'
import { Sidebar } from './features/Sidebar'

/** One window: banners on top, then sidebar | compose | result side by side. */
export function App() {
  return (
    <div className="app">
      <header className="toolbar">
        <h1 className="app-title">Pushdeck</h1>
        <LibraryMenu />
        <ToolbarCommands />
      </header>
      <DemoBanner />
      <NoticeBar />
      <main className="workspace">
        <Sidebar />
        <ComposePanel />
        <ResultPanel />
      </main>
      <QuickSwitcher />
      <SettingsDialog />
    </div>
  )
}
