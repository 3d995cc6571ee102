import { mkdirSync, copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from './fixtures'

function bracketed(token: string): string {
  return `<${token.match(/.{8}/g)!.join(' ')}>`
}

test('a newcomer sets up the demo, pastes a bracketed token and gets a real 200, then a 410 for a deleted app', async ({ pushdeck: page, app }) => {
  await expect(page.getByTestId('demo-banner')).toBeVisible()
  await page.getByTestId('demo-setup').click()
  await expect(page.getByTestId('demo-banner')).toBeHidden()
  await expect(page.getByTestId('credential-select')).toContainText('Demo key')
  await expect(page.getByTestId('environment-select')).toHaveValue('emulator')

  const devices = await app.router['devices:list'](undefined)
  if (!devices.ok) throw new Error(devices.error.message)
  const active = devices.value.find((d) => d.name === 'Demo iPhone')!
  await page.getByTestId('device-token').fill(bracketed(active.token))
  await page.getByTestId('bundle-id').fill('dev.pushdeck.demo')
  await expect(page.getByTestId('token-note')).toContainText(active.token)

  await page.getByTestId('send-button').click()
  await expect(page.getByTestId('result-status')).toHaveText(/200/)
  // The emulator is not APNs, and no device is involved: the result says who accepted it, and
  // nothing about a device showing it.
  await expect(page.getByTestId('result-outcome')).toHaveText('Accepted by the local emulator')
  await expect(page.getByTestId('result')).not.toContainText('Accepted by APNs')
  await expect(page.getByTestId('result-accepted-note')).toHaveCount(0)
  await expect(page.getByTestId('result')).not.toContainText('not that the device showed it')
  const apnsId = (await page.getByTestId('result-apns-id').innerText()).trim()
  expect(apnsId).toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/)
  await expect(page.getByTestId('result-apns-unique-id')).toContainText(/[0-9a-f-]{36}/)

  // The emulator verified the JWT and saw the normalised token, the exact body and the id shown.
  const received = await app.emulator.requests()
  expect(received).toHaveLength(1)
  expect(received[0]!.status).toBe(200)
  expect(received[0]!.path).toBe(`/3/device/${active.token}`)
  expect(received[0]!.apnsId).toBe(apnsId.match(/[0-9a-f-]{36}/)![0])
  expect(received[0]!.body).toBe(JSON.stringify(JSON.parse(await page.getByTestId('result-body').innerText())))

  await page.screenshot({ path: join('test-results', 'pushdeck.png') })
  if (process.env.PUSHDECK_UPDATE_SCREENSHOT) {
    mkdirSync('docs', { recursive: true })
    copyFileSync(join('test-results', 'pushdeck.png'), join('docs', 'screenshot.png'))
  }

  await page.getByTestId('device-row').filter({ hasText: 'app deleted' }).click()
  await page.getByTestId('send-button').click()
  await expect(page.getByTestId('result-status')).toHaveText(/410/)
  await expect(page.getByTestId('result-reason')).toHaveText(/Unregistered/)
  await expect(page.getByTestId('result-explanation')).toContainText('no longer active')
  await expect(page.getByTestId('result-unregistered-at')).toContainText(/\d{4}-\d{2}-\d{2}T/)
  // The saved device is marked, not deleted (C-23).
  await expect(page.getByTestId('device-row').filter({ hasText: 'app deleted' })).toContainText(/unregistered since/i)
  // Its token now carries the warning, once, under the token field.
  const unregistered = page.locator('[data-finding-id="device.unregistered"]')
  await expect(unregistered).toHaveCount(1)
  await expect(page.getByTestId('token-findings').locator('[data-finding-id="device.unregistered"]')).toHaveAttribute('data-severity', 'warning')
  await expect(unregistered).toContainText('"Demo iPhone (app deleted)" is unregistered')
})
