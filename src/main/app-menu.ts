import { app, Menu } from 'electron'
import type { AppCommand } from '../shared/app-commands'
import { buildMenuTemplate } from './menu-template'

/**
 * Installs the application menu; its custom items become menu:command events for the windows.
 * Help's links go through `openInBrowser`, the app's one way out to the browser (https only).
 */
export function installAppMenu(command: (command: AppCommand) => void, openInBrowser: (url: string) => void): void {
  const template = buildMenuTemplate({ appName: app.name, platform: process.platform, command, openExternal: openInBrowser })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
