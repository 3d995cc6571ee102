import { randomUUID } from 'node:crypto'
import type { CredentialProfile } from '../../shared/domain'
import type { Environment } from '../../shared/environments'
import { bundleIdProblem } from '../../shared/diagnosis'
import { fail, ok, type Result } from '../../shared/result'
import type { StoredDocument } from '../persistence/document'
import type { LibrarySettings } from './stored-library'

export interface ProfileInput {
  label: string
  credentialId: string
  bundleId: string
  environment: Environment
}

/** Profiles pair a credential with an app and environment ("Acme · sandbox"), switched in one click. */
export class ProfileService {
  constructor(
    private readonly document: StoredDocument<CredentialProfile[]>,
    private readonly settings: StoredDocument<LibrarySettings>,
    private readonly credentialExists: (id: string) => boolean,
    private readonly now: () => Date = () => new Date()
  ) {}

  list(): { profiles: CredentialProfile[]; activeId: string | null } {
    const profiles = this.document.read()
    const activeId = this.settings.read().activeProfileId
    return { profiles, activeId: profiles.some((p) => p.id === activeId) ? activeId : null }
  }

  save(input: ProfileInput): Result<CredentialProfile> {
    const problem = this.problem(input)
    if (problem) return problem
    const profile: CredentialProfile = { id: randomUUID(), label: input.label.trim(), credentialId: input.credentialId, bundleId: input.bundleId.trim(), environment: input.environment, createdAt: this.now().toISOString() }
    this.document.write([...this.document.read(), profile])
    return ok(profile)
  }

  remove(id: string): Result<null> {
    const all = this.document.read()
    if (!all.some((p) => p.id === id)) return fail('profile.not-found', 'That profile no longer exists.')
    this.document.write(all.filter((p) => p.id !== id))
    if (this.settings.read().activeProfileId === id) this.settings.write({ ...this.settings.read(), activeProfileId: null })
    return ok(null)
  }

  activate(id: string | null): Result<CredentialProfile | null> {
    const profile = id === null ? null : (this.document.read().find((p) => p.id === id) ?? null)
    if (id !== null && !profile) return fail('profile.not-found', 'That profile no longer exists.')
    if (profile && !this.credentialExists(profile.credentialId)) return fail('profile.credential-gone', `The credential of "${profile.label}" was removed.`, 'Edit the profile or remove it.')
    this.settings.write({ ...this.settings.read(), activeProfileId: id })
    return ok(profile)
  }

  /** Profiles of a removed credential go with it. */
  dropForCredential(credentialId: string): void {
    const all = this.document.read()
    if (!all.some((p) => p.credentialId === credentialId)) return
    const removed = new Set(all.filter((p) => p.credentialId === credentialId).map((p) => p.id))
    this.document.write(all.filter((p) => !removed.has(p.id)))
    const active = this.settings.read().activeProfileId
    if (active && removed.has(active)) this.settings.write({ ...this.settings.read(), activeProfileId: null })
  }

  private problem(input: ProfileInput): Result<never> | null {
    if (input.label.trim() === '') return fail('profile.no-label', 'A profile needs a name, such as "Acme · sandbox".')
    if (!this.credentialExists(input.credentialId)) return fail('profile.no-credential', 'Pick the credential this profile sends with.')
    const bundle = bundleIdProblem(input.bundleId)
    if (bundle) return fail('profile.bad-bundle-id', bundle)
    if (this.document.read().some((p) => p.label.toLowerCase() === input.label.trim().toLowerCase())) return fail('profile.duplicate', `A profile named "${input.label.trim()}" exists already.`)
    return null
  }
}
