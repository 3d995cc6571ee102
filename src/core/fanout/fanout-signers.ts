import { apnsTopicFor } from '../../shared/push-types'
import type { SavedDevice } from '../../shared/domain'
import type { FanoutRequest } from '../../shared/fanout-types'
import type { AppError } from '../../shared/result'
import type { CredentialService, SigningIdentity } from '../credentials/credential-service'
import type { ProfileService } from '../library/profile-service'
import { appGroupKey, FanoutChecks } from './fanout-checks'

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
 * and environments, of several teams, and a push certificate serves one app. For each bundle ID
 * and environment, in order: the credential a credential profile pairs with that app and
 * environment (the user's own pairing: a token key chosen in compose for another team's app
 * would only be refused); the credential chosen in compose; a saved certificate for the
 * device's topic. The first whose checks pass signs. Where none can, the device is skipped
 * with the reason of the credential meant for its app, or else the chosen one's. Each
 * credential then gets its own provider per environment.
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
    const key = appGroupKey(device)
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
    const profiled = this.profiledFor(device).map((id) => this.signer(id))
    const certificates = this.certificatesFor(device).map((id) => this.signer(id))
    const serving = [...profiled, this.chosen, ...certificates].find((c) => 'checks' in c && c.checks.serves(device, now))
    return serving ?? profiled[0] ?? certificates[0] ?? this.chosen
  }

  private profiledFor(device: SavedDevice): string[] {
    return this.profiles
      .list()
      .profiles.filter((p) => p.bundleId === device.bundleId && p.environment === device.environment)
      .map((p) => p.credentialId)
  }

  private certificatesFor(device: SavedDevice): string[] {
    const topic = apnsTopicFor(device.bundleId, this.push.pushType)
    return this.credentials
      .list()
      .filter((c) => c.kind === 'certificate' && c.topics.some((t) => t.topic === topic))
      .map((c) => c.id)
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
