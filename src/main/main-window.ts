import { BrowserWindow } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { TrustedSenders } from './trusted-sender'
import { MINIMUM_WINDOW } from '../core/window/window-bounds'
import type { WindowState } from './window-state'

export function rendererUrl(): string {
  return process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(import.meta.dirname, '../renderer/index.html')).href
}

export function createMainWindow(senders: TrustedSenders, state: WindowState): BrowserWindow {
  // Where it was last time, brought onto today's displays; the default size, centred, otherwise.
  const placement = state.placement()
  const window = new BrowserWindow({
    width: placement?.width ?? 1320,
    height: placement?.height ?? 860,
    ...(placement ? { x: placement.x, y: placement.y } : {}),
    minWidth: MINIMUM_WINDOW.width,
    minHeight: MINIMUM_WINDOW.height,
    title: 'Pushdeck',
    show: false,
    // Electron's security checklist, every value spelled out even where it is the default, so a
    // careless edit shows in the unit test and electronegativity (which reads this literal) sees it.
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick'
    }
  })
  const id = window.webContents.id
  senders.add(id)
  window.on('closed', () => senders.remove(id))
  state.track(window)
  window.once('ready-to-show', () => {
    if (placement?.maximized) window.maximize()
    window.show()
  })
  // Navigation, redirects, new windows and <webview> are refused for every web contents in
  // index.ts (app 'web-contents-created'), this window included.
  void window.loadURL(rendererUrl())
  return window
}
