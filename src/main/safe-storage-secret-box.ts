import { safeStorage } from 'electron'
import type { SecretBox } from '../core/ports'

/** Keys are sealed with the OS keychain through safeStorage; without it nothing is saved. */
export const safeStorageSecretBox: SecretBox = {
  isAvailable: () => safeStorage.isEncryptionAvailable(),
  encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
  decrypt: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64'))
}
