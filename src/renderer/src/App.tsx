import { DemoBanner } from './features/demo/DemoBanner'
import { LibraryMenu } from './features/library/LibraryMenu'
import { NoticeBar } from './features/notices/NoticeBar'
import { PairingButton } from './features/registration/PairingButton'
import { ResultPanel } from './features/result/ResultPanel'
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
      </header>
      <DemoBanner />
      <NoticeBar />
      <main className="workspace">
        <Sidebar />
        <Workbench />
        <ResultPanel />
      </main>
    </div>
  )
}
