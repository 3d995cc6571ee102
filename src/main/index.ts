import { app, BrowserWindow, nativeTheme, powerMonitor, session, shell } from 'electron'
import { createAppServices, type AppServices } from '../core/app-services'
import { consoleLogger } from './console-logger'
import { createMainWindow, rendererUrl } from './main-window'
import { forwardEvent } from './forward-event'
import { registerIpc } from './register-ipc'
import { guardSession } from './security/guard-session'
import { mayOpenExternally } from './security/external-links'
import { guardWebContents } from './security/guard-web-contents'
import { safeStorageSecretBox } from './safe-storage-secret-box'
import { chooseSavePath } from './save-dialog'
import { openStoreFile } from './store-files'
import { TrustedSenders } from './trusted-sender'
import { installAppMenu } from './app-menu'
import { WindowState } from './window-state'

let services: AppServices | null = null
const senders = new TrustedSenders(rendererUrl)

// Every renderer is sandboxed, whatever its webPreferences say.
app.enableSandbox()

/** The app's one way out to the browser: https links only (checked again here for every caller). */
const openInBrowser = (url: string) => {
  if (mayOpenExternally(url)) void shell.openExternal(url)
}

// Before any window exists: every web contents (windows, and anything a page might create) is
// kept on Pushdeck's page, and https links go to the browser.
app.on('web-contents-created', (_event, contents) => guardWebContents(contents, openInBrowser))

void app.whenReady().then(() => {
  const dataDir = app.getPath('userData')
  services = createAppServices({
    dataDir,
    secrets: safeStorageSecretBox,
    openStore: (name) => openStoreFile(dataDir, name),
    logger: consoleLogger,
    chooseSavePath
  })
  registerIpc(services.router, senders, consoleLogger)
  services.events.subscribe((name, payload) => forwardEvent(senders, name, payload))
  // Menu items reach the page as events, on the same path as main's other events.
  const events = services.events
  installAppMenu((command) => events.emit('menu:command', { command }), openInBrowser)
  // Native menus, dialogs and the page's prefers-color-scheme follow the Theme setting.
  services.settings.apply((settings) => {
    nativeTheme.themeSource = settings.theme
  })
  guardSession(session.defaultSession, rendererUrl)

  const drop = () => services?.dropConnections()
  powerMonitor.on('resume', drop)
  powerMonitor.on('unlock-screen', drop)

  const windowState = new WindowState(dataDir, consoleLogger)
  createMainWindow(senders, windowState)
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(senders, windowState)
  })
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

// Close APNs connections and the emulator before quitting, so nothing keeps the process alive (C-21).
let quitting = false
app.on('before-quit', (event) => {
  if (quitting || !services) return
  event.preventDefault()
  quitting = true
  void services.shutdown().finally(() => app.quit())
})
