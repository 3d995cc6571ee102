import { app, Menu, shell } from 'electron'
import type { AppCommand } from '../shared/app-commands'
import { mayOpenExternally } from './security/external-links'
import { buildMenuTemplate } from './menu-template'

/** Installs the application menu; its custom items become menu:command events for the windows. */
export function installAppMenu(command: (command: AppCommand) => void): void {
  const template = buildMenuTemplate({
    appName: app.name,
    platform: process.platform,
    command,
    openExternal: (url) => {
      if (mayOpenExternally(url)) void shell.openExternal(url)
    }
  })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
