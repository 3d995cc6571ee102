import type { AppCommand } from '../../../shared/app-commands'
import { api } from '../api'
import { useQuickSwitcher } from '../stores/quick-switcher'
import { useResult } from '../stores/result'
import { useSettings } from '../stores/settings'
import { commandForKey, isMac } from './shortcuts'

/** Runs an app command, from its shortcut or from the application menu. */
export function runCommand(command: AppCommand): void {
  // A modal dialog has the user's attention: nothing happens behind it.
  if (document.querySelector('dialog[open]')) return
  if (command === 'send') void useResult.getState().send()
  else if (command === 'quick-switcher') useQuickSwitcher.getState().show()
  else useSettings.getState().setDialogOpen(true)
}

/**
 * Shortcuts work wherever focus is, the payload editor included: the listener runs in the
 * capture phase, before a field can take the key (CodeMirror binds Mod-Enter itself).
 */
export function listenForCommands(): void {
  window.addEventListener(
    'keydown',
    (event) => {
      const command = commandForKey(event, isMac)
      if (!command) return
      event.preventDefault()
      event.stopPropagation()
      if (!event.repeat) runCommand(command)
    },
    { capture: true }
  )
  api.events['menu:command'](({ command }) => runCommand(command))
}
