import type { CredentialSummary } from '../../../../shared/domain'

/** "label · Key ID · Team ID", marked when it is the emulator-only demo key. */
export function credentialOptionLabel(c: CredentialSummary): string {
  const parts = [c.label || 'Untitled key', c.keyId, c.teamId]
  return parts.join(' · ') + (c.demo ? ' (demo)' : '')
}
