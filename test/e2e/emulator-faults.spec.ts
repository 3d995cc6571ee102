import { join } from 'node:path'
import { expect, test } from './fixtures'

const TOKEN = '0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0'

test.beforeEach(async ({ pushdeck: page }) => {
  await page.getByTestId('demo-setup').click()
  await expect(page.getByTestId('environment-select')).toHaveValue('emulator')
  await page.getByTestId('bundle-id').fill('dev.pushdeck.demo')
  await page.getByTestId('device-token').fill(TOKEN)
  await page.getByTestId('emulator-inbox-open').click()
})

test('a 503 with Retry-After 2 s is waited out and retried: the result shows the 200, the attempts and the Retry-After note', async ({ pushdeck: page, app }) => {
  await page.getByTestId('fault-kind').selectOption({ label: '503 with Retry-After 2 s' })
  await page.getByTestId('fault-arm').click()
  await expect(page.getByTestId('pending-faults')).toContainText('503 ServiceUnavailable, Retry-After 2 s · next request')

  const started = Date.now()
  await page.getByTestId('send-button').click()
  // The inbox stays in view and refreshes when the send ends: both requests, newest first, the fault used up.
  const rows = page.getByTestId('inbox-row')
  await expect(rows).toHaveCount(2)
  expect(Date.now() - started).toBeGreaterThanOrEqual(2000)
  await expect(rows.nth(0)).toHaveAttribute('data-status', '200')
  await expect(rows.nth(1)).toHaveAttribute('data-status', '503')
  await rows.nth(1).locator('summary').click()
  await expect(rows.nth(1).getByTestId('inbox-fault')).toContainText('retry-after 2 s')
  await expect(page.getByTestId('pending-faults')).toHaveText('No faults armed.')
  await page.screenshot({ path: join('test-results', 'inbox-fault.png') })

  await page.getByTestId('result-tab').click()
  await expect(page.getByTestId('result-status')).toHaveText('200')
  await expect(page.getByTestId('result-attempts')).toHaveText('2')
  await expect(page.getByTestId('result-retry-notes')).toContainText('503 ServiceUnavailable: retried after 2 s (Retry-After)')
  expect((await app.emulator.requests()).map((r) => r.status)).toEqual([503, 200])
})

test('a GOAWAY mid-send ends in a result: retried on a new connection, and the note says so', async ({ pushdeck: page }) => {
  await page.getByTestId('fault-kind').selectOption({ label: 'GOAWAY (server shutting down)' })
  await page.getByTestId('fault-arm').click()
  await expect(page.getByTestId('pending-faults')).toContainText('GOAWAY · next request')

  await page.getByTestId('send-button').click()
  await page.getByTestId('result-tab').click()
  await expect(page.getByTestId('result-status')).toHaveText('200')
  await expect(page.getByTestId('result-retry-notes')).toContainText('new connection')
  await expect(page.getByTestId('result-attempts')).toHaveText('2')
})

test('an armed fault can be cleared before it is used', async ({ pushdeck: page }) => {
  await expect(page.getByTestId('fault-arm')).toBeDisabled()
  await page.getByTestId('fault-kind').selectOption({ label: '429 TooManyRequests' })
  await page.getByTestId('fault-arm').click()
  await expect(page.getByTestId('pending-faults')).toContainText('429 TooManyRequests · next request')
  await page.getByTestId('fault-clear').click()
  await expect(page.getByTestId('pending-faults')).toHaveText('No faults armed.')
  await page.getByTestId('send-button').click()
  await page.getByTestId('result-tab').click()
  await expect(page.getByTestId('result-status')).toHaveText('200')
  await expect(page.getByTestId('result-retry-notes')).toHaveCount(0)
})
