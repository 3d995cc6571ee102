/**
 * What the application menu asks the window to do. The same commands have keyboard shortcuts,
 * handled by the page itself so they work with focus anywhere (see renderer lib/shortcuts.ts).
 */
export const APP_COMMANDS = ['send', 'quick-switcher', 'settings'] as const
export type AppCommand = (typeof APP_COMMANDS)[number]
