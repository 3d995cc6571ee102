import type { MenuItemConstructorOptions } from 'electron'
import type { AppCommand } from '../shared/app-commands'

/** Apple's own documentation for what Pushdeck sends. */
export const HELP_LINKS = [
  { label: 'Sending Notification Requests to APNs', url: 'https://developer.apple.com/documentation/usernotifications/sending-notification-requests-to-apns' },
  { label: 'Handling Notification Responses from APNs', url: 'https://developer.apple.com/documentation/usernotifications/handling-notification-responses-from-apns' }
] as const

export interface MenuOptions {
  appName: string
  /** process.platform: the App menu exists on macOS only; elsewhere its items move to File and Help. */
  platform: NodeJS.Platform
  /** A custom item was chosen: main forwards it to the focused window as a menu:command event. */
  command: (command: AppCommand) => void
  /** Opens an https page in the browser (Help's links to Apple's documentation). */
  openExternal: (url: string) => void
}

/**
 * The application menu as a template (no electron at run time, so it is unit-tested in Node).
 * Standard items use roles, so macOS gives them their native behaviour; the Edit roles are what
 * make copy and paste work in the page on macOS at all.
 *
 * Send, Quick Switcher and Settings show their shortcuts, but the page handles those keys itself
 * (so they work in every text field and in the tests): on macOS the page sees a key equivalent
 * first and takes it with preventDefault, and elsewhere `registerAccelerator: false` keeps the
 * menu from claiming it. Choosing the item with the mouse sends the command instead. Should a
 * key ever reach both, nothing happens twice: Send refuses while a send is on its way, and the
 * page ignores commands while a dialog is open.
 */
export function buildMenuTemplate({ appName, platform, command, openExternal }: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin'
  const custom = (label: string, accelerator: string, id: AppCommand): MenuItemConstructorOptions => ({ label, accelerator, registerAccelerator: false, click: () => command(id) })
  const settings = custom(mac ? 'Settings…' : 'Settings', 'CmdOrCtrl+,', 'settings')

  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      settings,
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' }
    ]
  }
  const fileMenu: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      custom('Send', 'CmdOrCtrl+Enter', 'send'),
      custom('Quick Switcher…', 'CmdOrCtrl+K', 'quick-switcher'),
      ...(mac ? [] : [{ type: 'separator' } as const, settings]),
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit' }
    ]
  }
  const editMenu: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'pasteAndMatchStyle' }, { role: 'delete' }, { role: 'selectAll' }]
  }
  const viewMenu: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }]
  }
  const windowMenu: MenuItemConstructorOptions = {
    role: 'window',
    submenu: mac ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }]
  }
  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      ...HELP_LINKS.map(({ label, url }): MenuItemConstructorOptions => ({ label, click: () => openExternal(url) })),
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'about' } as const])
    ]
  }
  return [...(mac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu]
}
