import { createRequire } from 'node:module'
import { join } from 'node:path'

/**
 * electron-builder's own config loader, schema validator, file matcher and notarization
 * credential reader (app-builder-lib 26), used offline: none of them builds, downloads or signs.
 * They are CommonJS without a public subpath export, so they are loaded by path.
 */
const require = createRequire(import.meta.url)
const lib = (path: string) => require(join('app-builder-lib/out', path)) as Record<string, unknown>

export type BuilderConfig = Record<string, unknown> & { mac?: Record<string, unknown>; files?: unknown }

export const projectDir = join(import.meta.dirname, '../..')

const { getConfig, validateConfiguration } = lib('util/config/config.js') as {
  getConfig: (projectDir: string, configPath: string | null, fromOptions: null) => Promise<BuilderConfig>
  validateConfiguration: (config: BuilderConfig, debugLogger: unknown) => Promise<void>
}
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown }
const { getFileMatchers } = lib('fileMatcher.js') as {
  getFileMatchers: (
    config: BuilderConfig,
    name: 'files',
    destination: string,
    options: { macroExpander: (p: string) => string; customBuildOptions: object; globalOutDir: string; defaultSrc: string }
  ) => Array<{ createFilter: () => (file: string, stat: { isDirectory: () => boolean }) => boolean }> | null
}
const { MacTargetHelper } = lib('mac/MacTargetHelper.js') as {
  MacTargetHelper: { getNotarizeOptions: (appPath: string) => Record<string, unknown> | undefined }
}

/** Loads a config file the way `electron-builder --config <file>` does. */
export function loadBuilderConfig(file: string): Promise<BuilderConfig> {
  return getConfig(projectDir, file, null)
}

/** electron-builder's schema check; rejects with its own message for an invalid config. */
export function validateBuilderConfig(config: BuilderConfig): Promise<void> {
  return validateConfiguration(config, new DebugLogger(false))
}

/** Whether `files` puts a project file (path relative to the project) into the package. */
export function packagedFile(config: BuilderConfig): (relativePath: string) => boolean {
  const matchers = getFileMatchers(config, 'files', '/app', { macroExpander: (p) => p, customBuildOptions: config.mac ?? {}, globalOutDir: join(projectDir, 'dist'), defaultSrc: projectDir })
  if (!matchers) throw new Error('electron-builder.yml has no files list')
  const filters = matchers.map((m) => m.createFilter())
  const file = { isDirectory: () => false }
  return (relativePath) => filters.some((accepts) => accepts(join(projectDir, relativePath), file))
}

/** The notarytool credentials electron-builder would derive from this environment. */
export function notarizeOptionsFrom(env: Record<string, string>): Record<string, unknown> | undefined {
  const names = ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID', 'APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER', 'APPLE_KEYCHAIN', 'APPLE_KEYCHAIN_PROFILE']
  const saved = Object.fromEntries(names.map((n) => [n, process.env[n]]))
  try {
    for (const n of names) delete process.env[n]
    Object.assign(process.env, env)
    return MacTargetHelper.getNotarizeOptions('/Applications/Pushdeck.app')
  } finally {
    for (const n of names) {
      if (saved[n] === undefined) delete process.env[n]
      else process.env[n] = saved[n]
    }
  }
}
