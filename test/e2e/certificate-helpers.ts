import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { makeP12, makePushCertificate, type PushCertificateOptions } from '../support/push-certificates'
import { makeTempDir } from '../support/temp-dir'
import { expect } from './fixtures'

/** An Apple-like push certificate exported as a .p12 file, as Keychain Access writes one. */
export function p12File(passphrase: string, options: PushCertificateOptions = {}): { path: string; remove: () => void } {
  const dir = makeTempDir('pushdeck-cert-')
  const path = join(dir.path, 'Certificates.p12')
  writeFileSync(path, makeP12(makePushCertificate(options), passphrase))
  return { path, remove: dir.remove }
}

/** Adds a certificate file through the "Add certificate" form. */
export async function addCertificate(page: Page, file: string, passphrase: string, label = ''): Promise<void> {
  await page.getByTestId('add-cert-open').click()
  if (label) await page.getByTestId('cert-label').fill(label)
  await page.getByTestId('cert-file').setInputFiles(file)
  await expect(page.getByTestId('cert-drop')).toContainText('Certificates.p12')
  await page.getByTestId('cert-passphrase').fill(passphrase)
  await page.getByTestId('add-cert-submit').click()
}

/** Makes a .p12, adds it through the form, and removes the file again. */
export async function addGeneratedCertificate(page: Page, passphrase: string, options: PushCertificateOptions = {}, label = ''): Promise<void> {
  const file = p12File(passphrase, options)
  try {
    await addCertificate(page, file.path, passphrase, label)
  } finally {
    file.remove()
  }
}
