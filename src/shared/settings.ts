import { z } from 'zod'
import { ENVIRONMENTS } from './environments'

/**
 * The app's preferences (Settings… ⌘,). Every one is applied: the theme by main
 * (nativeTheme.themeSource, for native menus and dialogs) and by the page (data-theme), the
 * default environment by compose when the window opens, the history limit by the history store.
 */
export const THEMES = ['system', 'light', 'dark'] as const
export type Theme = (typeof THEMES)[number]
export const THEME_LABELS: Record<Theme, string> = { system: 'Match the system', light: 'Light', dark: 'Dark' }

/** The most history kept on disk, in MB, before the oldest sends are deleted. */
export const HISTORY_LIMITS_MB = [50, 250, 1000] as const
export type HistoryLimitMb = (typeof HISTORY_LIMITS_MB)[number]

export const appSettingsSchema = z
  .object({
    theme: z.enum(THEMES),
    defaultEnvironment: z.enum(ENVIRONMENTS),
    historyLimitMb: z.union([z.literal(50), z.literal(250), z.literal(1000)])
  })
  .strict()
export type AppSettings = z.infer<typeof appSettingsSchema>

export const settingsPatchSchema = appSettingsSchema.partial().strict()
export type SettingsPatch = z.infer<typeof settingsPatchSchema>

export const DEFAULT_SETTINGS: AppSettings = { theme: 'system', defaultEnvironment: 'sandbox', historyLimitMb: 250 }
