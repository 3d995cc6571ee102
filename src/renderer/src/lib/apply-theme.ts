import type { Theme } from '../../../shared/settings'

/**
 * The page's colours follow the Theme setting: theme.css picks light or dark from data-theme,
 * and from the system's preference while it is "system". (In Electron main also sets
 * nativeTheme.themeSource, for native menus and dialogs.)
 */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme
}
