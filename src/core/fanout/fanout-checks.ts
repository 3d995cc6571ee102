import { randomUUID } from 'node:crypto'
import { completeDiagnosis, diagnose, diagnoseSharedParts, type Diagnosis, type SharedDiagnosis } from '../../shared/diagnosis'
import type { CredentialSummary, SavedDevice, SendRequest } from '../../shared/domain'
import type { FanoutRequest } from '../../shared/fanout-types'
import { usesBuiltInVariables } from '../../shared/library/template-variables'

/**
 * The same checks as a single send, for every target of a fan-out. What does not depend on the
 * device (credential, topic, headers, payload, push type) is checked once per environment and
 * bundle ID, with the clock read at that group's first target; the token and the saved
 * device's own state are checked per target. A payload with {{now}} or {{uuid}} renders
 * differently for every send, so it is checked in full per target.
 */
export class FanoutChecks {
  private readonly shared = new Map<string, SharedDiagnosis>()
  private readonly perSend: boolean

  constructor(
    private readonly push: FanoutRequest['push'],
    private readonly credential: CredentialSummary
  ) {
    this.perSend = usesBuiltInVariables(push.payloadText)
  }

  /** The request as sent to this device, and what the checker says about it. */
  check(device: SavedDevice, now: number): { draft: SendRequest; diagnosis: Diagnosis } {
    const draft = this.draftFor(device)
    if (this.perSend) return { draft, diagnosis: diagnose(draft, this.credential, { now, savedDevice: device, uuid: randomUUID }) }
    return { draft, diagnosis: completeDiagnosis(this.sharedFor(device, now), draft, device) }
  }

  /**
   * Whether this credential can sign for the device's app and environment: nothing that does not
   * depend on the token blocks the push (checked once per environment and bundle ID).
   */
  serves(device: SavedDevice, now: number): boolean {
    const shared = this.sharedFor(device, now)
    return ![...shared.before, ...shared.after].some((f) => f.severity === 'error')
  }

  private draftFor(device: SavedDevice): SendRequest {
    return { ...this.push, deviceToken: device.token, environment: device.environment, bundleId: device.bundleId, apnsId: '' }
  }

  private sharedFor(device: SavedDevice, now: number): SharedDiagnosis {
    const key = appGroupKey(device)
    let shared = this.shared.get(key)
    if (!shared) {
      shared = diagnoseSharedParts(this.draftFor(device), this.credential, { now, savedDevice: null, uuid: randomUUID })
      this.shared.set(key, shared)
    }
    return shared
  }
}

/** A group send checks and signs once per app and environment: the key of a device's group. */
export function appGroupKey(device: Pick<SavedDevice, 'environment' | 'bundleId'>): string {
  return `${device.environment}\n${device.bundleId}`
}
