import type { Page } from '@playwright/test'
import type { TestApp } from '../support/test-app'
import { seedDevice } from './library-helpers'

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
  await historySettled(page)
}

/** Main has answered for the filters as they now are (the view is no longer aria-busy). */
export async function historySettled(page: Page): Promise<void> {
  await page.locator('[data-testid="history-view"][data-loaded="true"][aria-busy="false"]').waitFor()
}

/** Types into a history filter (or the search) and waits for the list to match it. */
export async function fillFilter(page: Page, testId: string, value: string): Promise<void> {
  await page.getByTestId(testId).fill(value)
  await historySettled(page)
}
