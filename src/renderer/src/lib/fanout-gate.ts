import type { FindingField } from '../../../shared/diagnosis'
import type { PresentedFindings, RequiredField } from './finding-presentation'

/**
 * What each device of a group brings itself (token, bundle ID and so topic, environment) is
 * checked per device in main, which skips a bad row with its reason. What the group shares
 * (credential, push type, priority, headers, payload) is checked here and blocks the whole send.
 */
const PER_DEVICE_FIELDS: ReadonlySet<FindingField> = new Set(['token', 'topic', 'environment'])
const PER_DEVICE_REQUIRED: ReadonlySet<RequiredField> = new Set(['token', 'topic'])
/** Credential findings that hang on compose's environment, which a group does not use (the demo key on a sandbox device is that device's skip reason). */
const PER_DEVICE_FINDINGS: ReadonlySet<string> = new Set(['credential.demo-outside-emulator'])

export function groupChecks(presented: PresentedFindings): PresentedFindings {
  const shown = presented.shown.filter((f) => !PER_DEVICE_FIELDS.has(f.field) && !PER_DEVICE_FINDINGS.has(f.id))
  return { shown, pending: presented.pending.filter((p) => !PER_DEVICE_REQUIRED.has(p)), errorCount: shown.filter((f) => f.severity === 'error').length }
}

/** Whether the shared part of the push blocks a group send. */
export function groupBlocked(presented: PresentedFindings): boolean {
  const group = groupChecks(presented)
  return group.errorCount > 0 || group.pending.length > 0
}
