import { readFileSync } from 'node:fs'
import { expect, test } from './fixtures'
import { seedDevice, value } from './library-helpers'

test('the library is exported, then imported back with one conflict where the imported version replaces ours', async ({ pushdeck: page, app }) => {
  const device = await seedDevice(app, { name: 'Pixel QA', tags: ['qa'] })
  await page.reload()
  const download = page.waitForEvent('download')
  await page.getByTestId('library-export').click()
  const file = await download
  expect(file.suggestedFilename()).toBe('pushdeck-library.json')
  const text = readFileSync((await file.path())!, 'utf8')
  expect(JSON.parse(text)).toMatchObject({ format: 'pushdeck-library', devices: [{ name: 'Pixel QA', token: device.token }] })

  // Meanwhile ours changed; and a second device exists only in the file.
  value(await app.router['devices:update']({ id: device.id, patch: { name: 'Pixel renamed here' } }))
  const bundle = JSON.parse(text) as { devices: unknown[] }
  bundle.devices.push({ name: 'New in file', token: 'ab'.repeat(32), bundleId: 'com.example.pushdemo', environment: 'sandbox' })
  await page.getByTestId('library-import-file').setInputFiles({ name: 'pushdeck-library.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bundle)) })

  const dialog = page.getByTestId('import-dialog')
  await expect(dialog.getByTestId('import-added')).toContainText('Will add 1 device')
  const conflict = dialog.getByTestId('import-conflict')
  await expect(conflict).toHaveCount(1)
  await expect(conflict).toContainText('Pixel renamed here')
  await expect(conflict.getByRole('row', { name: /name/ })).toContainText('Pixel renamed here')
  await expect(conflict.getByRole('row', { name: /name/ })).toContainText('Pixel QA')
  const replace = conflict.getByRole('checkbox', { name: 'Replace with imported' })
  await expect(replace).not.toBeChecked()
  await replace.check()
  await dialog.getByTestId('import-apply').click()
  await expect(dialog.getByTestId('import-outcome')).toContainText('Added 1 device, 0 accounts and 0 templates; replaced 1; kept ours for 0.')
  await dialog.getByTestId('import-done').click()
  await expect(dialog).toHaveCount(0)
  await expect(page.getByTestId('device-row').filter({ hasText: 'Pixel QA' })).toHaveCount(1)
  await expect(page.getByTestId('device-row').filter({ hasText: 'New in file' })).toHaveCount(1)
  expect(value(await app.router['devices:list'](undefined)).map((d) => d.name).sort()).toEqual(['New in file', 'Pixel QA'])
})

test('a file that is not a library export is refused with main’s reason', async ({ pushdeck: page }) => {
  await page.getByTestId('library-import-file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') })
  await expect(page.getByTestId('library-error')).toContainText('not a Pushdeck library export')
  await expect(page.getByTestId('import-dialog')).toHaveCount(0)
})

test('a profile switches credential, bundle ID and environment in one click, and the active one is applied at start', async ({ pushdeck: page, app }) => {
  await page.getByTestId('demo-setup').click()
  await expect(page.getByTestId('environment-select')).toHaveValue('emulator')
  const demoKey = value(await app.router['credentials:list'](undefined))[0]!

  // Save what compose holds as a profile.
  await page.getByTestId('profile-button').click()
  await page.getByTestId('profile-save-open').click()
  await page.getByTestId('profile-label').fill('Demo · emulator')
  await page.getByTestId('profile-save').click()
  await expect(page.getByTestId('profile-button')).toHaveText('Profile: Demo · emulator ▾')

  value(await app.router['profiles:save']({ label: 'Acme · sandbox', credentialId: demoKey.id, bundleId: 'com.acme.app', environment: 'sandbox' }))
  await page.getByTestId('profile-button').click()
  await page.getByTestId('profile-choose').filter({ hasText: 'Acme · sandbox' }).click()
  await expect(page.getByTestId('profile-menu')).toHaveCount(0)
  await expect(page.getByTestId('profile-button')).toHaveText('Profile: Acme · sandbox ▾')
  await expect(page.getByTestId('bundle-id')).toHaveValue('com.acme.app')
  await expect(page.getByTestId('environment-select')).toHaveValue('sandbox')
  await expect(page.getByTestId('credential-select')).toHaveValue(demoKey.id)
  expect(value(await app.router['profiles:list'](undefined)).activeId).not.toBeNull()

  await page.reload()
  await expect(page.getByTestId('profile-button')).toHaveText('Profile: Acme · sandbox ▾')
  await expect(page.getByTestId('bundle-id')).toHaveValue('com.acme.app')
  await expect(page.getByTestId('environment-select')).toHaveValue('sandbox')

  // Escape closes the list and gives focus back to the button.
  await page.getByTestId('profile-button').click()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('profile-menu')).toHaveCount(0)
  await expect(page.getByTestId('profile-button')).toBeFocused()
})

test('Copy as curl puts the command on the clipboard and warns that it holds a signed provider token', async ({ pushdeck: page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.getByTestId('demo-setup').click()
  await page.getByTestId('curl-button').click()
  await expect(page.getByTestId('curl-warning')).toContainText('Contains a secret.')
  await expect(page.getByTestId('curl-warning')).toContainText('signed with your key')
  await expect(page.getByTestId('curl-copied')).toBeVisible()
  const command = await page.evaluate(() => navigator.clipboard.readText())
  expect(command).toMatch(/^curl --http2/)
  expect(command).toContain('authorization: bearer ')
  expect(command).toContain('/3/device/')
  expect(command).toContain("--header 'apns-push-type: alert'")
})

test('without clipboard access the curl command is shown to copy by hand', async ({ pushdeck: page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } })
  })
  await page.reload()
  await page.getByTestId('demo-setup').click()
  await page.getByTestId('curl-button').click()
  await expect(page.getByTestId('curl-warning')).toContainText('Contains a secret.')
  await expect(page.getByTestId('curl-command')).toHaveValue(/^curl --http2[\s\S]*authorization: bearer /)
})
