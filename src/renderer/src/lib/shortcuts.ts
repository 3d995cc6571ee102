import type { AppCommand } from '../../../shared/app-commands'

export interface KeyPress {
  key: string
  metaKey: boolean
  ctrlKey: boolean
  altKey: boolean
  shiftKey: boolean
}

/** macOS uses ⌘ for app shortcuts; Windows and Linux use Ctrl. */
export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)

/**
 * The app command a key press stands for: ⌘↩ (Ctrl+Enter) sends, ⌘K opens the quick switcher,
 * ⌘, opens Settings. Only the platform's own modifier counts, and never with Alt or Shift, so
 * Ctrl+K on a Mac stays the text field's "delete to end of line".
 */
export function commandForKey(press: KeyPress, mac: boolean): AppCommand | null {
  const modifier = mac ? press.metaKey && !press.ctrlKey : press.ctrlKey && !press.metaKey
  if (!modifier || press.altKey || press.shiftKey) return null
  if (press.key === 'Enter') return 'send'
  if (press.key.toLowerCase() === 'k') return 'quick-switcher'
  if (press.key === ',') return 'settings'
  return null
}

/** How a command's shortcut is written on this platform, for labels and aria-keyshortcuts. */
export function shortcutLabel(command: AppCommand, mac: boolean): { text: string; aria: string } {
  const key = { send: ['↩', 'Enter'], 'quick-switcher': ['K', 'K'], settings: [',', ','] }[command]
  return mac ? { text: `⌘${key[0]}`, aria: `Meta+${key[1]}` } : { text: `Ctrl+${key[1]}`, aria: `Control+${key[1]}` }
}
