import { BrowserWindow } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { TrustedSenders } from './trusted-sender'

export function rendererUrl(): string {
  return process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(import.meta.dirname, '../renderer/index.html')).href
}

export function createMainWindow(senders: TrustedSenders): BrowserWindow {
  const window = new BrowserWindow({
    width: 1320,
    height: 860,
    minWidth: 980,
    minHeight: 640,
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
  window.once('ready-to-show', () => window.show())
  // Navigation, redirects, new windows and <webview> are refused for every web contents in
  // index.ts (app 'web-contents-created'), this window included.
  void window.loadURL(rendererUrl())
  return window
}
