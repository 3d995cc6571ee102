import { expect, test } from './fixtures'

const TOKEN = '0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0'

test.beforeEach(async ({ pushdeck: page }) => {
  await page.getByTestId('demo-setup').click()
  await expect(page.getByTestId('environment-select')).toHaveValue('emulator')
  await page.getByTestId('bundle-id').fill('dev.pushdeck.demo')
  await page.getByTestId('device-token').fill(TOKEN)
})

test('expiration, collapse ID, apns-id and a topic override go out as set, and the emulator received them', async ({ pushdeck: page, app }) => {
  await page.getByTestId('expiration-mode').selectOption('relative')
  await page.getByTestId('expiration-amount').fill('2')
  await page.getByTestId('expiration-unit').selectOption('hours')
  await page.getByTestId('collapse-id').fill('score-update')
  await expect(page.getByTestId('collapse-id-bytes')).toHaveText('12 / 64 bytes')
  await page.getByTestId('apns-id-generate').click()
  const apnsId = await page.getByTestId('apns-id').inputValue()
  expect(apnsId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
  await page.getByTestId('topic-override-toggle').check()
  await expect(page.getByTestId('topic-override')).toHaveValue('dev.pushdeck.demo')
  await page.getByTestId('topic-override').fill('dev.pushdeck.demo.other')
  await expect(page.getByTestId('apns-topic')).toHaveText('dev.pushdeck.demo.other')

  const before = Math.floor(Date.now() / 1000)
  await page.getByTestId('send-button').click()
  await expect(page.getByTestId('result-status')).toHaveText('200')
  const header = (name: string) => page.locator(`[data-testid="sent-header"][data-header="${name}"] td`)
  await expect(header('apns-id')).toHaveText(apnsId)
  await expect(header('apns-collapse-id')).toHaveText('score-update')
  await expect(header('apns-topic')).toHaveText('dev.pushdeck.demo.other')
  const expiration = Number(await header('apns-expiration').innerText())
  expect(expiration).toBeGreaterThanOrEqual(before + 7200)
  expect(expiration).toBeLessThanOrEqual(before + 7200 + 60)

  const [received] = await app.emulator.requests()
  expect(received!.headers['apns-id']).toBe(apnsId)
  expect(received!.headers['apns-collapse-id']).toBe('score-update')
  expect(received!.headers['apns-expiration']).toBe(String(expiration))
  expect(received!.headers['apns-topic']).toBe('dev.pushdeck.demo.other')

  // Turning the override off derives the topic again.
  await page.getByTestId('topic-override-toggle').uncheck()
  await expect(page.getByTestId('apns-topic')).toHaveText('dev.pushdeck.demo')
})

test('a collapse ID over 64 UTF-8 bytes, a malformed apns-id and an unparseable date block sending', async ({ pushdeck: page }) => {
  await page.getByTestId('collapse-id').fill('😀'.repeat(17))
  await expect(page.getByTestId('collapse-id-bytes')).toHaveText('68 / 64 bytes')
  await expect(page.locator('[data-finding-id="headers.collapse-id-too-long"]')).toBeVisible()
  await expect(page.getByTestId('send-button')).toBeDisabled()
  await page.getByTestId('collapse-id').fill('')

  await page.getByTestId('apns-id').fill('not-a-uuid')
  await expect(page.locator('[data-finding-id="headers.apns-id-not-uuid"]')).toBeVisible()
  await expect(page.getByTestId('send-button')).toBeDisabled()
  await page.getByTestId('apns-id').fill('')

  await page.getByTestId('expiration-mode').selectOption('at')
  await expect(page.getByTestId('expiration-at')).toHaveValue(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)
  await expect(page.getByTestId('send-button')).toBeEnabled()
  await page.getByTestId('expiration-at').fill('')
  await expect(page.locator('[data-finding-id="headers.expiration-invalid"]')).toBeVisible()
  await expect(page.getByTestId('send-button')).toBeDisabled()
})

test('an expiration in the past is sent as the local time it names, with the warning kept on the result', async ({ pushdeck: page }) => {
  await page.getByTestId('expiration-mode').selectOption('at')
  await page.getByTestId('expiration-at').fill('2024-01-02T03:04')
  const expected = Math.floor(new Date(2024, 0, 2, 3, 4).getTime() / 1000)
  await expect(page.getByTestId('expiration-note')).toContainText(String(expected))
  await expect(page.locator('[data-finding-id="headers.expiration-past"]')).toHaveAttribute('data-severity', 'warning')
  await page.getByTestId('send-button').click()
  await expect(page.getByTestId('result-status')).toHaveText('200')
  await expect(page.locator('[data-testid="sent-header"][data-header="apns-expiration"] td')).toHaveText(String(expected))
})

test('the inbox highlights what APNs would accept but mishandle: a background push with an alert', async ({ pushdeck: page }) => {
  await page.getByTestId('push-type-select').selectOption('background')
  await expect(page.getByTestId('push-type-guidance')).toContainText('priority 5')
  await page.getByTestId('payload-editor').locator('.cm-content').fill('{"aps": {"content-available": 1, "alert": "Hi"}}')
  await expect(page.locator('[data-finding-id="background.visible-keys"]')).toBeVisible()
  await page.getByTestId('send-button').click()
  await expect(page.getByTestId('result-status')).toHaveText('200')

  // The result tabs work from the keyboard: arrows move between them.
  await page.getByTestId('result-tab').focus()
  await page.keyboard.press('ArrowRight')
  await expect(page.getByTestId('emulator-inbox-open')).toBeFocused()
  await expect(page.getByTestId('emulator-inbox')).toBeVisible()
  await expect(page.getByTestId('result')).toBeHidden()
  const row = page.getByTestId('inbox-row').first()
  await expect(row).toContainText('1 lint')
  await row.locator('summary').focus()
  await page.keyboard.press('Enter')
  await expect(row.getByTestId('inbox-lint')).toContainText('A background push should carry only content-available')
  await expect(row.getByTestId('inbox-jwt')).toContainText('"kid": "DEMOKEY001"')
  await expect(row.getByTestId('inbox-body')).toHaveText('{"aps":{"content-available":1,"alert":"Hi"}}')
})
