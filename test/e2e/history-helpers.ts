import type { Page } from '@playwright/test'
import type { HistoryEntry } from '../../src/shared/history-types'
import { writeHistory } from '../support/history-entries'
import { createTestApp, type TestApp } from '../support/test-app'
import { makeTempDir } from '../support/temp-dir'
import { test } from './fixtures'
import { seedDevice, value } from './library-helpers'

/**
 * The e2e fixtures with a history already on disk when the app starts: test.use({ keptHistory: { entries } }).
 * (An object, because Playwright reads an array given to use() as [value, options].)
 */
export const withHistory = test.extend<{ keptHistory: { entries: HistoryEntry[] } }>({
  keptHistory: [{ entries: [] }, { option: true }],
  app: async ({ keptHistory }, use) => {
    const dir = makeTempDir()
    writeHistory(dir.path, keptHistory.entries)
    const app: TestApp = createTestApp({}, dir.path)
    await use(app)
    await app.dispose()
    dir.remove()
  }
})

export const DEMO_BUNDLE = 'dev.pushdeck.demo'

/** The demo credential and devices, plus emulator devices tagged as given. */
export async function demoFleet(page: Page, app: TestApp, devices: { name: string; tags: string[] }[]) {
  await page.getByTestId('demo-setup').click()
  await page.getByTestId('device-token').waitFor()
  const saved = []
  for (const d of devices) saved.push(await seedDevice(app, { ...d, bundleId: DEMO_BUNDLE, environment: 'emulator' }))
  return saved
}

/** Compose targets a tag expression and sends it as a fan-out. */
export async function sendToTags(page: Page, expression: string): Promise<void> {
  await page.getByTestId('target-tags').check()
  await page.getByTestId('target-expression').fill(expression)
  await page.getByTestId('target-expression-count').waitFor()
  await page.getByTestId('send-button').click()
}

export async function openHistory(page: Page): Promise<void> {
  await page.getByTestId('library-tab-history').click()
  await page.locator('[data-testid="history-view"][data-loaded="true"]').waitFor()
}

export { value }
