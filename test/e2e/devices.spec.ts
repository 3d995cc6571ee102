import { expect, test } from './fixtures'

const OTHER_TOKEN = '0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0'

test.beforeEach(async ({ pushdeck: page }) => {
  await page.getByTestId('demo-setup').click()
  await expect(page.getByTestId('device-row')).toHaveCount(2)
})

test('a device row is selected exactly while compose holds its token', async ({ pushdeck: page }) => {
  const rows = page.getByTestId('device-row')
  const iphone = rows.filter({ hasText: /^Demo iPhone(?! \()/ })
  const deleted = rows.filter({ hasText: 'app deleted' })
  const token = page.getByTestId('device-token')
  // Set up demo put the first demo device into compose.
  await expect(iphone).toHaveAttribute('data-active', 'true')
  await expect(iphone.getByRole('button', { name: 'Demo iPhone', exact: true })).toHaveAttribute('aria-pressed', 'true')
  await expect(deleted).toHaveAttribute('data-active', 'false')

  // Another token typed by hand: no saved device is selected any more.
  await token.fill(OTHER_TOKEN)
  await expect(page.locator('[data-testid="device-row"][data-active="true"]')).toHaveCount(0)
  await expect(iphone.getByRole('button', { name: 'Demo iPhone', exact: true })).toHaveAttribute('aria-pressed', 'false')

  // Pasting a saved device's token, in another spelling, selects that device.
  const deletedToken = (await deleted.locator('.token-cell').innerText()).trim()
  await token.fill(`<${deletedToken.toUpperCase()}>`)
  await expect(deleted).toHaveAttribute('data-active', 'true')
  await expect(page.locator('[data-testid="device-row"][data-active="true"]')).toHaveCount(1)

  await iphone.getByRole('button', { name: 'Demo iPhone', exact: true }).click()
  await expect(iphone).toHaveAttribute('data-active', 'true')
  await expect(deleted).toHaveAttribute('data-active', 'false')
})

test('a save refusal goes away once the name or token changes or another device is picked', async ({ pushdeck: page }) => {
  const error = page.getByTestId('save-device-error')
  // The demo device's own token is saved already.
  await page.getByTestId('save-device').click()
  await expect(error).toContainText('already saved as "Demo iPhone"')
  await page.getByTestId('save-device-name').fill('My phone')
  await expect(error).toHaveCount(0)

  await page.getByTestId('save-device').click()
  await expect(error).toContainText('already saved')
  await page.getByTestId('device-token').fill(OTHER_TOKEN)
  await expect(error).toHaveCount(0)

  await page.getByTestId('device-row').filter({ hasText: /^Demo iPhone(?! \()/ }).getByRole('button', { name: 'Demo iPhone', exact: true }).click()
  await page.getByTestId('save-device').click()
  await expect(error).toContainText('already saved')
  await page.getByTestId('device-row').filter({ hasText: 'app deleted' }).getByRole('button', { name: 'Demo iPhone (app deleted)', exact: true }).click()
  await expect(error).toHaveCount(0)

  // A new token saves, under the name typed, and its row is the selected one.
  await page.getByTestId('device-token').fill(OTHER_TOKEN)
  await page.getByTestId('save-device-name').fill('QA iPhone 15')
  await page.getByTestId('save-device').click()
  const saved = page.getByTestId('device-row').filter({ hasText: 'QA iPhone 15' })
  await expect(saved).toHaveAttribute('data-active', 'true')
  await expect(page.getByTestId('save-device-name')).toHaveValue('')
})

test('"Save as device" sits under the environment it saves', async ({ pushdeck: page }) => {
  const environment = (await page.getByTestId('environment-select').boundingBox())!
  const save = (await page.getByTestId('save-device').boundingBox())!
  const pushType = (await page.getByTestId('push-type-select').boundingBox())!
  expect(save.y).toBeGreaterThan(environment.y + environment.height)
  expect(save.y).toBeLessThan(pushType.y)
})

test('Delete in the device editor names its device, and deleting asks first', async ({ pushdeck: page }) => {
  await page.getByRole('button', { name: 'Edit Demo iPhone (app deleted)', exact: true }).click()
  const editor = page.getByTestId('device-editor')
  await expect(editor.getByRole('button', { name: 'Delete Demo iPhone (app deleted)', exact: true })).toHaveCount(1)
  await editor.getByRole('button', { name: 'Delete Demo iPhone (app deleted)', exact: true }).click()
  const confirm = editor.getByRole('group', { name: 'Confirm: Delete Demo iPhone (app deleted)' })
  await expect(confirm).toBeVisible()
  await expect(confirm.getByRole('button', { name: 'Delete Demo iPhone (app deleted)' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(editor).toHaveCount(0)
  await expect(page.getByTestId('device-row')).toHaveCount(1)
  await expect(page.getByTestId('device-row')).toContainText('Demo iPhone')
})
