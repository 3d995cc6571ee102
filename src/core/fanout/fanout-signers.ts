import { apnsTopicFor } from '../../shared/push-types'
import type { SavedDevice } from '../../shared/domain'
import type { FanoutRequest } from '../../shared/fanout-types'
import type { AppError } from '../../shared/result'
import type { CredentialService, SigningIdentity } from '../credentials/credential-service'
import type { ProfileService } from '../library/profile-service'
import { FanoutChecks } from './fanout-checks'

export interface Signer {
  identity: SigningIdentity
  checks: FanoutChecks
}

/** A credential meant for the device's app that cannot sign (its key will not decrypt): the device is skipped with this. */
export interface SignerProblem {
  problem: AppError
}

/**
 * Which credential signs each target of a group send. A tag can hold devices of several apps
 * and environments, and a push certificate serves one app: the credential chosen in compose
 * signs wherever it can; elsewhere the one a credential profile names for the device's bundle
 * ID and environment, or a saved certificate for the device's topic and environment. Where none
 * can, the chosen one stays, and its checks say why the device is skipped. Chosen once per
 * environment and bundle ID; each credential then gets its own provider per environment.
 */
export class FanoutSigners {
  private readonly byGroup = new Map<string, Signer | SignerProblem>()
  private readonly byCredential = new Map<string, Signer | SignerProblem>()

  constructor(
    private readonly chosen: Signer,
    private readonly push: FanoutRequest['push'],
    private readonly credentials: CredentialService,
    private readonly profiles: ProfileService
  ) {
    this.byCredential.set(chosen.identity.summary.id, chosen)
  }

  for(device: SavedDevice, now: number): Signer | SignerProblem {
    const key = `${device.environment}\n${device.bundleId}`
    let signer = this.byGroup.get(key)
    if (!signer) {
      signer = this.pick(device, now)
      this.byGroup.set(key, signer)
    }
    return signer
  }

  /**
   * The first that serves. When none does, the reason shown is the one of the credential meant
   * for the app (an expired certificate, a key that will not decrypt), not the chosen one's
   * "this certificate does not allow that topic"; with none meant for it, the chosen one's.
   */
  private pick(device: SavedDevice, now: number): Signer | SignerProblem {
    if (this.chosen.checks.serves(device, now)) return this.chosen
    const candidates = this.candidates(device).map((id) => this.signer(id))
    const serving = candidates.find((c) => 'checks' in c && c.checks.serves(device, now))
    return serving ?? candidates[0] ?? this.chosen
  }

  /** Profiles for this app and environment first (the user's own pairing), then certificates for its topic. */
  private candidates(device: SavedDevice): string[] {
    const topic = apnsTopicFor(device.bundleId, this.push.pushType)
    const profiled = this.profiles
      .list()
      .profiles.filter((p) => p.bundleId === device.bundleId && p.environment === device.environment)
      .map((p) => p.credentialId)
    const certificates = this.credentials
      .list()
      .filter((c) => c.kind === 'certificate' && c.topics.some((t) => t.topic === topic))
      .map((c) => c.id)
    return [...new Set([...profiled, ...certificates])]
  }

  private signer(credentialId: string): Signer | SignerProblem {
    let signer = this.byCredential.get(credentialId)
    if (!signer) {
      const identity = this.credentials.signingIdentity(credentialId)
      signer = identity.ok ? { identity: identity.value, checks: new FanoutChecks(this.push, identity.value.summary) } : { problem: identity.error }
      this.byCredential.set(credentialId, signer)
    }
    return signer
  }
}
