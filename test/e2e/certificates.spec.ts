import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { makePushCertificate } from '../support/push-certificates'
import { makeTempDir } from '../support/temp-dir'
import { addCertificate, addGeneratedCertificate, p12File } from './certificate-helpers'
import { expect, test } from './fixtures'

const TOKEN = '0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0'
const DAY_MS = 24 * 3600 * 1000

test('a .p12 push certificate is added through the form and sends to the local emulator over certificate auth', async ({ pushdeck: page, app }) => {
  const file = p12File('secret')
  try {
    await addCertificate(page, file.path, 'secret', 'Push demo certificate')
  } finally {
    file.remove()
  }

  await expect(page.getByTestId('credential-select')).toContainText('Push demo certificate')
  const details = page.getByTestId('credential-details')
  await expect(details.getByTestId('cert-bundle-id')).toHaveText('com.example.pushdemo')
  await expect(details.getByTestId('cert-subject')).toContainText('Apple Push Services: com.example.pushdemo')
  await expect(details.getByTestId('cert-topic')).toHaveCount(1)
  await expect(details.getByTestId('cert-topic').first()).toContainText('com.example.pushdemo')
  await expect(details.getByTestId('cert-environments')).toContainText('Sandbox')
  await expect(details.getByTestId('cert-environments')).toContainText('Production')
  await expect(details.getByTestId('cert-fingerprint')).toHaveText(/^([0-9A-F]{2}[: ]?){20}$/i)
  await expect(details.getByTestId('cert-valid-until')).not.toContainText('(')
  // The empty bundle ID was filled from the certificate, and the passphrase left the window with the form.
  await expect(page.getByTestId('bundle-id')).toHaveValue('com.example.pushdemo')
  await expect(page.getByTestId('cert-passphrase')).toHaveCount(0)
  expect(await page.content()).not.toContain('secret')

  await page.getByTestId('environment-select').selectOption('emulator')
  await page.getByTestId('device-token').fill(TOKEN)
  await expect(page.getByTestId('send-button')).toBeEnabled()
  await page.getByTestId('send-button').click()
  await expect(page.getByTestId('result-status')).toHaveText('200')
  await expect(page.getByTestId('result-outcome')).toContainText('Accepted')

  await page.getByTestId('emulator-inbox-open').click()
  const row = page.getByTestId('emulator-inbox').getByTestId('inbox-row').first()
  await expect(row).toHaveAttribute('data-auth-mode', 'certificate')
  await expect(row.getByTestId('inbox-auth-mode')).toHaveText('certificate')
  await expect(row.getByTestId('inbox-status-tag')).toHaveText('200')
  await row.locator('summary').click()
  await expect(row.getByTestId('inbox-certificate')).toContainText('com.example.pushdemo')
  await expect(row.getByTestId('inbox-path')).toHaveText(`/3/device/${TOKEN}`)
  await page.screenshot({ path: join('test-results', 'certificate-inbox.png') })

  const received = await app.emulator.requests()
  expect(received.map((r) => [r.authMode, r.status])).toEqual([['certificate', 200]])
})

test('a wrong passphrase is named with its fix, and nothing is saved', async ({ pushdeck: page, app }) => {
  const file = p12File('secret')
  try {
    await addCertificate(page, file.path, 'not the passphrase')
  } finally {
    file.remove()
  }
  const error = page.getByTestId('add-cert-error')
  await expect(error).toContainText('The passphrase does not open Certificates.p12')
  await expect(error).toContainText('case-sensitive')
  // The form stays open with the file, ready for another try.
  await expect(page.getByTestId('cert-drop')).toContainText('Certificates.p12')
  await expect(page.getByTestId('credential-select')).toContainText('No credentials yet')
  expect(await app.router['credentials:list'](undefined)).toEqual({ ok: true, value: [] })
})

test('C-08: the certificate topics are offered beside the bundle ID, and a topic it does not allow has a one-click fix', async ({ pushdeck: page }) => {
  const file = p12File('secret', { extraTopics: [['com.example.pushdemo.voip', ['voip']]] })
  try {
    await addCertificate(page, file.path, 'secret')
  } finally {
    file.remove()
  }
  await expect(page.getByTestId('credential-details').getByTestId('cert-topic')).toHaveCount(2)
  await expect(page.getByTestId('credential-details').getByTestId('cert-topic').nth(1)).toContainText('voip')

  await page.getByTestId('bundle-id').fill('com.other.app')
  const finding = page.locator('[data-finding-id="topic.not-in-certificate"]')
  await expect(finding).toHaveAttribute('data-severity', 'error')
  await expect(page.getByTestId('send-button')).toBeDisabled()
  await finding.getByTestId('finding-action').click()
  await expect(page.getByTestId('bundle-id')).toHaveValue('com.example.pushdemo')
  await expect(finding).toHaveCount(0)

  await page.getByTestId('cert-topic-select').selectOption('com.example.pushdemo.voip')
  await expect(page.getByTestId('bundle-id')).toHaveValue('com.example.pushdemo.voip')
  await page.getByTestId('push-type-select').selectOption('voip')
  await expect(page.getByTestId('apns-topic')).toHaveText('com.example.pushdemo.voip')
  await expect(page.getByTestId('push-type-guidance')).toContainText('5120 bytes')
})

