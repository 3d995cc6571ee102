import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../..')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|tsx)$/.test(name) ? [path] : []
  })
}
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2] ?? m[3]!)
}
function offenders(dir: string, forbidden: (specifier: string) => boolean): string[] {
  return sourceFiles(join(root, dir)).flatMap((file) => importsOf(file).filter(forbidden).map((s) => `${relative(root, file)} imports ${s}`))
}

describe('layering', () => {
  it('src/core and src/shared never import electron (they run in plain Node tests)', () => {
    const electronish = (s: string) => s === 'electron' || s.startsWith('electron/') || s === 'electron-store' || s.startsWith('@electron')
    expect(offenders('src/core', electronish)).toEqual([])
    expect(offenders('src/shared', electronish)).toEqual([])
  })

  it('src/shared uses no Node APIs, so the renderer can run it', () => {
    expect(offenders('src/shared', (s) => s.startsWith('node:') || ['fs', 'path', 'crypto', 'os'].includes(s))).toEqual([])
  })

  it('the renderer imports neither electron nor Node, nor core', () => {
    expect(offenders('src/renderer', (s) => s === 'electron' || s.startsWith('node:') || s.includes('/core/'))).toEqual([])
  })

  it('only src/renderer/src/api.ts touches window.api', () => {
    const touching = sourceFiles(join(root, 'src/renderer'))
      .filter((f) => /window\.api\b/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(root, f))
    expect(touching).toEqual(['src/renderer/src/api.ts'])
  })
})
