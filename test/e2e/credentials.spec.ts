import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './fixtures'

function p256Pem(): string {
  return generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
}

test('C-15: a pasted key without its header lines is repaired and saved; the key never comes back to the window', async ({ pushdeck: page, app }) => {
  const pem = p256Pem()
  const body = pem.split('\n').filter((l) => l && !l.startsWith('-----')).join('')
  await page.getByTestId('add-key-open').click()
  await page.getByTestId('key-label').fill('Acme team key')
  await page.getByTestId('key-id').fill('key1234567')
  await page.getByTestId('team-id').fill('TEAM123456')
  await page.getByTestId('key-text').fill(body)
  await page.getByTestId('add-key-submit').click()

  await expect(page.getByTestId('credential-select')).toContainText('Acme team key')
  await expect(page.getByTestId('credential-details')).toContainText('KEY1234567')
  await expect(page.getByTestId('key-text')).toBeHidden()
  expect(await page.content()).not.toContain(body.slice(0, 40))
  const listed = await app.router['credentials:list'](undefined)
  expect(listed.ok && listed.value.map((c) => c.label)).toEqual(['Acme team key'])
})

test('C-16: a certificate pasted as a token key is named, and nothing is saved', async ({ pushdeck: page, app }) => {
  await page.getByTestId('add-key-open').click()
  await page.getByTestId('key-id').fill('KEY1234567')
  await page.getByTestId('team-id').fill('TEAM123456')
  await page.getByTestId('key-text').fill('-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ2\n-----END CERTIFICATE-----\n')
  await page.getByTestId('add-key-submit').click()
  await expect(page.getByTestId('add-key-error')).toContainText('This is a certificate, not a token key')
  await expect(page.getByTestId('add-key-error')).toContainText('Keys')
  expect(await app.router['credentials:list'](undefined)).toEqual({ ok: true, value: [] })
})

test('C-17: the Key ID is taken from an AuthKey_ file name picked from disk', async ({ pushdeck: page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'pushdeck-key-'))
  const file = join(dir, 'AuthKey_ABCDE12345.p8')
  writeFileSync(file, p256Pem())
  await page.getByTestId('add-key-open').click()
  await page.getByTestId('key-file').setInputFiles(file)
  await expect(page.getByTestId('key-id')).toHaveValue('ABCDE12345')
  await page.getByTestId('team-id').fill('TEAM123456')
  await page.getByTestId('add-key-submit').click()
  await expect(page.getByTestId('credential-details')).toContainText('ABCDE12345')
})

test('an unlabelled key is listed by the label main gives it, each ID once; the Key ID tells two such keys apart', async ({ pushdeck: page }) => {
  const select = page.getByTestId('credential-select')
  for (const keyId of ['KEY1234567', 'KEY7654321']) {
    await page.getByTestId('add-key-open').click()
    await page.getByTestId('key-id').fill(keyId)
    await page.getByTestId('team-id').fill('TEAM123456')
    await page.getByTestId('key-text').fill(p256Pem())
    await page.getByTestId('add-key-submit').click()
    await expect(page.getByTestId('credential-details')).toContainText(keyId)
    if (keyId === 'KEY1234567') await expect(select.locator('option:checked')).toHaveText('Team TEAM123456 key')
  }
  // Same label twice: each names its Key ID once, and the Team ID, in the label, is not repeated.
  await expect(select.locator('option')).toHaveText(['Team TEAM123456 key · KEY1234567', 'Team TEAM123456 key · KEY7654321'])
  // The first-launch banner is gone with the first credential; the demo stays one link away.
  await expect(page.getByTestId('demo-banner')).toHaveCount(0)
  await expect(page.getByTestId('demo-setup-link')).toBeVisible()
})
