import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { seedDevice, value } from './library-helpers'

/** ⌘K on a Mac, Ctrl+K elsewhere, with focus wherever it is. */
const openSwitcher = (page: Page) => page.keyboard.press('ControlOrMeta+K')

test('⌘K finds a device by a fuzzy query; arrows move, Enter puts it in compose and focus goes back', async ({ pushdeck: page, app }) => {
  await seedDevice(app, { name: 'Kitchen iPad', bundleId: 'com.example.kitchen', environment: 'production' })
  const phone = await seedDevice(app, { name: 'Kitchen iPhone', bundleId: 'com.example.phone', environment: 'sandbox' })
  await seedDevice(app, { name: 'Office Mac', bundleId: 'com.example.office' })
  await page.reload()
  await page.getByTestId('bundle-id').focus()

  await openSwitcher(page)
  const input = page.getByTestId('quick-switcher-input')
  await expect(input).toBeFocused()
  await input.pressSequentially('kitch')
  const options = page.getByTestId('quick-switcher-option')
  await expect(options).toHaveCount(2)
  await expect(options.first()).toHaveAttribute('aria-selected', 'true')
  // Letters in order are enough: a fuzzy match, closest first.
  await input.fill('kiphone')
  await expect(options.first()).toContainText('Kitchen iPhone')
  await input.fill('kitch')
  // Equal matches: the shorter name is the closer one.
  await expect(options.nth(0)).toContainText('Kitchen iPad')
  await expect(options.nth(1)).toContainText('Kitchen iPhone')
  await page.keyboard.press('ArrowDown')
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true')
  await expect(input).toHaveAttribute('aria-activedescendant', (await options.nth(1).getAttribute('id'))!)
  // The highlight wraps around both ways.
  await page.keyboard.press('ArrowDown')
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('ArrowUp')
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Enter')

  await expect(page.getByTestId('quick-switcher')).toHaveCount(0)
  await expect(page.getByTestId('device-token')).toHaveValue(phone.token)
  await expect(page.getByTestId('bundle-id')).toHaveValue(phone.bundleId)
  await expect(page.getByTestId('environment-select')).toHaveValue(phone.environment)
  await expect(page.getByTestId('bundle-id')).toBeFocused()
})

test('⌘K loads a template into compose, and makes a credential profile the active one', async ({ pushdeck: page, app }) => {
  await page.getByTestId('demo-setup').click()
  const demoKey = value(await app.router['credentials:list'](undefined))[0]!
  value(await app.router['profiles:save']({ label: 'Acme · production', credentialId: demoKey.id, bundleId: 'com.acme.app', environment: 'production' }))
  const template = value(await app.router['templates:list'](undefined)).find((t) => t.name.startsWith('Alert'))!
  await page.reload()

  await openSwitcher(page)
  await page.getByTestId('quick-switcher-input').fill(template.name)
  await expect(page.getByTestId('quick-switcher-option').first()).toContainText(template.name)
  await expect(page.getByTestId('variable-title')).toHaveCount(0)
  await page.keyboard.press('Enter')
  // Compose holds the template now: its variables, with their defaults, and its payload.
  await expect(page.getByTestId('variable-title')).toHaveValue('Hello')
  await expect(page.getByTestId('payload-editor')).toContainText('{{title}}')
  await page.getByTestId('library-tab-templates').click()
  await expect(page.getByTestId('loaded-template')).toContainText(template.name)

  await openSwitcher(page)
  await page.getByTestId('quick-switcher-input').fill('acme')
  await expect(page.getByTestId('quick-switcher-option').first()).toContainText('Profile')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('profile-button')).toHaveText('Profile: Acme · production ▾')
  await expect(page.getByTestId('bundle-id')).toHaveValue('com.acme.app')
  await expect(page.getByTestId('environment-select')).toHaveValue('production')
  expect(value(await app.router['profiles:list'](undefined)).activeId).not.toBeNull()
})

test('the quick switcher says when nothing matches, and Escape closes it without changing compose', async ({ pushdeck: page, app }) => {
  await seedDevice(app, { name: 'Kitchen iPad' })
  await page.reload()
  await openSwitcher(page)
  await page.getByTestId('quick-switcher-input').fill('zzzz')
  await expect(page.getByTestId('quick-switcher-option')).toHaveCount(0)
  await expect(page.getByTestId('quick-switcher-empty')).toHaveText('Nothing matches “zzzz”.')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('quick-switcher')).toHaveCount(0)
  await expect(page.getByTestId('device-token')).toHaveValue('')
})

test('the application menu’s Quick Switcher and Settings items open them through main’s events', async ({ pushdeck: page, app }) => {
  app.events.emit('menu:command', { command: 'quick-switcher' })
  await expect(page.getByTestId('quick-switcher-input')).toBeFocused()
  await page.keyboard.press('Escape')
  app.events.emit('menu:command', { command: 'settings' })
  await expect(page.getByTestId('settings-dialog')).toBeVisible()
})
