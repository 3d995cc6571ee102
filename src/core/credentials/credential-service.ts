import { createHash, createPublicKey, randomUUID, type KeyObject } from 'node:crypto'
import { appleIdProblem, normaliseAppleId } from '../../shared/credential-ids'
import type { CertificateCredentialSummary, CredentialSummary, TokenCredentialSummary } from '../../shared/domain'
import { fail, ok, type Result } from '../../shared/result'
import type { StoredDocument } from '../persistence/document'
import type { SecretBox } from '../ports'
import { parseCertificateFiles, type CertificateFile } from './certificate-bundle'
import type { StoredCertificateCredential, StoredCredential, StoredTokenCredential } from './stored-credential'
import { parseTokenKey, type KeySource } from './token-key'

export interface AddTokenKeyInput {
  label: string
  keyId: string
  teamId: string
  key: KeySource
}

export interface AddCertificateInput {
  label: string
  files: CertificateFile[]
  passphrase: string | null
}

/** What the sender needs to authenticate; stays in main. */
export type SigningIdentity =
  | { kind: 'token'; summary: TokenCredentialSummary; privateKeyPem: string; fingerprint: string }
  | { kind: 'certificate'; summary: CertificateCredentialSummary; certPem: string; keyPem: string; fingerprint: string }

type ChangeListener = (credentialId: string) => void

const NO_ENCRYPTION = ['secrets.unavailable', 'This system offers no encrypted storage, so Pushdeck will not save the key.', 'On macOS, allow Pushdeck to use the login keychain and try again.'] as const

export class CredentialService {
  private readonly listeners: ChangeListener[] = []
  private readonly publicKeys = new Map<string, KeyObject>()

  constructor(
    private readonly document: StoredDocument<StoredCredential[]>,
    private readonly secrets: SecretBox,
    private readonly now: () => Date = () => new Date()
  ) {}

  list(): CredentialSummary[] {
    return this.document.read().map(toSummary)
  }

  addTokenKey(input: AddTokenKeyInput, options: { demo?: boolean } = {}): Result<CredentialSummary> {
    // What the file is comes first: a .p12 given here is named before any ID complaint (C-16).
    const parsed = parseTokenKey(input.key)
    if (!parsed.ok) return parsed
    const keyId = normaliseAppleId(input.keyId)
    const teamId = normaliseAppleId(input.teamId)
    const idProblem = appleIdProblem('Key ID', keyId) ?? appleIdProblem('Team ID', teamId)
    if (idProblem) return fail('credential.bad-id', idProblem, 'Find both in your Apple Developer account: the Key ID on the key page, the Team ID under Membership details.')
    if (keyId === teamId) return fail('credential.same-ids', 'Key ID and Team ID are the same; one of them is wrong.', 'The Key ID is in the .p8 file name (AuthKey_KEYID.p8); the Team ID is under Membership details.')
    const twin = this.document.read().find((c) => c.kind === 'token' && c.keyId === keyId && c.teamId === teamId)
    if (twin) return fail('credential.duplicate', `Key ${keyId} of team ${teamId} is already saved as "${twin.label}".`, 'Use that credential, or remove it first to replace its key.')
    if (!this.secrets.isAvailable()) return fail(...NO_ENCRYPTION)

    const stored: StoredTokenCredential = {
      id: randomUUID(),
      kind: 'token',
      label: input.label.trim() || `Team ${teamId} key`,
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

  addCertificate(input: AddCertificateInput): Result<CredentialSummary> {
    if (!this.secrets.isAvailable()) return fail(...NO_ENCRYPTION)
    const parsed = parseCertificateFiles(input.files, input.passphrase, this.now())
    if (!parsed.ok) return parsed
    const { info, certPem, keyPem, notes } = parsed.value
    const twin = this.document.read().find((c) => c.kind === 'certificate' && c.fingerprint === info.fingerprint)
    if (twin) return fail('credential.duplicate', `This certificate is already saved as "${twin.label}".`, 'Use that credential.')
    const stored: StoredCertificateCredential = {
      id: randomUUID(),
      kind: 'certificate',
      label: input.label.trim() || info.subject,
      createdAt: this.now().toISOString(),
      demo: false,
      subject: info.subject,
      bundleId: info.bundleId,
      teamId: info.teamId,
      topics: info.topics,
      environments: info.environments,
      notBefore: info.notBefore.toISOString(),
      notAfter: info.notAfter.toISOString(),
      fingerprint: info.fingerprint,
      importNotes: notes,
      certPem,
      sealedPrivateKey: this.secrets.encrypt(keyPem)
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

  /** Whether the credential is still saved (asked before each send of a group: it may be removed meanwhile). */
  has(id: string): boolean {
    return this.document.read().some((c) => c.id === id)
  }

  find(id: string): CredentialSummary | null {
    const stored = this.document.read().find((c) => c.id === id)
    return stored ? toSummary(stored) : null
  }

  signingIdentity(id: string): Result<SigningIdentity> {
    const stored = this.document.read().find((c) => c.id === id)
    if (!stored) return fail('credential.not-found', 'The selected credential no longer exists.', 'Pick another credential.')
    let privateKeyPem: string
    try {
      privateKeyPem = this.secrets.decrypt(stored.sealedPrivateKey)
    } catch {
      return fail('credential.undecryptable', `The key of "${stored.label}" could not be decrypted on this computer.`, 'Remove the credential and add it again.')
    }
    if (stored.kind === 'token') {
      return ok({ kind: 'token', summary: toSummary(stored) as TokenCredentialSummary, privateKeyPem, fingerprint: digest(stored.publicKeyPem) })
    }
    return ok({ kind: 'certificate', summary: toSummary(stored) as CertificateCredentialSummary, certPem: stored.certPem, keyPem: privateKeyPem, fingerprint: digest(stored.certPem) })
  }

  /** Public keys let the local emulator verify JWTs exactly as APNs would; parsed once per key. */
  publicKey(keyId: string, teamId: string): KeyObject | undefined {
    const stored = this.document.read().find((c): c is StoredTokenCredential => c.kind === 'token' && c.keyId === keyId && c.teamId === teamId)
    if (!stored) return undefined
    let key = this.publicKeys.get(stored.publicKeyPem)
    if (!key) {
      key = createPublicKey(stored.publicKeyPem)
      this.publicKeys.set(stored.publicKeyPem, key)
    }
    return key
  }

  onChange(listener: ChangeListener): void {
    this.listeners.push(listener)
  }
}

function toSummary(stored: StoredCredential): CredentialSummary {
  if (stored.kind === 'token') {
    const { id, kind, label, keyId, teamId, createdAt, demo } = stored
    return { id, kind, label, keyId, teamId, createdAt, demo }
  }
  const { certPem: _cert, sealedPrivateKey: _key, ...summary } = stored
  return summary
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16)
}
