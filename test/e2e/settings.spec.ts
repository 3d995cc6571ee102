import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { value } from './library-helpers'

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor)
const LIGHT_BG = 'rgb(245, 245, 247)'
const DARK_BG = 'rgb(30, 30, 32)'

test('⌘, opens Settings; Dark and Light override the system’s appearance, Match the system follows it, and the choice is kept', async ({ pushdeck: page, app }) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await expect.poll(() => background(page)).toBe(LIGHT_BG)

  await page.keyboard.press('ControlOrMeta+,')
  const dialog = page.getByTestId('settings-dialog')
  await expect(dialog).toBeVisible()
  await expect(page.getByTestId('settings-theme-system')).toBeChecked()

  await page.getByTestId('settings-theme-dark').check()
  await expect.poll(() => background(page)).toBe(DARK_BG)
  await expect(page.getByTestId('settings-status')).toHaveText('Saved.')
  expect(value(await app.router['settings:get'](undefined)).theme).toBe('dark')

  await page.emulateMedia({ colorScheme: 'dark' })
  await page.getByTestId('settings-theme-light').check()
  await expect.poll(() => background(page)).toBe(LIGHT_BG)
  await page.getByTestId('settings-theme-system').check()
  await expect.poll(() => background(page)).toBe(DARK_BG)
  await page.emulateMedia({ colorScheme: 'light' })
  await expect.poll(() => background(page)).toBe(LIGHT_BG)

  await page.getByTestId('settings-theme-dark').check()
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await page.reload()
  await expect.poll(() => background(page)).toBe(DARK_BG)
})

test('the default environment is where compose starts, and the history size is saved for the history store', async ({ pushdeck: page, app }) => {
  await expect(page.getByTestId('environment-select')).toHaveValue('sandbox')
  await page.getByTestId('open-settings').click()
  await page.getByTestId('settings-default-environment').selectOption('production')
  await page.getByTestId('settings-history-limit').selectOption({ label: '1 GB' })
  await expect(page.getByTestId('settings-status')).toHaveText('Saved.')
  expect(value(await app.router['settings:get'](undefined))).toMatchObject({ defaultEnvironment: 'production', historyLimitMb: 1000 })

  await page.reload()
  await expect(page.getByTestId('environment-select')).toHaveValue('production')
})

test('Settings is reachable and usable from the keyboard alone, and gives focus back when it closes', async ({ pushdeck: page }) => {
  const opener = page.getByTestId('open-settings')
  await opener.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('settings-theme-system')).toBeFocused()
  // Arrow keys move through the radio group and choose, as in any native dialog.
  await page.keyboard.press('ArrowRight')
  await expect(page.getByTestId('settings-theme-light')).toBeChecked()
  await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('light')
  await page.keyboard.press('Escape')
  await expect(opener).toBeFocused()
})

test('the toolbar’s Quick switcher and Settings are reached with Tab and show a solid focus ring, in light and dark', async ({ pushdeck: page }) => {
  for (const theme of ['light', 'dark'] as const) {
    await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme)
    for (const testId of ['open-quick-switcher', 'open-settings']) {
      const target = page.getByTestId(testId)
      await target.focus()
      await page.keyboard.press('Shift+Tab')
      await page.keyboard.press('Tab')
      await expect(target).toBeFocused()
      const ring = await target.evaluate((el) => ({ style: getComputedStyle(el).outlineStyle, width: parseFloat(getComputedStyle(el).outlineWidth) }))
      expect(ring, `${testId} (${theme})`).toEqual({ style: 'solid', width: 2 })
    }
  }
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('settings-dialog')).toBeVisible()
})
