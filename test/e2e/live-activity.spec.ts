import { join } from 'node:path'
import { expect, test } from './fixtures'
import { crampedSelects } from './layout'

const BUNDLE = 'dev.pushdeck.demo'
const PUSH_TO_START = 'a1'.repeat(32)
const ACTIVITY_TOKEN = 'b2'.repeat(40)

test('a Live Activity is started, updated and ended step by step from one screen; the emulator gets three liveactivity pushes with seconds timestamps', async ({ pushdeck: page, app }) => {
  const saved = await app.router['devices:save']({ name: 'QA iPhone push-to-start', token: PUSH_TO_START, bundleId: BUNDLE, environment: 'emulator', kind: 'liveactivity' })
  expect(saved.ok).toBe(true)
  await page.reload()
  await page.getByTestId('demo-setup').click()
  await expect(page.getByTestId('demo-banner')).toBeHidden()

  await page.getByTestId('mode-liveactivity').click()
  await page.getByTestId('la-bundle-id').fill(BUNDLE)
  await expect(page.getByTestId('environment-select')).toHaveValue('emulator')
  await page.getByTestId('la-saved-token').selectOption({ label: 'QA iPhone push-to-start' })
  await expect(page.getByTestId('la-push-to-start-token')).toHaveValue(PUSH_TO_START)
  await expect(page.getByTestId('la-activity-token-note')).toContainText('its own push token')

  // Update and end have no token yet: the step names what is missing and does not send.
  await expect(page.getByTestId('la-step-update-send')).toHaveAttribute('aria-disabled', 'true')

  const before = Math.floor(Date.now() / 1000)
  await page.getByTestId('la-step-start-send').click()
  await expect(page.getByTestId('la-step-start-result-outcome')).toHaveText('Accepted')
  await expect(page.getByTestId('la-step-start-result-timestamp')).toHaveText(/^\d{10} /)

  await page.getByTestId('la-activity-token').fill(ACTIVITY_TOKEN)
  // A millisecond-looking value typed into content-state is fine; a null is named.
  await page.getByTestId('la-step-update-content-state').fill('{"status": "on the way", "minutesLeft": null}')
  await expect(page.getByTestId('la-step-update-findings').locator('[data-finding-id="liveactivity.content-state-null"]')).toBeVisible()
  await page.getByTestId('la-step-update-content-state').fill('{"status": "around the corner", "minutesLeft": 2}')
  await expect(page.getByTestId('la-step-update-findings')).toHaveCount(0)
  await page.getByTestId('la-step-update-send').click()
  await expect(page.getByTestId('la-step-update-result-outcome')).toHaveText('Accepted')

  // From the keyboard: focus the end step's Send and press Enter.
  await page.getByTestId('la-step-end-send').focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('la-step-end-result-outcome')).toHaveText('Accepted')
  const after = Math.floor(Date.now() / 1000)

  const received = (await app.emulator.requests()).filter((r) => r.headers['apns-push-type'] === 'liveactivity')
  expect(received.map((r) => r.path)).toEqual([`/3/device/${PUSH_TO_START}`, `/3/device/${ACTIVITY_TOKEN}`, `/3/device/${ACTIVITY_TOKEN}`])
  for (const request of received) {
    expect(request.status).toBe(200)
    expect(request.headers).toMatchObject({ 'apns-push-type': 'liveactivity', 'apns-topic': `${BUNDLE}.push-type.liveactivity`, 'apns-priority': '10' })
    expect(request.authMode).toBe('token')
    expect(request.lint).toEqual([])
  }
  const bodies = received.map((r) => JSON.parse(r.body).aps)
  expect(bodies.map((aps) => aps.event)).toEqual(['start', 'update', 'end'])
  for (const aps of bodies) {
    expect(typeof aps.timestamp).toBe('number')
    expect(aps.timestamp).toBeGreaterThanOrEqual(before)
    expect(aps.timestamp).toBeLessThanOrEqual(after)
  }
  expect(bodies[0]).toMatchObject({ 'attributes-type': 'DeliveryAttributes', attributes: { orderId: 'A-1001' }, 'input-push-token': 1, alert: { title: 'Order placed' } })
  expect(bodies[1]['content-state']).toEqual({ status: 'around the corner', minutesLeft: 2 })
  expect(bodies[2]['dismissal-date']).toBeGreaterThanOrEqual(before + 15 * 60)
})

test('a step the checker blocks says why and sends nothing', async ({ pushdeck: page, app }) => {
  await page.getByTestId('demo-setup').click()
  await page.getByTestId('mode-liveactivity').click()
  await page.getByTestId('la-bundle-id').fill(BUNDLE)
  await page.getByTestId('la-push-to-start-token').fill(PUSH_TO_START)
  await page.getByTestId('la-step-start-content-state').fill('{"status": ')
  await expect(page.getByTestId('la-step-start-problem')).toContainText('not valid JSON')
  const send = page.getByTestId('la-step-start-send')
  await expect(send).toHaveAttribute('aria-disabled', 'true')
  // aria-disabled keeps it focusable; pressing it anyway names the problem again and sends nothing.
  await send.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('la-step-start-error')).toContainText('not valid JSON')
  expect(await app.emulator.requests()).toEqual([])
})

