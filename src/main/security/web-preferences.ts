import type { WebPreferences } from 'electron'

/**
 * Electron's security checklist for Pushdeck's window: the page runs sandboxed and isolated from
 * the preload, has no Node, no <webview>, no insecure content, no experimental Blink features and
 * no middle-click navigation. Every value is spelled out even where it is Electron's default, so a
 * future default change or a careless edit shows up in the unit test.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
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
}
