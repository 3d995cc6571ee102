import type { Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import type { HistoryEntry } from '../../src/shared/history-types'
import { historyEntry, writeHistory } from '../support/history-entries'
import { makeTempDir } from '../support/temp-dir'
import { createTestApp, type TestApp } from '../support/test-app'
import { testRsaKeys } from '../support/push-certificates'
import { addGeneratedCertificate } from './certificate-helpers'
import { contrastRatio } from './contrast'
import { expect, test } from './fixtures'
import { DEMO_BUNDLE, demoFleet, fillFilter, openHistory, sendToTags } from './history-helpers'
import { crampedSelects } from './layout'
import { seedDevice, value } from './library-helpers'

/**
 * The e2e fixtures with a history already on disk when the app starts: test.use({ keptHistory: { entries } }).
 * (An object, because Playwright reads an array given to use() as [value, options].)
 */
const withHistory = test.extend<{ keptHistory: { entries: HistoryEntry[] } }>({
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

test('a tag fan-out shows its per-device table and totals; the open history follows it; the history filter finds its entries; the detail shows request and response', async ({ pushdeck: page, app }) => {
  const [qa1, qa2, qa3] = await demoFleet(page, app, [
    { name: 'QA phone', tags: ['qa'] },
    { name: 'QA tablet', tags: ['qa', 'tablet'] },
    { name: 'QA old phone', tags: ['qa'] },
    { name: 'Dev phone', tags: ['dev'] }
  ])
  await app.router['emulator:injectFault']({ target: { scope: 'token', token: qa3!.token }, fault: { kind: 'status', status: 410 } })
  await openHistory(page)
  await expect(page.getByTestId('history-empty')).toBeVisible()

  await sendToTags(page, 'dev')
  await expect(page.getByTestId('fanout-totals')).toHaveText('1 of 1 done: 1 accepted')
  await expect(page.getByTestId('history-count')).toHaveText('1 entry')
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
  // The chosen credential signed every row, so no row names a signer.
  await expect(page.getByTestId('fanout-row-signer')).toHaveCount(0)
  // The history, open all along, read the new entries when the fan-out finished.
  await expect(page.getByTestId('history-count')).toHaveText('4 entries')

  // From the result: this fan-out's entries only, then every entry again.
  await page.getByTestId('library-tab-devices').click()
  await page.getByTestId('fanout-show-history').click()
  await expect(page.getByTestId('history-run-filter')).toBeVisible()
  await expect(page.getByTestId('history-count')).toHaveText('3 entries')
  await expect(page.getByTestId('history-row').filter({ hasText: 'Dev phone' })).toHaveCount(0)
  await page.getByTestId('history-run-filter-clear').click()
  await expect(page.getByTestId('history-count')).toHaveText('4 entries')

  await page.getByTestId('history-filters-toggle').click()
  await fillFilter(page, 'history-filter-tag', 'tablet')
  await expect(page.getByTestId('history-count')).toHaveText('1 entry')
  await expect(page.getByTestId('history-row')).toHaveText(/QA tablet/)
  await fillFilter(page, 'history-filter-tag', 'qa')
  await fillFilter(page, 'history-filter-status', '410')
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

test('Cancel mid-fan-out stops new sends and reports the rest as cancelled; the history keeps only what was sent', async ({ pushdeck: page, app }) => {
  // More devices than the fan-out sends at once, each answered slowly: Cancel lands while the first ones are in flight.
  const fleet = await demoFleet(page, app, Array.from({ length: 80 }, (_, i) => ({ name: `Load ${String(i).padStart(2, '0')}`, tags: ['load'] })))
  for (const device of fleet) await app.router['emulator:injectFault']({ target: { scope: 'token', token: device.token }, fault: { kind: 'latency', ms: 1500 } })

  await sendToTags(page, 'load')
  await page.getByTestId('fanout-cancel').click()
  await expect(page.getByTestId('fanout-totals')).toContainText('80 of 80 done')
  await expect(page.getByTestId('fanout-cancel')).toHaveCount(0)
  const cancelled = Number(await page.getByTestId('fanout-count-cancelled').locator('dd').textContent())
  const accepted = Number(await page.getByTestId('fanout-count-accepted').locator('dd').textContent())
  expect(cancelled).toBeGreaterThan(0)
  expect(accepted + cancelled).toBe(80)
  await expect(page.getByTestId('fanout-totals')).toContainText(`${cancelled} cancelled`)
  const cancelledRow = page.locator('[data-testid="fanout-row"][data-outcome="cancelled"]').first()
  await expect(cancelledRow.getByTestId('fanout-row-status')).toHaveText('Cancelled')
  await expect(cancelledRow.getByTestId('fanout-row-reason')).toHaveText('Cancelled before it was sent.')
  expect((await app.emulator.requests()).length).toBe(accepted)

  await openHistory(page)
  await expect(page.getByTestId('history-count')).toHaveText(`${accepted} entries`)
})

test('export saves the filtered entries as CSV and as JSON', async ({ pushdeck: page, app }) => {
  const [, , old] = await demoFleet(page, app, [
    { name: 'QA phone', tags: ['qa'] },
    { name: 'QA tablet', tags: ['qa'] },
    { name: 'QA old phone', tags: ['qa'] }
  ])
  await app.router['emulator:injectFault']({ target: { scope: 'token', token: old!.token }, fault: { kind: 'status', status: 410 } })
  await sendToTags(page, 'qa')
  await expect(page.getByTestId('fanout-totals')).toHaveText('3 of 3 done: 2 accepted, 1 rejected')
  await openHistory(page)
  await expect(page.getByTestId('history-count')).toHaveText('3 entries')

  // Main asks where to save (the tests answer <data folder>/exports) and writes the file itself.
  await page.getByTestId('history-export-csv').click()
  await expect(page.getByTestId('history-done')).toContainText('Exported 3 entries to')
  const csvPath = await savedPath(page)
  expect(csvPath).toMatch(/pushdeck-history-\d{4}-\d{2}-\d{2}\.csv$/)
  const csv = readFileSync(csvPath, 'utf8').trim().split('\r\n')
  expect(csv[0]).toContain('at,outcome,status,reason,device,token')
  expect(csv).toHaveLength(4)
  expect(csv.find((line) => line.includes('QA old phone'))).toContain('rejected,410,Unregistered')

  // The export follows the filter: only the rejected entry, with its full request and response.
  await page.getByTestId('history-filters-toggle').click()
  await page.getByTestId('history-filter-outcome').selectOption('rejected')
  await expect(page.getByTestId('history-count')).toHaveText('1 entry')
  await page.getByTestId('history-export-json').click()
  await expect(page.getByTestId('history-done')).toContainText('Exported 1 entry to')
  const entries = JSON.parse(readFileSync(await savedPath(page), 'utf8')) as HistoryEntry[]
  expect(entries).toHaveLength(1)
  expect(entries[0]!.device.token).toBe(old!.token)
  expect(entries[0]!.request.headers['apns-topic']).toBe('dev.pushdeck.demo')
  expect(entries[0]!.response).toMatchObject({ outcome: 'rejected', status: 410, reason: 'Unregistered' })
})

/** The file the last export was saved to, as the done line names it. */
async function savedPath(page: Page): Promise<string> {
  const done = await page.getByTestId('history-done').textContent()
  return /to (.+)\.$/.exec(done ?? '')![1]!
}

test('re-send puts an entry back into compose to send from there, and Send again sends it as it was', async ({ pushdeck: page, app }) => {
  await page.getByTestId('demo-setup').click()
  await page.getByTestId('payload-editor').locator('.cm-content').waitFor()
  await page.getByTestId('send-button').click()
  await expect(page.getByTestId('result-status')).toHaveText('200')
  const firstToken = await page.getByTestId('device-token').inputValue()
  // Compose moves on to another token; the history still knows the first send.
  await page.getByTestId('device-token').fill('a'.repeat(64))

  await openHistory(page)
  await expect(page.getByTestId('history-count')).toHaveText('1 entry')
  await page.getByTestId('history-open').click()
  await page.getByTestId('history-resend').click()
  await expect(page.getByTestId('history-detail')).toHaveCount(0)
  await expect(page.getByTestId('history-done')).toContainText('back in compose')
  await expect(page.getByTestId('device-token')).toHaveValue(firstToken)
  await page.getByTestId('send-button').click()
  await expect(page.getByTestId('history-count')).toHaveText('2 entries')

  await page.getByTestId('history-open').first().click()
  await page.getByTestId('history-send-again').click()
  await expect(page.getByTestId('history-count')).toHaveText('3 entries')
  const received = await app.emulator.requests()
  expect(received).toHaveLength(3)
  expect(new Set(received.map((r) => r.path))).toEqual(new Set([`/3/device/${firstToken}`]))
  // The same payload went out each time.
  expect(new Set(received.map((r) => r.body)).size).toBe(1)
})

withHistory.describe('with a history already kept', () => {
  // Entries 0..19, one second apart on 24 November 2025 (UTC); 5 and 15 were rejected with BadDeviceToken.
  const kept = Array.from({ length: 20 }, (_, n) => historyEntry(n, n === 19 ? { device: { id: null, name: 'Sandbox iPhone', token: 'f'.repeat(64), tags: ['qa'] } } : {}))
  withHistory.use({ keptHistory: { entries: kept } })

  withHistory('filters by reason, template, device and date; charts the success rate and latency of what they match', async ({ pushdeck: page }) => {
    await openHistory(page)
    await expect(page.getByTestId('history-count')).toHaveText('20 entries')
    await page.getByTestId('history-charts-toggle').click()
    await expect(page.getByTestId('chart-success-summary')).toHaveText('90% of 20 sends accepted.')
    await expect(page.getByTestId('chart-latency-summary')).toHaveText('Median 30 ms, 95th percentile 39 ms, over 20 answered sends.')
    await expect(page.getByTestId('chart-latency').locator('rect')).toHaveCount(9)

    await page.getByTestId('history-filters-toggle').click()
    await fillFilter(page, 'history-filter-reason', 'BadDeviceToken')
    await expect(page.getByTestId('history-count')).toHaveText('2 entries')
    await expect(page.getByTestId('chart-success-summary')).toHaveText('0% of 2 sends accepted.')
    await fillFilter(page, 'history-filter-reason', '')
    await fillFilter(page, 'history-filter-template', 'Other')
    await expect(page.getByTestId('history-count')).toHaveText('0 entries')
    await expect(page.getByTestId('history-empty')).toBeVisible()
    await fillFilter(page, 'history-filter-template', 'Alert')
    await fillFilter(page, 'history-filter-device', 'Phone 1')
    // "Phone 1" and "Phone 10".."Phone 18" (19 is the Sandbox iPhone).
    await expect(page.getByTestId('history-count')).toHaveText('10 entries')
    await fillFilter(page, 'history-filter-device', '')
    await fillFilter(page, 'history-filter-from', '2025-11-25')
    await expect(page.getByTestId('history-count')).toHaveText('0 entries')
    await fillFilter(page, 'history-filter-from', '2025-11-24')
    await fillFilter(page, 'history-filter-to', '2025-11-24')
    await expect(page.getByTestId('history-count')).toHaveText('20 entries')
    await fillFilter(page, 'history-filter-to', '2025-11-23')
    await expect(page.getByTestId('history-filter-problem')).toHaveText('The "from" date is after the "to" date; no entry can match.')
    await fillFilter(page, 'history-filter-to', '')
    await fillFilter(page, 'history-filter-status', '41')
    await expect(page.getByTestId('history-filter-problem')).toContainText('type three digits, such as 410')
  })

  withHistory("an entry with an apns-unique-id opens Apple's delivery log over https; an emulator send explains why it has none", async ({ pushdeck: page }) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
    // window.open is what hands a link to main (which opens https links in the browser): record it instead.
    await page.evaluate(() => {
      const opened: string[] = []
      ;(window as unknown as { __opened: string[] }).__opened = opened
      window.open = (url) => {
        opened.push(String(url))
        return null
      }
    })
    await openHistory(page)
    await page.getByTestId('history-open').first().click()
    await expect(page.getByTestId('history-detail-target')).toContainText('Sandbox iPhone')
    const uniqueId = kept[19]!.response.apnsUniqueId!
    await expect(page.getByTestId('history-detail-unique-id')).toHaveText(uniqueId)
    await page.getByTestId('history-delivery-log').click()
    await expect(page.getByTestId('history-delivery-log-note')).toContainText('paste it into the Delivery Log search')
    expect(await page.evaluate(() => (window as unknown as { __opened: string[] }).__opened)).toEqual(['https://icloud.developer.apple.com/dashboard/notifications'])
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(uniqueId)
    await page.keyboard.press('Escape')

    // A rejected send has no apns-unique-id: no button.
    await page.getByTestId('history-filters-toggle').click()
    await fillFilter(page, 'history-filter-status', '400')
    await page.getByTestId('history-open').first().click()
    await expect(page.getByTestId('history-detail-outcome')).toHaveText('rejected · 400 · BadDeviceToken')
    await expect(page.getByTestId('history-delivery-log')).toHaveCount(0)
    await page.keyboard.press('Escape')

    // The emulator answers with an apns-unique-id too, but Apple has no log of it.
    await page.getByTestId('demo-setup').click()
    await page.getByTestId('send-button').click()
    await expect(page.getByTestId('result-status')).toHaveText('200')
    await fillFilter(page, 'history-filter-status', '')
    await expect(page.getByTestId('history-count')).toHaveText('21 entries')
    await page.getByTestId('history-open').first().click()
    await expect(page.getByTestId('history-detail-environment')).toContainText('emulator')
    await expect(page.getByTestId('history-delivery-log')).toHaveCount(0)
    await expect(page.getByTestId('history-delivery-log-unavailable')).toHaveText('This send went to the local emulator, so Apple has no delivery log for it.')
  })
})

withHistory.describe('with 3,000 entries kept', () => {
  withHistory.use({ keptHistory: { entries: Array.from({ length: 3000 }, (_, n) => historyEntry(n)) } })

  withHistory('the list is windowed: a few rows in the DOM, the oldest entry reached by scrolling, and it works from the keyboard', async ({ pushdeck: page }) => {
    await openHistory(page)
    await expect(page.getByTestId('history-count')).toHaveText('3,000 entries')
    await expect(page.getByTestId('history-row').first()).toContainText('Phone 2999')
    expect(await page.getByTestId('history-row').count()).toBeLessThan(60)
    await page.getByTestId('history-scroller').evaluate((el) => (el.scrollTop = el.scrollHeight))
    const oldest = page.locator('[data-testid="history-row"][aria-posinset="3000"]')
    await expect(oldest).toBeInViewport()
    await expect(oldest).toContainText('Phone 0')
    expect(await page.getByTestId('history-row').count()).toBeLessThan(60)

    // From the search field, Tab reaches the rows; Enter opens one, Escape closes it and focus comes back.
    await page.getByTestId('history-search').focus()
    await page.keyboard.type('Phone 1234')
    await expect(page.getByTestId('history-count')).toHaveText('1 entry')
    let onRow = false
    for (let i = 0; i < 12 && !onRow; i++) {
      await page.keyboard.press('Tab')
      onRow = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'history-open')
    }
    expect(onRow).toBe(true)
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('history-detail')).toBeVisible()
    await expect(page.getByTestId('history-detail-target')).toContainText('Phone 1234')
    await expect(page.getByTestId('history-resend')).toBeFocused()
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('history-detail')).toHaveCount(0)
    await expect(page.getByTestId('history-open')).toBeFocused()
  })
})

withHistory.describe('history layout', () => {
  withHistory.use({ keptHistory: { entries: Array.from({ length: 200 }, (_, n) => historyEntry(n, n === 199 ? { device: { id: null, name: 'An iPhone with a very long name that has to be cut short in the list', token: 'e'.repeat(64), tags: [] } } : {})) } })

  for (const scheme of ['light', 'dark'] as const) {
    withHistory(`at 1000×700 (${scheme}) the History tab fits its column, its text is readable and no select is cramped`, async ({ pushdeck: page }) => {
      await page.emulateMedia({ colorScheme: scheme })
      await page.setViewportSize({ width: 1000, height: 700 })
      await openHistory(page)
      await page.getByTestId('history-filters-toggle').click()
      await page.getByTestId('history-charts-toggle').click()
      await expect(page.getByTestId('chart-success-summary')).toBeVisible()
      await page.screenshot({ path: `test-results/history-1000x700-${scheme}.png` })
      await page.getByTestId('history-charts').evaluate((el) => el.scrollIntoView())
      await page.screenshot({ path: `test-results/history-1000x700-${scheme}-charts.png` })

      expect(await crampedSelects(page)).toEqual([])
      // Nothing makes the sidebar scroll sideways: not the four library tabs, not the filters, not a long device name.
      const sideways = await page.getByTestId('history-view').evaluate((view) => {
        const wide: string[] = []
        for (let node: HTMLElement | null = view as HTMLElement; node; node = node.parentElement) if (/auto|scroll/.test(getComputedStyle(node).overflowX) && node.scrollWidth > node.clientWidth + 1) wide.push(`${node.className}: ${node.scrollWidth} > ${node.clientWidth}`)
        const tabs = document.querySelector<HTMLElement>('.library-panel > .tab-bar')!
        if (tabs.scrollWidth > tabs.clientWidth + 1) wide.push(`tab bar: ${tabs.scrollWidth} > ${tabs.clientWidth}`)
        return wide
      })
      expect(sideways).toEqual([])
      // The list keeps room to show rows under the filters and charts (the sidebar scrolls as a whole).
      const firstRow = page.getByTestId('history-row').first()
      await firstRow.scrollIntoViewIfNeeded()
      await expect(firstRow).toBeInViewport()
      for (const selector of ['.history-status.outcome-accepted', '.history-device', '.history-at', '.history-detail-line', '.chart-summary']) {
        const target = page.locator(`[data-testid="history-view"] ${selector}`).first()
        const colors = await target.evaluate((el) => {
          let background = 'rgba(0, 0, 0, 0)'
          for (let node: Element | null = el; node; node = node.parentElement) {
            const color = getComputedStyle(node).backgroundColor
            if (color !== 'rgba(0, 0, 0, 0)' && !color.startsWith('rgba')) {
              background = color
              break
            }
          }
          return { text: getComputedStyle(el).color, background }
        })
        expect(contrastRatio(colors.text, colors.background), `${selector} ${colors.text} on ${colors.background}`).toBeGreaterThanOrEqual(4.5)
      }
      await fillFilter(page, 'history-filter-reason', 'BadDeviceToken')
      await expect(page.getByTestId('history-count')).toHaveText('20 entries')
      const rejected = page.locator('[data-testid="history-view"] .history-status.outcome-rejected').first()
      const rejectedColors = await rejected.evaluate((el) => ({ text: getComputedStyle(el).color, background: getComputedStyle(el.closest('.history-open')!).backgroundColor }))
      expect(contrastRatio(rejectedColors.text, rejectedColors.background)).toBeGreaterThanOrEqual(4.5)

      // The detail fits the window and reads clearly; Tab moves through its actions.
      await page.getByTestId('history-open').first().click()
      const detail = page.getByTestId('history-detail')
      await expect(detail).toBeVisible()
      await page.screenshot({ path: `test-results/history-detail-1000x700-${scheme}.png` })
      const box = (await detail.boundingBox())!
      expect(box.x).toBeGreaterThanOrEqual(0)
      expect(box.x + box.width).toBeLessThanOrEqual(1000)
      const pre = await page.getByTestId('history-detail-request').evaluate((el) => ({ text: getComputedStyle(el).color, background: getComputedStyle(el).backgroundColor, sideways: el.scrollWidth > el.clientWidth + 1 }))
      expect(contrastRatio(pre.text, pre.background)).toBeGreaterThanOrEqual(4.5)
      await expect(page.getByTestId('history-resend')).toBeFocused()
      await page.keyboard.press('Tab')
      await expect(page.getByTestId('history-send-again')).toBeFocused()
      await page.keyboard.press('Escape')
      await expect(detail).toHaveCount(0)
    })
  }
})

for (const scheme of ['light', 'dark'] as const) {
  test(`at 1000×700 (${scheme}) the fan-out's totals and table fit the result column and read clearly`, async ({ pushdeck: page, app }) => {
    await page.emulateMedia({ colorScheme: scheme })
    await page.setViewportSize({ width: 1000, height: 700 })
    const fleet = await demoFleet(page, app, Array.from({ length: 12 }, (_, i) => ({ name: `Fleet phone with a long name ${i}`, tags: ['fleet'] })))
    await app.router['emulator:injectFault']({ target: { scope: 'token', token: fleet[0]!.token }, fault: { kind: 'status', status: 400 } })
    await sendToTags(page, 'fleet')
    await expect(page.getByTestId('fanout-totals')).toHaveText('12 of 12 done: 11 accepted, 1 rejected')
    await page.screenshot({ path: `test-results/fanout-1000x700-${scheme}.png` })

    const sideways = await page.getByTestId('fanout').evaluate((view) => {
      const wide: string[] = []
      for (let node: HTMLElement | null = view as HTMLElement; node; node = node.parentElement) if (/auto|scroll/.test(getComputedStyle(node).overflowX) && node.scrollWidth > node.clientWidth + 1) wide.push(`${node.className}: ${node.scrollWidth} > ${node.clientWidth}`)
      return wide
    })
    expect(sideways).toEqual([])
    await expect(page.getByTestId('fanout-row').first()).toBeInViewport()
    for (const selector of ['.fanout-status.outcome-accepted', '.fanout-status.outcome-rejected', '.fanout-detail', '.fanout-totals', '.fanout-count dt']) {
      const colors = await page.locator(`[data-testid="fanout"] ${selector}`).first().evaluate((el) => {
        for (let node: Element | null = el; node; node = node.parentElement) {
          const color = getComputedStyle(node).backgroundColor
          if (color !== 'rgba(0, 0, 0, 0)' && !color.startsWith('rgba')) return { text: getComputedStyle(el).color, background: color }
        }
        return { text: getComputedStyle(el).color, background: getComputedStyle(document.body).backgroundColor }
      })
      expect(contrastRatio(colors.text, colors.background), `${selector} ${colors.text} on ${colors.background}`).toBeGreaterThanOrEqual(4.5)
    }
  })
}

test('ticked devices and an account as the target fan out to just those devices, each recorded in the history', async ({ pushdeck: page, app }) => {
  value(await app.router['demo:setup'](undefined))
  const acme = value(await app.router['accounts:save']({ name: 'Acme QA' }))
  await seedDevice(app, { name: 'Acme phone', bundleId: DEMO_BUNDLE, environment: 'emulator', accountId: acme.id })
  await seedDevice(app, { name: 'Acme tablet', bundleId: DEMO_BUNDLE, environment: 'emulator', accountId: acme.id })
  await seedDevice(app, { name: 'Loose phone', bundleId: DEMO_BUNDLE, environment: 'emulator' })
  // The window reads the library at start: reload, as after a restart.
  await page.reload()

  const row = (name: string) => page.getByTestId('device-row').filter({ hasText: name })
  await row('Acme phone').getByTestId('device-select').check()
  await row('Loose phone').getByTestId('device-select').check()
  await page.getByTestId('target-selection').check()
  await expect(page.getByTestId('target-selection-count')).toHaveText('2 ticked devices will get the push, each in its own environment.')
  await page.getByTestId('send-button').click()
  await expect(page.getByTestId('fanout-totals')).toHaveText('2 of 2 done: 2 accepted')
  await expect(page.getByTestId('fanout-row')).toHaveText([/Acme phone|Loose phone/, /Acme phone|Loose phone/])

  await page.getByTestId('target-account').check()
  await page.getByTestId('target-account-select').selectOption({ label: 'Acme QA' })
  await page.getByTestId('send-button').click()
  await expect(page.getByTestId('fanout-totals')).toHaveText('2 of 2 done: 2 accepted')
  await expect(page.getByTestId('fanout-row').filter({ hasText: 'Loose phone' })).toHaveCount(0)
  await expect(page.getByTestId('fanout-row')).toHaveCount(2)

  await openHistory(page)
  await expect(page.getByTestId('history-count')).toHaveText('4 entries')
  await page.getByTestId('history-filters-toggle').click()
  await fillFilter(page, 'history-filter-device', 'acme phone')
  await expect(page.getByTestId('history-count')).toHaveText('2 entries')
})

test('a tag of two apps fans out with a certificate for each: rows signed by another than the chosen credential name it', async ({ pushdeck: page, app }) => {
  await page.getByTestId('demo-setup').click()
  await page.getByTestId('device-token').waitFor()
  await addGeneratedCertificate(page, 'pw', { bundleId: 'com.example.beta', keys: testRsaKeys() }, 'Beta push')
  await expect(page.getByTestId('credential-select')).toContainText('Beta push')
  await addGeneratedCertificate(page, 'pw', { bundleId: 'com.example.alpha', keys: testRsaKeys() }, 'Alpha push')
  await expect(page.getByTestId('credential-select').locator('option:checked')).toHaveText(/Alpha push/)
  for (const [name, bundleId] of [['Alpha phone', 'com.example.alpha'], ['Beta phone', 'com.example.beta'], ['Beta tablet', 'com.example.beta']] as const) {
    await seedDevice(app, { name, bundleId, environment: 'emulator', tags: ['two-apps'] })
  }
  await sendToTags(page, 'two-apps')
  await expect(page.getByTestId('fanout-totals')).toHaveText('3 of 3 done: 3 accepted')
  const rows = page.getByTestId('fanout-row')
  // The credential chosen in compose goes without saying; a row signed by another names it.
  await expect(rows.filter({ hasText: 'Alpha phone' }).getByTestId('fanout-row-signer')).toHaveCount(0)
  for (const name of ['Beta phone', 'Beta tablet']) await expect(rows.filter({ hasText: name }).getByTestId('fanout-row-signer')).toHaveText(' · signed with Beta push')
  const received = await app.emulator.requests()
  expect(received.map((r) => [r.authMode, r.status])).toEqual([['certificate', 200], ['certificate', 200], ['certificate', 200]])
})
