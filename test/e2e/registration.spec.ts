import { post } from '../support/registration-client'
import { expect, test } from './fixtures'
import { demoFleet, openHistory, sendToTags } from './history-helpers'
import { randomToken, value } from './library-helpers'

test('an app registers itself: enabled in the pairing panel, its POST shows up in the device list without a reload', async ({ pushdeck: page }) => {
  await page.getByTestId('pairing-open').click()
  const panel = page.getByTestId('pairing-dialog')
  await expect(panel.getByTestId('pairing-state')).toContainText('Off')
  await expect(panel.getByTestId('pairing-url')).toHaveCount(0)

  // LAN access is an explicit choice, and says what it exposes (chosen while off: nothing binds).
  await panel.getByTestId('pairing-lan').check()
  await expect(panel.getByTestId('pairing-lan-warning')).toContainText('Anyone on this network who has the pairing secret')
  await panel.getByTestId('pairing-lan').uncheck()
  await expect(panel.getByTestId('pairing-lan-warning')).toHaveCount(0)

  await panel.getByTestId('pairing-enabled').check()
  await expect(panel.getByTestId('pairing-state')).toContainText('Listening on 127.0.0.1 only')
  const url = (await panel.getByTestId('pairing-url').textContent())!
  const secret = await panel.getByTestId('pairing-secret').inputValue()
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  await expect(panel.getByTestId('pairing-qr')).toBeVisible()
  const snippet = await panel.getByTestId('pairing-snippet').inputValue()
  expect(snippet).toContain(`static let baseURL = "${url}"`)
  expect(snippet).toContain(`static let secret = "${secret}"`)
  await page.keyboard.press('Escape')
  await expect(panel).toHaveCount(0)

  const token = randomToken()
  const answer = await post(`${url}/v1/register`, secret, { token, bundleId: 'com.example.pushdemo', environment: 'sandbox', deviceName: 'Registered iPhone', tags: ['QA'], account: 'qa+ios@example.com' })
  expect(answer.status).toBe(200)
  const row = page.getByTestId('device-row').filter({ hasText: 'Registered iPhone' })
  await expect(row).toBeVisible()
  await expect(row.getByTestId('tag-chip')).toHaveText(['qa'])
  await expect(row).toContainText('qa+ios@example.com')
  await expect(row.locator('.token-cell')).toHaveText(token)

  // The same token again (another launch of the app): still one row, tags merged.
  await post(`${url}/v1/register`, secret, { token: token.toUpperCase(), bundleId: 'com.example.pushdemo', environment: 'sandbox', tags: ['ios18'] })
  await expect(row.getByTestId('tag-chip')).toHaveText(['ios18', 'qa'])
  await expect(page.getByTestId('device-row')).toHaveCount(1)

  // A regenerated secret locks the old one out; the panel shows the new one.
  await page.getByTestId('pairing-open').click()
  await panel.getByRole('button', { name: 'Regenerate the pairing secret' }).click()
  await panel.getByRole('group', { name: /Confirm/ }).getByRole('button', { name: 'Regenerate' }).click()
  await expect(panel.getByTestId('pairing-secret')).not.toHaveValue(secret)
  expect((await post(`${url}/v1/register`, secret, { token: randomToken(), bundleId: 'com.example.pushdemo', environment: 'sandbox' })).status).toBe(401)
})

test('a tap the app reports after a real send to the emulator shows on the result and the device as "Tapped at"', async ({ pushdeck: page, app }) => {
  await page.getByTestId('demo-setup').click()
  await expect(page.getByTestId('environment-select')).toHaveValue('emulator')
  const device = value(await app.router['devices:list'](undefined)).find((d) => d.name === 'Demo iPhone')!
  const row = page.getByTestId('device-row').filter({ hasText: 'Demo iPhone' }).first()
  await row.getByRole('button', { name: 'Demo iPhone', exact: true }).click()
  await page.getByTestId('bundle-id').fill('dev.pushdeck.demo')
  await page.getByTestId('send-button').click()
  await expect(page.getByTestId('result-status')).toHaveText(/200/)
  const apnsId = (await page.getByTestId('result-apns-id').innerText()).match(/[0-9a-f-]{36}/)![0]
  await expect(page.getByTestId('result-tapped-at')).toHaveCount(0)
  await expect(row.getByTestId('device-last-tap')).toHaveCount(0)

  await page.getByTestId('pairing-open').click()
  await page.getByTestId('pairing-enabled').check()
  const url = (await page.getByTestId('pairing-url').textContent())!
  const secret = await page.getByTestId('pairing-secret').inputValue()
  await page.keyboard.press('Escape')

  // As the Swift snippet reports it: the identifier in upper case, the default action.
  const tapped = await post(`${url}/v1/opened`, secret, { apnsId: apnsId.toUpperCase(), token: device.token, action: 'com.apple.UNNotificationDefaultActionIdentifier' })
  expect(await tapped.json()).toMatchObject({ recorded: true, deviceId: device.id })

  await expect(page.getByTestId('result-tapped-at')).toContainText('(opened)')
  await expect(row.getByTestId('device-last-tap')).toContainText('Tapped at')
  await expect(row.getByTestId('device-last-tap')).toHaveAttribute('title', /opened/)
  const history = value(await app.router['history:query']({}))
  expect(history.items.find((s) => s.apnsId === apnsId)?.tappedAt).toBeTruthy()
})

test('a group send shows its tap rate: taps the app reports after the fan-out mark their rows and history entries as opened', async ({ pushdeck: page, app }) => {
  const fleet = await demoFleet(page, app, [
    { name: 'QA phone', tags: ['qa'] },
    { name: 'QA tablet', tags: ['qa'] },
    { name: 'QA mini', tags: ['qa'] }
  ])
  await sendToTags(page, 'qa')
  await expect(page.getByTestId('fanout-totals')).toHaveText('3 of 3 done: 3 accepted')
  // No paired app can report taps while the endpoint is off: no rate is shown rather than 0%.
  await expect(page.getByTestId('fanout-tap-rate')).toHaveCount(0)

  await page.getByTestId('pairing-open').click()
  await page.getByTestId('pairing-enabled').check()
  const url = (await page.getByTestId('pairing-url').textContent())!
  const secret = await page.getByTestId('pairing-secret').inputValue()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('fanout-tap-rate')).toHaveText('Opened in the app: 0 of 3 opened (0%)')

  const phone = fleet.find((d) => d.name === 'QA phone')!
  const sent = value(await app.router['history:query']({ device: phone.token }))
  const apnsId = sent.items[0]!.apnsId!
  expect((await post(`${url}/v1/opened`, secret, { apnsId: apnsId.toUpperCase(), token: phone.token, action: 'REPLY' })).status).toBe(200)

  await expect(page.getByTestId('fanout-tap-rate')).toHaveText('Opened in the app: 1 of 3 opened (33%)')
  const rows = page.getByTestId('fanout-row')
  await expect(rows.filter({ hasText: 'QA phone' }).getByTestId('fanout-row-tapped')).toBeVisible()
  await expect(rows.filter({ hasText: 'QA tablet' }).getByTestId('fanout-row-tapped')).toHaveCount(0)

  await openHistory(page)
  const historyRow = page.getByTestId('history-row').filter({ hasText: 'QA phone' })
  await expect(historyRow).toContainText('opened in the app')
  await historyRow.click()
  await expect(page.getByTestId('history-detail-tapped')).toContainText('REPLY')
})
