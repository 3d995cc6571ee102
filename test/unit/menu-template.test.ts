import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { buildMenuTemplate, HELP_LINKS } from '../../src/main/menu-template'
import { mayOpenExternally } from '../../src/main/security/external-links'
import type { AppCommand } from '../../src/shared/app-commands'

function build(platform: NodeJS.Platform) {
  const commands: AppCommand[] = []
  const opened: string[] = []
  const menus = buildMenuTemplate({ appName: 'Pushdeck', platform, command: (c) => commands.push(c), openExternal: (url) => opened.push(url) })
  return { menus, commands, opened }
}
const items = (menu: MenuItemConstructorOptions | undefined) => (menu?.submenu ?? []) as MenuItemConstructorOptions[]
const roles = (menu: MenuItemConstructorOptions | undefined) => items(menu).map((i) => i.role).filter(Boolean)
const byLabel = (menus: MenuItemConstructorOptions[], label: string) => menus.flatMap(items).find((i) => i.label === label)

describe('application menu on macOS', () => {
  const { menus, commands, opened } = build('darwin')

  it('has the standard menus in the standard order', () => {
    expect(menus.map((m) => m.label ?? m.role)).toEqual(['Pushdeck', 'File', 'Edit', 'View', 'window', 'help'])
  })

  it('has the App menu’s About, Settings…, Services, Hide and Quit', () => {
    expect(roles(menus[0])).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit'])
    expect(items(menus[0]).find((i) => i.label === 'Settings…')).toMatchObject({ accelerator: 'CmdOrCtrl+,' })
  })

  it('has the Edit roles that make undo, cut, copy, paste and select all work in the page', () => {
    expect(roles(menus[2])).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']))
  })

  it('shows ⌘↩ for Send and ⌘K for the quick switcher, and their items send those commands to the page', () => {
    const send = byLabel(menus, 'Send')!
    const switcher = byLabel(menus, 'Quick Switcher…')!
    const settings = byLabel(menus, 'Settings…')!
    expect(send.accelerator).toBe('CmdOrCtrl+Enter')
    expect(switcher.accelerator).toBe('CmdOrCtrl+K')
    for (const item of [send, switcher, settings]) (item.click as () => void)()
    expect(commands).toEqual(['send', 'quick-switcher', 'settings'])
  })

  it('leaves the shortcut keys to the page, so they also work in text fields (no accelerator registered)', () => {
    for (const label of ['Send', 'Quick Switcher…', 'Settings…']) expect(byLabel(menus, label)!.registerAccelerator).toBe(false)
  })

  it('links Help to Apple’s documentation over https only', () => {
    for (const { label } of HELP_LINKS) (byLabel(menus, label)!.click as () => void)()
    expect(opened).toEqual(HELP_LINKS.map((l) => l.url))
    expect(opened.every(mayOpenExternally)).toBe(true)
  })
})

describe('application menu on Windows and Linux', () => {
  const { menus } = build('linux')

  it('has no App menu: Settings and Quit move to File, About to Help', () => {
    expect(menus.map((m) => m.label ?? m.role)).toEqual(['File', 'Edit', 'View', 'window', 'help'])
    expect(items(menus[0]).map((i) => i.label ?? i.role)).toEqual(expect.arrayContaining(['Send', 'Quick Switcher…', 'Settings', 'quit']))
    expect(roles(menus[4])).toContain('about')
  })

  it('still has the Edit roles', () => {
    expect(roles(menus[1])).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']))
  })
})
