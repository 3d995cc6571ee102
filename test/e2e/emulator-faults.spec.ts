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
  await page.getByTestId('fault-kind').selectOption({ label: '503 + Retry-After 2 s' })
  await page.getByTestId('fault-arm').click()
  await expect(page.getByTestId('pending-faults')).toHaveText('Armed: 503 ServiceUnavailable, retry-after 2 s (next device push)')

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
  await page.getByTestId('fault-kind').selectOption({ label: 'GOAWAY Shutdown' })
  await page.getByTestId('fault-arm').click()
  await expect(page.getByTestId('pending-faults')).toHaveText('Armed: GOAWAY Shutdown (next device push)')

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
  await expect(page.getByTestId('pending-faults')).toHaveText('Armed: 429 TooManyRequests (next device push)')
  await page.getByTestId('fault-clear').click()
  await expect(page.getByTestId('pending-faults')).toHaveText('No faults armed.')
  await page.getByTestId('send-button').click()
  await page.getByTestId('result-tab').click()
  await expect(page.getByTestId('result-status')).toHaveText('200')
  await expect(page.getByTestId('result-retry-notes')).toHaveCount(0)
})

test('403 InvalidProviderToken from the emulator: the result lists what to check, one item each', async ({ pushdeck: page }) => {
  const kinds = page.getByTestId('fault-kind')
  // Every status APNs answers with can be rehearsed.
  expect(await kinds.locator('option').allTextContents()).toEqual(
    expect.arrayContaining(['400 BadDeviceToken', '403 InvalidProviderToken', '410 Unregistered', '413 PayloadTooLarge', '429 TooManyRequests', '500 InternalServerError', '503 ServiceUnavailable'])
  )
  await kinds.selectOption({ label: '403 InvalidProviderToken' })
  await page.getByTestId('fault-arm').click()
  await expect(page.getByTestId('pending-faults')).toHaveText('Armed: 403 InvalidProviderToken (next device push)')

  await page.getByTestId('send-button').click()
  await page.getByTestId('result-tab').click()
  await expect(page.getByTestId('result-outcome')).toHaveText('Rejected: 403 InvalidProviderToken')
  const checklist = page.getByTestId('result-fix-checklist').locator('li')
  await expect(checklist).toHaveCount(6)
  await expect(checklist.first()).toHaveText('Key ID and Team ID are not swapped.')
  await expect(checklist.nth(1)).toHaveText('The Key ID matches the .p8 file (AuthKey_KEYID.p8).')
  // The checklist is not squeezed into the fix sentence as well.
  await expect(page.getByTestId('result-fix').locator('p')).toHaveText('Check each of these; swapped IDs are the most common cause.')
})

test('a send nothing answered does not read as sent: no answer, body not delivered, time until failure', async ({ pushdeck: page, app }) => {
  // Every request to this token loses its connection, the retry on a new connection too.
  const armed = await app.router['emulator:injectFault']({ target: { scope: 'token', token: TOKEN }, fault: { kind: 'drop-connection' } })
  expect(armed.ok).toBe(true)
  await page.getByTestId('send-button').click()
  await page.getByTestId('result-tab').click()
  const result = page.getByTestId('result')
  await expect(page.getByTestId('result-outcome')).toHaveText('Failed: no answer from the local emulator')
  await expect(page.getByTestId('sent-request-title')).toHaveText('Request (no answer from the local emulator)')
  await expect(page.getByTestId('sent-body-title')).toContainText('Body (not delivered)')
  await expect(result.locator('dt', { hasText: 'Time until failure' })).toHaveCount(1)
  await expect(result.locator('dt', { hasText: /^Latency$/ })).toHaveCount(0)
  await expect(result).not.toContainText('Request sent')
  await expect(result).not.toContainText('Body sent')
  await expect(page.getByTestId('result-accepted-note')).toHaveCount(0)
})