test('a Live Activity push over a certificate is refused before sending: token auth only', async ({ pushdeck: page }) => {
  const file = p12File('secret')
  try {
    await addCertificate(page, file.path, 'secret')
  } finally {
    file.remove()
  }
  await page.getByTestId('environment-select').selectOption('emulator')
  await page.getByTestId('device-token').fill(TOKEN)
  await expect(page.getByTestId('send-button')).toBeEnabled()

  await page.getByTestId('push-type-select').selectOption('liveactivity')
  await expect(page.getByTestId('push-type-guidance')).toContainText('token auth only')
  const finding = page.locator('[data-finding-id="pushType.needs-token-auth"]')
  await expect(finding).toHaveAttribute('data-severity', 'error')
  await expect(finding).toContainText('token (.p8) authentication')
  await expect(page.getByTestId('send-button')).toBeDisabled()
})

test('a certificate .pem alone is refused for its missing key; picking the key .pem next adds both', async ({ pushdeck: page }) => {
  const certificate = makePushCertificate()
  const dir = makeTempDir('pushdeck-pem-')
  try {
    writeFileSync(join(dir.path, 'aps_development.pem'), certificate.certPem)
    writeFileSync(join(dir.path, 'aps_key.pem'), certificate.keyPem)
    await page.getByTestId('add-cert-open').click()
    await page.getByTestId('cert-file').setInputFiles(join(dir.path, 'aps_development.pem'))
    await page.getByTestId('add-cert-submit').click()
    await expect(page.getByTestId('add-cert-error')).toContainText('The certificate came without its private key')
    await page.getByTestId('cert-file').setInputFiles(join(dir.path, 'aps_key.pem'))
    await expect(page.getByTestId('cert-drop')).toContainText('aps_development.pem')
    await expect(page.getByTestId('cert-drop')).toContainText('aps_key.pem')
    await page.getByTestId('add-cert-submit').click()
    await expect(page.getByTestId('credential-details').getByTestId('cert-bundle-id')).toHaveText('com.example.pushdemo')
  } finally {
    dir.remove()
  }
  // Labelled by its subject, the list shows what matters first: the app and its environments.
  await expect(page.getByTestId('credential-select').locator('option:checked')).toHaveText('com.example.pushdemo · cert')
})

test('a certificate and its key dropped together on the drop zone are added', async ({ pushdeck: page }) => {
  const certificate = makePushCertificate({ bundleId: 'com.example.dropped', environments: ['sandbox'] })
  await page.getByTestId('add-cert-open').click()
  const dataTransfer = await page.evaluateHandle(([cert, key]) => {
    const transfer = new DataTransfer()
    transfer.items.add(new File([cert!], 'cert.pem'))
    transfer.items.add(new File([key!], 'key.pem'))
    return transfer
  }, [certificate.certPem, certificate.keyPem])
  await page.getByTestId('cert-drop').dispatchEvent('drop', { dataTransfer })
  await expect(page.getByTestId('cert-drop')).toContainText('cert.pem')
  await expect(page.getByTestId('cert-drop')).toContainText('key.pem')
  await page.getByTestId('add-cert-submit').click()
  const details = page.getByTestId('credential-details')
  await expect(details.getByTestId('cert-bundle-id')).toHaveText('com.example.dropped')
  await expect(details.getByTestId('cert-environments')).toHaveText('Sandbox (development)')
  await expect(page.getByTestId('bundle-id')).toHaveValue('com.example.dropped')
  // A sandbox-only certificate sent to production is refused before sending, with a one-click switch.
  await page.getByTestId('environment-select').selectOption('production')
  const finding = page.locator('[data-finding-id="credential.certificate-environment"]')
  await expect(finding).toHaveAttribute('data-severity', 'error')
  await finding.getByTestId('finding-action').click()
  await expect(page.getByTestId('environment-select')).toHaveValue('sandbox')
})

test('a certificate that expires soon, and later has expired, is marked in the "Sign with" list itself', async ({ pushdeck: page }) => {
  await page.getByTestId('demo-setup').click()
  // An hour short of ten days, so "10 days" holds whatever second the window's clock last ticked.
  await addGeneratedCertificate(page, 'secret', { notAfter: new Date(Date.now() + 10 * DAY_MS - 3600_000) })
  const select = page.getByTestId('credential-select')
  await expect(select.locator('option:checked')).toHaveText('Expires in 10 days: com.example.pushdemo · cert')
  await expect(select.locator('option', { hasText: 'Demo key' })).toHaveText('Demo key (local emulator only)')
  await expect(page.getByTestId('cert-valid-until')).toContainText('(in 10 days)')
  // What it means for this push is said once, in the Checks list.
  await expect(page.locator('[data-finding-id="credential.certificate-expires-soon"]')).toHaveCount(1)
  await expect(page.getByTestId('findings').locator('[data-finding-id="credential.certificate-expires-soon"]')).toHaveAttribute('data-severity', 'warning')

  // Eleven days on, the same list says it has expired, and the push is blocked.
  await page.clock.install({ time: new Date(Date.now() + 11 * DAY_MS) })
  await page.reload()
  await select.selectOption({ label: 'Expired: com.example.pushdemo · cert' })
  await expect(page.getByTestId('cert-valid-until')).toContainText('(expired)')
  await expect(page.getByTestId('findings').locator('[data-finding-id="credential.certificate-expired"]')).toHaveAttribute('data-severity', 'error')
  await expect(page.getByTestId('send-button')).toBeDisabled()
})
