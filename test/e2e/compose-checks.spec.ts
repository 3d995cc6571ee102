import { expect, test } from './fixtures'

const ALERT_SAMPLE_TITLE = 'Hello from Pushdeck'

const TOKEN = '0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0'

test.beforeEach(async ({ pushdeck: page }) => {
  await page.getByTestId('demo-setup').click()
  await expect(page.getByTestId('environment-select')).toHaveValue('emulator')
  await page.getByTestId('bundle-id').fill('dev.pushdeck.demo')
})

test('C-05: a base64 token blocks sending and converts to hex in one click', async ({ pushdeck: page }) => {
  await page.getByTestId('device-token').fill('Dx4tPEtaaXiHlqW0w9Lh8AESIzRFVmd4iZqrvM3e7/A=')
  const finding = page.locator('[data-finding-id="token.base64"]')
  await expect(finding).toBeVisible()
  // Said once, under the token field; not again in the Checks list.
  await expect(page.getByText('This looks like a base64-encoded token')).toHaveCount(1)
  await expect(page.getByTestId('token-findings').locator('[data-finding-id="token.base64"]')).toHaveCount(1)
  await expect(page.getByTestId('findings').locator('[data-finding-id="token.base64"]')).toHaveCount(0)

  // Saving it as a device points at the field instead of saying it a third time.
  await page.getByTestId('save-device').click()
  await expect(page.getByTestId('save-device-error')).toHaveText('Fix the device token above first; its problem is named under it.')
  await expect(page.getByText('This looks like a base64-encoded token')).toHaveCount(1)

  await expect(page.getByTestId('send-button')).toBeDisabled()
  await finding.getByTestId('finding-action').click()
  await expect(page.getByTestId('device-token')).toHaveValue(TOKEN)
  await expect(page.getByTestId('send-button')).toBeEnabled()
  // The token changed, so the save refusal about the old one is gone.
  await expect(page.getByTestId('save-device-error')).toHaveCount(0)
})

test('C-02: a debug summary is refused with the fix, not stripped into a wrong token', async ({ pushdeck: page }) => {
  await page.getByTestId('device-token').fill('{length = 32, bytes = 0x0f1e2d3c 4b5a6978 8796a5b4 c3d2e1f0 ... 899aabbc cddeeff0 }')
  await expect(page.locator('[data-finding-id="token.debug-summary"]')).toContainText('%02x')
  await expect(page.getByTestId('send-button')).toBeDisabled()
})

test('C-10: a background push at priority 10 shows the blocking finding and its fix', async ({ pushdeck: page }) => {
  await page.getByTestId('device-token').fill(TOKEN)
  await page.getByTestId('push-type-select').selectOption('background')
  await expect(page.getByTestId('priority-select')).toHaveValue('5')
  await page.getByTestId('priority-select').selectOption('10')
  const finding = page.locator('[data-finding-id="background.priority"]')
  await expect(finding).toHaveAttribute('data-severity', 'error')
  await expect(finding).toContainText('priority 5')
  await expect(page.getByTestId('send-button')).toBeDisabled()
  await finding.getByTestId('finding-action').click()
  await expect(page.getByTestId('priority-select')).toHaveValue('5')
  await page.getByTestId('send-button').click()
  await expect(page.getByTestId('result-status')).toHaveText(/200/)
})

test('C-11 and C-12: the byte counter counts UTF-8, and smart quotes are replaced in one click', async ({ pushdeck: page }) => {
  await page.getByTestId('device-token').fill(TOKEN)
  const editor = page.getByTestId('payload-editor').locator('.cm-content')
  await editor.fill(`{"aps": {"alert": {"title": "Hi", "body": "${'😀'.repeat(1100)}"}}}`)
  await expect(page.getByTestId('payload-bytes')).toContainText('4442 / 4096')
  await expect(page.locator('[data-finding-id="payload.too-large"]')).toBeVisible()
  await expect(page.getByTestId('send-button')).toBeDisabled()

  await editor.fill('{“aps”: {“alert”: “Hi”}}')
  const smart = page.locator('[data-finding-id="payload.smart-quotes"]')
  await expect(smart).toBeVisible()
  await smart.getByTestId('finding-action').click()
  await expect(editor).toHaveText('{"aps": {"alert": "Hi"}}')
  await expect(page.getByTestId('send-button')).toBeEnabled()
  await page.getByTestId('send-button').click()
  await expect(page.getByTestId('result-body')).toHaveText('{"aps":{"alert":"Hi"}}')
})

test('C-12: a trailing comma is reported with its line and column', async ({ pushdeck: page }) => {
  await page.getByTestId('payload-editor').locator('.cm-content').fill('{\n"aps": {"alert": "Hi",}\n}')
  await expect(page.locator('[data-finding-id="payload.syntax"]')).toContainText('line 2, column 23')
})

test('switching push types never gets stuck: Alert, Background, Controls, Alert ends at priority 10 with the alert sample', async ({ pushdeck: page }) => {
  const type = page.getByTestId('push-type-select')
  const priority = page.getByTestId('priority-select')
  const editor = page.getByTestId('payload-editor').locator('.cm-content')
  await expect(editor).toContainText(ALERT_SAMPLE_TITLE)

  await type.selectOption('background')
  await expect(priority).toHaveValue('5')
  await expect(editor).toHaveText('{"aps":{"content-available":1}}')
  await type.selectOption('controls')
  await expect(priority).toHaveValue('10')
  await expect(editor).toContainText(ALERT_SAMPLE_TITLE)
  await type.selectOption('alert')
  await expect(priority).toHaveValue('10')
  await expect(editor).toContainText(ALERT_SAMPLE_TITLE)
  await expect(page.getByTestId('priority-note')).toContainText('Priority 10')

  // What the user chose or typed while in background is kept on the way out.
  await type.selectOption('background')
  await editor.fill('{"aps":{"content-available":1},"sync":"inbox"}')
  await type.selectOption('alert')
  await expect(priority).toHaveValue('10')
  await expect(editor).toHaveText('{"aps":{"content-available":1},"sync":"inbox"}')
  await type.selectOption('background')
  await priority.selectOption('1')
  await type.selectOption('widgets')
  await expect(priority).toHaveValue('1')
})

test('a click on the empty lower part of the payload box puts the cursor in the editor', async ({ pushdeck: page }) => {
  // The silent sample is one line, so most of the box is empty.
  await page.getByTestId('push-type-select').selectOption('background')
  const host = page.getByTestId('payload-editor')
  // Clear of the sticky Send bar at the bottom of the column.
  await host.evaluate((el) => el.scrollIntoView({ block: 'center' }))
  const box = (await host.boundingBox())!
  expect(box.height).toBeGreaterThan(150)
  await page.mouse.click(box.x + box.width / 2, box.y + box.height - 12)
  await page.keyboard.type('x')
  await expect(page.getByTestId('payload-editor').locator('.cm-content')).toHaveText('{"aps":{"content-available":1}}x')
  await expect(page.getByTestId('payload-findings').locator('[data-finding-id="payload.syntax"]')).toBeVisible()
})
