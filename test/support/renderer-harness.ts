import type { Page } from 'playwright-core'
import { dispatch } from '../../src/core/ipc-dispatch'
import { silentLogger } from '../../src/core/ports'
import type { Router } from '../../src/core/router'
import { CHANNELS } from '../../src/shared/ipc-channels'

/** The flags Chromium runs with in the e2e tests and the benchmarks (see playwright.config.ts). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run'
]

/**
 * Binds window.api in a page to a router, through exposeBinding and the same dispatch Electron
 * main registers: one named method per channel, as src/preload/index.ts builds it. Call it
 * before the page navigates.
 */
export async function bindRendererApi(page: Pick<Page, 'exposeBinding' | 'addInitScript'>, router: Router): Promise<void> {
  await page.exposeBinding('__pushdeckInvoke', (_source, channel: string, input: unknown) => dispatch(router, channel, input, silentLogger))
  await page.addInitScript((channels: readonly string[]) => {
    const invoke = (window as unknown as { __pushdeckInvoke: (c: string, i: unknown) => Promise<unknown> }).__pushdeckInvoke
    const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {}
    for (const channel of channels) {
      const [domain, verb] = channel.split(':') as [string, string]
      api[domain] ??= {}
      api[domain][verb] = (input?: unknown) => invoke(channel, input)
    }
    ;(window as unknown as { api: unknown }).api = api
  }, CHANNELS)
}
