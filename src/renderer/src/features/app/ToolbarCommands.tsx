import { runCommand } from '../../lib/app-commands'
import { isMac, shortcutLabel } from '../../lib/shortcuts'

/** The quick switcher and Settings, also reachable by mouse and Tab, showing their shortcuts. */
export function ToolbarCommands() {
  const switcher = shortcutLabel('quick-switcher', isMac)
  const settings = shortcutLabel('settings', isMac)
  return (
    <div className="toolbar-commands">
      <button type="button" className="button-quiet" data-testid="open-quick-switcher" aria-keyshortcuts={switcher.aria} onClick={() => runCommand('quick-switcher')}>
        Quick switcher <kbd>{switcher.text}</kbd>
      </button>
      <button type="button" className="button-quiet" data-testid="open-settings" aria-keyshortcuts={settings.aria} onClick={() => runCommand('settings')}>
        Settings <kbd>{settings.text}</kbd>
      </button>
    </div>
  )
}
