import { createHash, createPublicKey, randomUUID, type KeyObject } from 'node:crypto'
import { appleIdProblem, normaliseAppleId } from '../../shared/credential-ids'
import type { CredentialSummary } from '../../shared/domain'
import { fail, ok, type Result } from '../../shared/result'
import type { StoredDocument } from '../persistence/document'
import type { SecretBox } from '../ports'
import type { StoredCredential } from './stored-credential'
import { parseTokenKey, type KeySource } from './token-key'

export interface AddTokenKeyInput {
  label: string
  keyId: string
  teamId: string
  key: KeySource
}

/** What the sender needs; stays in main. */
export interface TokenSigningKey {
  summary: CredentialSummary
  privateKeyPem: string
  /** Changes whenever the key changes, so a cached connection never outlives its key. */
  fingerprint: string
}

type ChangeListener = (credentialId: string) => void

export class CredentialService {
  private readonly listeners: ChangeListener[] = []

  constructor(
    private readonly document: StoredDocument<StoredCredential[]>,
    private readonly secrets: SecretBox,
    private readonly now: () => Date = () => new Date()
  ) {}

  list(): CredentialSummary[] {
    return this.document.read().map(toSummary)
  }

  addTokenKey(input: AddTokenKeyInput, options: { demo?: boolean } = {}): Result<CredentialSummary> {
    const keyId = normaliseAppleId(input.keyId)
    const teamId = normaliseAppleId(input.teamId)
    const idProblem = appleIdProblem('Key ID', keyId) ?? appleIdProblem('Team ID', teamId)
    if (idProblem) return fail('credential.bad-id', idProblem, 'Find both in your Apple Developer account: the Key ID on the key page, the Team ID under Membership details.')
    if (keyId === teamId) return fail('credential.same-ids', 'Key ID and Team ID are the same; one of them is wrong.', 'The Key ID is in the .p8 file name (AuthKey_KEYID.p8); the Team ID is under Membership details.')
    if (!this.secrets.isAvailable()) {
      return fail('secrets.unavailable', 'This system offers no encrypted storage, so Pushdeck will not save the key.', 'On macOS, allow Pushdeck to use the login keychain and try again.')
    }
    const parsed = parseTokenKey(input.key)
    if (!parsed.ok) return parsed

    const stored: StoredCredential = {
      id: randomUUID(),
      kind: 'token',
      label: input.label.trim() || `Key ${keyId}`,
      keyId,
      teamId,
      createdAt: this.now().toISOString(),
      demo: options.demo ?? false,
      sealedPrivateKey: this.secrets.encrypt(parsed.value.privateKeyPem),
      publicKeyPem: parsed.value.publicKeyPem
    }
    this.document.write([...this.document.read(), stored])
    return ok(toSummary(stored))
  }

  remove(id: string): Result<null> {
    const all = this.document.read()
    if (!all.some((c) => c.id === id)) return fail('credential.not-found', 'That credential no longer exists.')
    this.document.write(all.filter((c) => c.id !== id))
    this.listeners.forEach((listener) => listener(id))
    return ok(null)
  }

  signingKey(id: string): Result<TokenSigningKey> {
    const stored = this.document.read().find((c) => c.id === id)
    if (!stored) return fail('credential.not-found', 'The selected credential no longer exists.', 'Pick another credential.')
    let privateKeyPem: string
    try {
      privateKeyPem = this.secrets.decrypt(stored.sealedPrivateKey)
    } catch {
      return fail('credential.undecryptable', `The key of "${stored.label}" could not be decrypted on this computer.`, 'Remove the credential and add the .p8 key again.')
    }
    return ok({ summary: toSummary(stored), privateKeyPem, fingerprint: fingerprintOf(stored.publicKeyPem) })
  }

  /** Public keys let the local emulator verify JWTs exactly as APNs would. */
  publicKey(keyId: string, teamId: string): KeyObject | undefined {
    const stored = this.document.read().find((c) => c.keyId === keyId && c.teamId === teamId)
    return stored ? createPublicKey(stored.publicKeyPem) : undefined
  }

  onChange(listener: ChangeListener): void {
    this.listeners.push(listener)
  }
}

function toSummary(stored: StoredCredential): CredentialSummary {
  const { id, kind, label, keyId, teamId, createdAt, demo } = stored
  return { id, kind, label, keyId, teamId, createdAt, demo }
}

function fingerprintOf(publicKeyPem: string): string {
  return createHash('sha256').update(publicKeyPem).digest('hex').slice(0, 16)
}