test('channels: create with a storage policy, list, broadcast with the request and unique ids, delete, and an explained error', async ({ pushdeck: page, app }) => {
  await page.getByTestId('demo-setup').click()
  await page.getByTestId('mode-channels').click()
  await page.getByTestId('channels-bundle-id').fill(BUNDLE)
  await page.getByTestId('channels-policy').selectOption('0')
  await page.getByTestId('channels-create').click()
  await expect(page.getByTestId('channels-answer-outcome')).toHaveText('Create: accepted')
  await expect(page.getByTestId('channels-answer-request-id')).toHaveText(/[0-9a-f-]{36}/)
  await expect(page.getByTestId('channel-row')).toHaveCount(1)
  await expect(page.getByTestId('channel-row')).toContainText('No message stored')
  const channelId = await page.getByTestId('broadcast-channel-id').inputValue()
  expect(channelId).toMatch(/^[A-Za-z0-9+/]+=*$/)

  await expect(page.getByTestId('broadcast-expiration')).toHaveValue('zero')
  await page.getByTestId('broadcast-send').click()
  await expect(page.getByTestId('broadcast-result-outcome')).toHaveText('Broadcast: accepted')
  await expect(page.getByTestId('broadcast-result-unique-id')).toHaveText(/[0-9a-f-]{36}/)
  const requestId = (await page.getByTestId('broadcast-result-request-id').innerText()).trim()
  const broadcast = (await app.emulator.requests()).find((r) => r.path === `/4/broadcasts/apps/${BUNDLE}`)!
  expect(broadcast.headers).toMatchObject({ 'apns-channel-id': channelId, 'apns-push-type': 'liveactivity', 'apns-expiration': '0', 'apns-request-id': requestId })
  expect(typeof JSON.parse(broadcast.body).aps.timestamp).toBe('number')

  await page.getByRole('button', { name: `Delete channel ${channelId}` }).click()
  await page.getByRole('group', { name: `Confirm: Delete channel ${channelId}` }).getByRole('button', { name: 'Delete' }).click()
  await expect(page.getByTestId('channels-answer-outcome')).toHaveText('Delete: accepted')
  await expect(page.getByTestId('channel-row')).toHaveCount(0)

  // The deleted channel's ID is still typed in: APNs' answer is explained, with its request id.
  await page.getByTestId('broadcast-channel-id').fill(channelId)
  await page.getByTestId('broadcast-send').click()
  await expect(page.getByTestId('broadcast-result-outcome')).toHaveText('Broadcast: rejected, 400 ChannelNotRegistered')
  await expect(page.getByTestId('broadcast-result-explanation')).toContainText('other environment')
  await expect(page.getByTestId('broadcast-result-request-id')).toHaveText(/[0-9a-f-]{36}/)

  // Another app: the old list is not shown as if it were this app's.
  await page.getByTestId('channels-refresh').click()
  await expect(page.getByTestId('channels-list')).toBeVisible()
  await page.getByTestId('channels-bundle-id').fill('dev.pushdeck.other')
  await expect(page.getByTestId('channels-stale')).toBeVisible()
  await expect(page.getByTestId('channels-list')).toHaveCount(0)
})

for (const scheme of ['light', 'dark'] as const) {
  test(`the Live Activity and Channels screens fit 1000×700 without cramped selects (${scheme})`, async ({ pushdeck: page }) => {
    await page.emulateMedia({ colorScheme: scheme })
    await page.setViewportSize({ width: 1000, height: 700 })
    await page.getByTestId('demo-setup').click()
    // The mode tabs work from the keyboard: arrows move between them.
    await page.getByTestId('mode-push').focus()
    await page.keyboard.press('ArrowRight')
    await expect(page.getByTestId('mode-liveactivity')).toHaveAttribute('aria-selected', 'true')
    await expect(page.getByTestId('la-step-start')).toBeVisible()
    expect(await crampedSelects(page)).toEqual([])
    await page.screenshot({ path: join('test-results', `live-activity-${scheme}.png`), fullPage: true })
    await page.keyboard.press('ArrowRight')
    await expect(page.getByTestId('mode-channels')).toHaveAttribute('aria-selected', 'true')
    await expect(page.getByTestId('channels-create')).toBeVisible()
    expect(await crampedSelects(page)).toEqual([])
    await page.screenshot({ path: join('test-results', `channels-${scheme}.png`), fullPage: true })
  })
}
