import { expect, test } from './fixtures'

test('C-07: a saved Local emulator device sent to Sandbox warns of BadDeviceToken, and one click switches back', async ({ pushdeck: page }) => {
  await page.getByTestId('demo-setup').click()
  await page.getByTestId('device-row').filter({ hasText: 'Demo iPhone' }).first().getByRole('button', { name: 'Demo iPhone', exact: true }).click()
  await expect(page.getByTestId('environment-select')).toHaveValue('emulator')
  const mismatch = page.locator('[data-finding-id="environment.device-mismatch"]')
  await expect(mismatch).toHaveCount(0)

  await page.getByTestId('environment-select').selectOption('sandbox')
  await expect(mismatch).toHaveAttribute('data-severity', 'warning')
  await expect(mismatch).toContainText('"Demo iPhone" was saved as a Local emulator device')
  await expect(mismatch.getByTestId('finding-action')).toHaveText('Use Local emulator')

  await mismatch.getByTestId('finding-action').click()
  await expect(page.getByTestId('environment-select')).toHaveValue('emulator')
  await expect(mismatch).toHaveCount(0)
})
