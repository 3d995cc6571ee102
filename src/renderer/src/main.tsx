import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { listenForCommands } from './lib/app-commands'
import { applyTheme } from './lib/apply-theme'
import { useSettings } from './stores/settings'
import { startClock } from './stores/clock'
import { followLibraryChanges } from './stores/library-changes'
import { loadEverything } from './stores/startup'
import './styles/index.css'

// A file dropped anywhere but a drop zone would make the window navigate to it: take over the
// default everywhere, and show "not allowed" outside the zones (which handle their own drops).
window.addEventListener('dragover', (event) => {
  event.preventDefault()
  const inZone = event.target instanceof Element && event.target.closest('.drop-zone, [data-drop-zone]')
  if (!inZone && event.dataTransfer) event.dataTransfer.dropEffect = 'none'
})
window.addEventListener('drop', (event) => event.preventDefault())

// ⌘↩ / ⌘K / ⌘, from the keyboard anywhere, and the same commands from the application menu.
listenForCommands()
applyTheme(useSettings.getState().values.theme)
useSettings.subscribe((state, previous) => {
  if (state.values.theme !== previous.values.theme) applyTheme(state.values.theme)
})

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>
)

// Caches refreshed when main says something changed behind the window's back.
followLibraryChanges()
void loadEverything()
startClock()
