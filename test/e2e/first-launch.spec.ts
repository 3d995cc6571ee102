import { expect, test } from './fixtures'

test('first launch opens without red errors: what is missing is one neutral line until a field is edited or Send is pressed', async ({ pushdeck: page }) => {
  const errors = page.locator('[data-testid="finding"][data-severity="error"]')
  const send = page.getByTestId('send-button')
  await expect(page.getByTestId('demo-banner')).toBeVisible()
  await expect(page.getByTestId('send-pending')).toHaveText('To send, add: a credential, a device token, a topic')
  await expect(errors).toHaveCount(0)
  await expect(page.getByTestId('send-blocked')).toHaveCount(0)
  await expect(send).toBeDisabled()

  // A real problem in a typed value is red at once.
  const token = page.getByTestId('device-token')
  await token.fill('zz12')
  await expect(page.getByTestId('token-findings').locator('[data-finding-id="token.not-hex"]')).toHaveAttribute('data-severity', 'error')
  await expect(page.getByTestId('send-pending')).toHaveText('To send, add: a credential, a topic')
  await expect(page.getByTestId('send-blocked')).toHaveText('1 problem blocks sending')

  // A field the user emptied again says so in red.
  await token.fill('')
  await expect(page.getByTestId('token-findings').locator('[data-finding-id="token.empty"]')).toHaveAttribute('data-severity', 'error')
  await expect(errors).toHaveCount(1)

  // Pressing Send turns the rest into errors, each where it belongs; nothing is sent.
  await send.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('topic-findings').locator('[data-finding-id="topic.missing"]')).toHaveAttribute('data-severity', 'error')
  await expect(page.getByTestId('findings').locator('[data-finding-id="credential.missing"]')).toHaveAttribute('data-severity', 'error')
  await expect(errors).toHaveCount(3)
  await expect(page.getByTestId('send-pending')).toHaveCount(0)
  await expect(page.getByTestId('send-blocked')).toHaveText('3 problems block sending')
  await expect(send).toBeDisabled()
  await expect(page.getByTestId('result')).toContainText('Send a push to see')
})

test('Set up demo leaves the keyboard in the token field, ready for the first push', async ({ pushdeck: page }) => {
  await page.getByTestId('demo-setup').focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('demo-banner')).toBeHidden()
  await expect(page.getByTestId('device-token')).toBeFocused()
  await expect(page.getByTestId('send-pending')).toHaveCount(0)
  await expect(page.getByTestId('send-button')).toBeEnabled()
})

test('after dismissing the banner, the demo is still one small link away in the credentials section', async ({ pushdeck: page }) => {
  await expect(page.getByTestId('demo-setup-link')).toHaveCount(0)
  await page.getByTestId('demo-dismiss').click()
  await expect(page.getByTestId('demo-banner')).toBeHidden()
  const link = page.getByRole('button', { name: 'Set up the demo' })
  await expect(link).toBeVisible()
  await link.click()
  await expect(page.getByTestId('credential-select')).toContainText('Demo key')
  await expect(page.getByTestId('environment-select')).toHaveValue('emulator')
  await expect(page.getByTestId('device-token')).toBeFocused()
  await expect(link).toHaveCount(0)

  // Removing the demo key brings the link back; the banner was for first launch only.
  await page.getByRole('button', { name: 'Remove Demo key (local emulator only)' }).click()
  await page.getByRole('button', { name: 'Remove Demo key (local emulator only)' }).click()
  await expect(page.getByTestId('credential-select')).toContainText('No credentials yet')
  await expect(link).toBeVisible()
  await expect(page.getByTestId('demo-banner')).toHaveCount(0)
})
