import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadBuilderConfig, notarizeOptionsFrom, packagedFile, projectDir, validateBuilderConfig, type BuilderConfig } from '../support/electron-builder'
import { readPngHeader } from '../support/png-header'
import { makeTempDir } from '../support/temp-dir'

/**
 * Packaging needs macOS and the network, so it never runs here: this checks electron-builder.yml
 * with electron-builder's own loader, schema validator and file matcher instead, and the files
 * it points at (entitlements, icon).
 */
const plist = createRequire(import.meta.url)('plist') as { parse: (xml: string) => unknown }
const configPath = join(projectDir, 'electron-builder.yml')
const config = await loadBuilderConfig(configPath)
const mac = config.mac as Record<string, unknown>
const fromProject = (path: unknown) => join(projectDir, String(path))

describe('electron-builder.yml', () => {
  it('passes electron-builder 26’s own schema validation', async () => {
    await expect(validateBuilderConfig(config)).resolves.toBeUndefined()
  })

  it('would be refused by that validation if it had a misplaced option (the check is real)', async () => {
    const dir = makeTempDir()
    try {
      const broken = join(dir.path, 'electron-builder.yml')
      writeFileSync(broken, `${readFileSync(configPath, 'utf8')}\nzip:\n  artifactName: x\n`)
      const brokenConfig: BuilderConfig = await loadBuilderConfig(broken)
      await expect(validateBuilderConfig(brokenConfig)).rejects.toThrow(/unknown property 'zip'/)
    } finally {
      dir.remove()
    }
  })

  it('names the app as a developer tool', () => {
    expect(config.appId).toBe('dev.pushdeck.app')
    expect(config.productName).toBe('Pushdeck')
    expect(mac.category).toBe('public.app-category.developer-tools')
  })

  it('builds a dmg and a zip, each for Apple silicon and Intel', () => {
    const targets = mac.target as Array<{ target: string; arch: string[] }>
    expect(targets.map((t) => t.target).sort()).toEqual(['dmg', 'zip'])
    for (const target of targets) expect([...target.arch].sort()).toEqual(['arm64', 'x64'])
  })

  it('signs with the hardened runtime and entitlements that exist in resources/', () => {
    expect(mac.hardenedRuntime).toBe(true)
    expect(mac.entitlements).toBe('resources/entitlements.mac.plist')
    expect(mac.entitlementsInherit).toBe('resources/entitlements.mac.inherit.plist')
  })

  it.each(['entitlements', 'entitlementsInherit'])('%s is a valid plist granting only the JIT Electron’s V8 needs', (key) => {
    const xml = readFileSync(fromProject(mac[key]), 'utf8')
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\s*<!DOCTYPE plist/)
    // No allow-unsigned-executable-memory (Electron ≤ 11 only), no disable-library-validation
    // (no native modules), no device or sandbox entitlements Pushdeck does not use.
    expect(plist.parse(xml)).toEqual({ 'com.apple.security.cs.allow-jit': true })
  })

  it('takes the signing identity and notarization credentials from the environment, never from the file', () => {
    expect(mac.notarize).toBe(true)
    expect(mac.identity).toBeUndefined()
    expect(readFileSync(configPath, 'utf8')).not.toMatch(/(password|appleId|apiKey|cscLink)\s*:/i)
  })

  it('notarizes with an Apple ID, an API key or a keychain profile, as electron-builder reads them from the environment', () => {
    expect(notarizeOptionsFrom({})).toBeUndefined()
    expect(notarizeOptionsFrom({ APPLE_ID: 'dev@example.com', APPLE_APP_SPECIFIC_PASSWORD: 'abcd-efgh-ijkl-mnop', APPLE_TEAM_ID: 'ABCDE12345' })).toMatchObject({
      tool: 'notarytool',
      appleId: 'dev@example.com',
      teamId: 'ABCDE12345'
    })
    expect(notarizeOptionsFrom({ APPLE_API_KEY: '/keys/AuthKey.p8', APPLE_API_KEY_ID: 'KEY1234567', APPLE_API_ISSUER: 'issuer-uuid' })).toMatchObject({ appleApiKeyId: 'KEY1234567' })
    expect(notarizeOptionsFrom({ APPLE_KEYCHAIN_PROFILE: 'pushdeck-notary' })).toMatchObject({ keychainProfile: 'pushdeck-notary' })
    expect(() => notarizeOptionsFrom({ APPLE_ID: 'dev@example.com' })).toThrow(/APPLE_APP_SPECIFIC_PASSWORD/)
  })

  it('has a real 1024×1024 app icon with transparent corners', () => {
    const icon = fromProject(mac.icon)
    expect(existsSync(icon)).toBe(true)
    expect(readPngHeader(icon)).toEqual({ width: 1024, height: 1024, colour: 'rgba' })
  })

  it('packages the built app and package.json, but no sources, tests, maps or build scripts', () => {
    const packaged = packagedFile(config)
    for (const shipped of ['package.json', 'out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'out/renderer/assets/index-abc.js']) {
      expect(packaged(shipped), shipped).toBe(true)
    }
    for (const left of ['src/main/index.ts', 'src/renderer/src/App.tsx', 'test/unit/packaging-config.test.ts', 'out/main/index.js.map', 'scripts/electronegativity.mjs', 'reports/security/electronegativity-out.sarif', 'electron-builder.yml', 'README.md']) {
      expect(packaged(left), left).toBe(false)
    }
  })

  it('writes the packages to dist/ and reads build resources from resources/', () => {
    expect(config.directories).toMatchObject({ output: 'dist', buildResources: 'resources' })
  })
})
