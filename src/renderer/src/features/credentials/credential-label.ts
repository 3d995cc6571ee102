import type { CredentialSummary } from '../../../../shared/domain'

/**
 * Token keys: "label · Key ID · Team ID". Certificates: "label · certificate · bundle ID".
 * Either is marked when it is the emulator-only demo credential.
 */
export function credentialOptionLabel(c: CredentialSummary): string {
  const parts = c.kind === 'token' ? [c.label || 'Untitled key', c.keyId, c.teamId] : [c.label || c.subject, 'certificate', c.bundleId]
  return parts.join(' · ') + (c.demo ? ' (demo)' : '')
}
