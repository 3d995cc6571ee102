import { BrowserWindow } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { secureWebPreferences } from './security/web-preferences'
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
    webPreferences: secureWebPreferences(join(import.meta.dirname, '../preload/index.cjs'))
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
