import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/** The CSP the shipped page carries (electron.vite.config.ts loosens it for the dev server only). */
function policy(): Map<string, string[]> {
  const html = readFileSync(join(import.meta.dirname, '../../src/renderer/index.html'), 'utf8')
  const content = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
  if (!content) throw new Error('index.html has no Content-Security-Policy meta tag')
  return new Map(content.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values]))
}

describe('content security policy', () => {
  const csp = policy()

  it('loads everything from the app itself by default', () => {
    expect(csp.get('default-src')).toEqual(["'self'"])
  })

  it('runs no inline or evaluated script, and styles only from the bundled stylesheet', () => {
    expect(csp.get('script-src')).toEqual(["'self'"])
    expect(csp.get('style-src')).toEqual(["'self'"])
    const everything = [...csp.values()].flat()
    expect(everything).not.toContain("'unsafe-inline'")
    expect(everything).not.toContain("'unsafe-eval'")
    expect(everything).not.toContain('*')
  })

  it('shuts plugins, <base> rewriting and form posts', () => {
    expect(csp.get('object-src')).toEqual(["'none'"])
    expect(csp.get('base-uri')).toEqual(["'none'"])
    expect(csp.get('form-action')).toEqual(["'none'"])
  })

  it('talks to nothing but itself (APNs is reached from main, never from the page)', () => {
    expect(csp.get('connect-src')).toEqual(["'self'"])
  })
})
