import { ToolbarCommands } from './features/app/ToolbarCommands'
import { DemoBanner } from './features/demo/DemoBanner'
import { LibraryMenu } from './features/library/LibraryMenu'
import { NoticeBar } from './features/notices/NoticeBar'
import { PairingButton } from './features/registration/PairingButton'
import { QuickSwitcher } from './features/quick-switcher/QuickSwitcher'
import { ResultPanel } from './features/result/ResultPanel'
import { SettingsDialog } from './features/settings/SettingsDialog'
import { Sidebar } from './features/Sidebar'
import { Workbench } from './features/workbench/Workbench'

/** One window: banners on top, then sidebar | compose (push, Live Activity, channels) | result side by side. */
export function App() {
  return (
    <div className="app">
      <header className="toolbar">
        <h1 className="app-title">Pushdeck</h1>
        <LibraryMenu />
        <PairingButton />
        <ToolbarCommands />
      </header>
      <DemoBanner />
      <NoticeBar />
      <main className="workspace">
        <Sidebar />
        <Workbench />
        <ResultPanel />
      </main>
      <QuickSwitcher />
      <SettingsDialog />
    </div>
  )
}
