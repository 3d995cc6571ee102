import { expect, test } from './fixtures'

test('⌘↩ sends from anywhere, the payload editor included, without adding a line to the payload', async ({ pushdeck: page, app }) => {
  await page.getByTestId('demo-setup').click()
  const editor = page.getByTestId('payload-editor').locator('.cm-content')
  const payload = await editor.textContent()
  await editor.click()
  await page.keyboard.press('ControlOrMeta+Enter')
  await expect(page.getByTestId('result-status')).toHaveText('200')
  await expect(editor).toHaveText(payload!)
  expect(await app.emulator.requests()).toHaveLength(1)

  // From a plain field too, and the Send item of the application menu does the same.
  await page.getByTestId('bundle-id').focus()
  await page.keyboard.press('ControlOrMeta+Enter')
  await expect(page.getByTestId('emulator-inbox-open')).toContainText('2')
  app.events.emit('menu:command', { command: 'send' })
  await expect(page.getByTestId('emulator-inbox-open')).toContainText('3')
})

test('⌘↩ with a required field empty sends nothing and says what is missing, as Send does', async ({ pushdeck: page, app }) => {
  await page.getByTestId('bundle-id').focus()
  await page.keyboard.press('ControlOrMeta+Enter')
  await expect(page.getByTestId('send-button')).toHaveAttribute('aria-disabled', 'true')
  await expect(page.getByTestId('result')).toContainText('Send a push to see')
  expect(await app.emulator.requests()).toHaveLength(0)
})
