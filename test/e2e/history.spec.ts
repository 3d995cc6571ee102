import { expect, test } from './fixtures'
import { demoFleet, openHistory, sendToTags } from './history-helpers'

test('a tag fan-out shows its per-device table and totals; the history filter finds its entries; the detail shows request and response', async ({ pushdeck: page, app }) => {
  const [qa1, qa2, qa3] = await demoFleet(page, app, [
    { name: 'QA phone', tags: ['qa'] },
    { name: 'QA tablet', tags: ['qa', 'tablet'] },
    { name: 'QA old phone', tags: ['qa'] },
    { name: 'Dev phone', tags: ['dev'] }
  ])
  await app.router['emulator:injectFault']({ target: { scope: 'token', token: qa3!.token }, fault: { kind: 'status', status: 410 } })

  await sendToTags(page, 'qa')
  await expect(page.getByTestId('fanout-totals')).toHaveText('3 of 3 done: 2 accepted, 1 rejected')
  await expect(page.getByTestId('fanout-count-accepted')).toContainText('2')
  await expect(page.getByTestId('fanout-count-rejected')).toContainText('1')
  const rows = page.getByTestId('fanout-row')
  await expect(rows).toHaveCount(3)
  await expect(rows.filter({ hasText: 'QA old phone' }).getByTestId('fanout-row-status')).toHaveText('410 Rejected')
  await expect(rows.filter({ hasText: 'QA old phone' }).getByTestId('fanout-row-reason')).toContainText('Unregistered')
  for (const device of [qa1!, qa2!]) await expect(rows.filter({ hasText: device.name }).getByTestId('fanout-row-status')).toHaveText('200 Accepted')
  await expect(rows.filter({ hasText: 'Dev phone' })).toHaveCount(0)

  await openHistory(page)
  await expect(page.getByTestId('history-count')).toHaveText('3 entries')
  await page.getByTestId('history-filters-toggle').click()
  await page.getByTestId('history-filter-tag').fill('tablet')
  await expect(page.getByTestId('history-count')).toHaveText('1 entry')
  await expect(page.getByTestId('history-row')).toHaveText(/QA tablet/)
  await page.getByTestId('history-filter-tag').fill('qa')
  await page.getByTestId('history-filter-status').fill('410')
  await expect(page.getByTestId('history-count')).toHaveText('1 entry')
  await page.getByTestId('history-open').click()

  const detail = page.getByTestId('history-detail')
  await expect(detail).toBeVisible()
  await expect(page.getByTestId('history-detail-request')).toContainText(`:path: /3/device/${qa3!.token}`)
  await expect(page.getByTestId('history-detail-request')).toContainText('apns-topic: dev.pushdeck.demo')
  await expect(page.getByTestId('history-detail-request')).toContainText('apns-push-type: alert')
  await expect(page.getByTestId('history-detail-payload')).toContainText('"aps"')
  await expect(page.getByTestId('history-detail-environment')).toContainText('emulator')
  await expect(page.getByTestId('history-detail-credential')).not.toBeEmpty()
  await expect(page.getByTestId('history-detail-outcome')).toHaveText('rejected · 410 · Unregistered')
  await page.screenshot({ path: 'test-results/history-detail.png' })
  await page.keyboard.press('Escape')
  await expect(detail).toHaveCount(0)
  await expect(page.getByTestId('history-open')).toBeFocused()
})
