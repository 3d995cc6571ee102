import type { Page } from 'playwright-core'
import { dispatch } from '../../src/core/ipc-dispatch'
import { silentLogger } from '../../src/core/ports'
import type { Router } from '../../src/core/router'
import { CHANNELS } from '../../src/shared/ipc-channels'
import { EVENT_NAMES } from '../../src/shared/events'
import type { EventHub } from '../../src/core/event-hub'

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
 *
 * Answers cross as one JSON string, parsed in the page: Playwright's own serialisation walks an
 * object graph entry by entry and takes over a second for 10,000 devices, where Electron's
 * structured clone takes milliseconds. Every answer of the contract is plain JSON data.
 */
export async function bindRendererApi(page: Pick<Page, 'exposeBinding' | 'addInitScript'>, router: Router): Promise<void> {
  await page.exposeBinding('__pushdeckInvoke', async (_source, channel: string, input: unknown) => JSON.stringify(await dispatch(router, channel, input, silentLogger)))
  await page.addInitScript(
    ({ channels, eventNames }: { channels: readonly string[]; eventNames: readonly string[] }) => {
      const invoke = (window as unknown as { __pushdeckInvoke: (c: string, i: unknown) => Promise<string> }).__pushdeckInvoke
      const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {}
      for (const channel of channels) {
        const [domain, verb] = channel.split(':') as [string, string]
        api[domain] ??= {}
        api[domain][verb] = async (input?: unknown) => JSON.parse(await invoke(channel, input)) as unknown
      }
      // Events main would send with webContents.send: delivered by bindRendererEvents through
      // window.__pushdeckEvent, then fanned out to the page's subscribers, as the preload does.
      const listeners = new Map<string, Set<(payload: unknown) => void>>()
      const events: Record<string, (listener: (payload: unknown) => void) => () => void> = {}
      for (const name of eventNames) {
        listeners.set(name, new Set())
        events[name] = (listener) => {
          listeners.get(name)!.add(listener)
          return () => listeners.get(name)!.delete(listener)
        }
      }
      ;(window as unknown as { __pushdeckEvent: (name: string, json: string) => void }).__pushdeckEvent = (name, json) => {
        for (const listener of listeners.get(name) ?? []) listener(JSON.parse(json))
      }
      ;(window as unknown as { api: unknown }).api = { ...api, events }
    },
    { channels: CHANNELS, eventNames: EVENT_NAMES }
  )
}

/**
 * Forwards the app's events to the page, as src/main/forward-event.ts forwards them to the
 * window. Returns the unsubscribe. Events raised while the page navigates are dropped, as they
 * would be for a window that is reloading.
 */
export function bindRendererEvents(page: Pick<Page, 'evaluate'>, events: EventHub): () => void {
  return events.subscribe((name, payload) => {
    page
      .evaluate(([eventName, json]) => (window as unknown as { __pushdeckEvent?: (n: string, j: string) => void }).__pushdeckEvent?.(eventName, json), [name, JSON.stringify(payload)] as const)
      .catch(() => {})
  })
}
