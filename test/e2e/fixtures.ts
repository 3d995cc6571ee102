import { test as base, type Page } from '@playwright/test'
import { join } from 'node:path'
import { bindRendererApi, bindRendererEvents } from '../support/renderer-harness'
import { serveDirectory } from '../support/static-server'
import { createTestApp, type TestApp } from '../support/test-app'

/**
 * The built renderer in Chromium, with window.api bound through exposeBinding to the same
 * router and dispatch Electron main registers, on a fresh temp data folder per test.
 */
interface Fixtures {
  app: TestApp
  pushdeck: Page
}

export const test = base.extend<Fixtures, { rendererUrl: string }>({
  rendererUrl: [
    async ({}, use) => {
      const server = await serveDirectory(join(import.meta.dirname, '../../out/renderer'))
      await use(server.url)
      await server.close()
    },
    { scope: 'worker' }
  ],
  app: async ({}, use) => {
    const app = createTestApp()
    await use(app)
    await app.dispose()
  },
  pushdeck: async ({ page, app, rendererUrl }, use) => {
    await bindRendererApi(page, app.router)
    const stopEvents = bindRendererEvents(page, app.events)
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    await page.goto(rendererUrl)
    await use(page)
    stopEvents()
    if (errors.length > 0) throw new Error(`The page logged errors:\n${errors.join('\n')}`)
  }
})

export { expect } from '@playwright/test'
