import { generateKeyPairSync } from 'node:crypto'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { addGeneratedCertificate } from './certificate-helpers'
import { contrastRatio, isOpaque } from './contrast'
import { expect, test } from './fixtures'
import { crampedSelects } from './layout'

/** Focus by keyboard (Shift+Tab, Tab), so :focus-visible applies as it does for a keyboard user. */
async function keyboardFocus(page: Page, target: Locator): Promise<void> {
  await target.focus()
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Tab')
  await expect(target).toBeFocused()
}

/** The colour behind an element: the first ancestor with an opaque background. */
async function backdrop(target: Locator): Promise<string> {
  return target.evaluate((el) => {
    for (let node: Element | null = el.parentElement; node; node = node.parentElement) {
      const color = getComputedStyle(node).backgroundColor
      if (color !== 'rgba(0, 0, 0, 0)' && !color.startsWith('rgba')) return color
    }
    return getComputedStyle(document.body).backgroundColor
  })
}

test('Space on Send sends and leaves focus on Send, also while it is unavailable during the send', async ({ pushdeck: page }) => {
  await page.getByTestId('demo-setup').click()
  const send = page.getByTestId('send-button')
  await keyboardFocus(page, send)
  await page.keyboard.press('Space')
  await expect(page.getByTestId('result-status')).toHaveText('200')
  await expect(send).toBeFocused()
  // Again from where focus is: no click needed between sends.
  await page.keyboard.press('Space')
  await expect(page.getByTestId('emulator-inbox-open')).toContainText('2')
  await expect(send).toBeFocused()
})

for (const scheme of ['light', 'dark'] as const) {
  test(`the focus ring is solid and clearly visible, and Send's text is readable (${scheme})`, async ({ pushdeck: page }) => {
    await page.emulateMedia({ colorScheme: scheme })
    await page.getByTestId('demo-setup').click()
    for (const testId of ['send-button', 'bundle-id', 'apns-id-generate']) {
      const target = page.getByTestId(testId)
      await keyboardFocus(page, target)
      const ring = await target.evaluate((el) => {
        const style = getComputedStyle(el)
        return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), color: style.outlineColor }
      })
      expect(ring.style, testId).toBe('solid')
      expect(ring.width, testId).toBeGreaterThanOrEqual(2)
      expect(isOpaque(ring.color), `${testId} ring colour ${ring.color}`).toBe(true)
      expect(contrastRatio(ring.color, await backdrop(target)), testId).toBeGreaterThanOrEqual(3)
    }
    await page.screenshot({ path: join('test-results', `focus-ring-${scheme}.png`) })

    const send = await page.getByTestId('send-button').evaluate((el) => ({ color: getComputedStyle(el).color, background: getComputedStyle(el).backgroundColor }))
    expect(contrastRatio(send.color, send.background)).toBeGreaterThanOrEqual(4.5)
  })
}

for (const [width, height] of [
  [1000, 700],
  [1360, 880]
] as const) {
  test(`no select cuts its options short at ${width}×${height}`, async ({ pushdeck: page }) => {
    await page.setViewportSize({ width, height })
    await expect(page.getByTestId('demo-banner')).toBeVisible()
    expect(await crampedSelects(page)).toEqual([])

    await page.getByTestId('demo-setup').click()
    // A real key with main's default label ("Team <TEAMID> key") sits in the same list.
    await page.getByTestId('add-key-open').click()
    await page.getByTestId('key-id').fill('KEY1234567')
    await page.getByTestId('team-id').fill('TEAM123456')
    await page.getByTestId('key-text').fill(generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())
    await page.getByTestId('add-key-submit').click()
    await expect(page.getByTestId('credential-select')).toContainText('Team TEAM123456 key')
    // And a push certificate labelled by its subject, as Keychain Access exports one.
    await addGeneratedCertificate(page, 'secret')
    await expect(page.getByTestId('credential-select')).toContainText('com.example.pushdemo')
    await page.getByTestId('expiration-mode').selectOption('relative')
    await page.getByTestId('emulator-inbox-open').click()
    await expect(page.getByTestId('fault-kind')).toBeVisible()
    expect(await crampedSelects(page)).toEqual([])
    await page.screenshot({ path: join('test-results', `selects-${width}x${height}.png`) })
  })
}
