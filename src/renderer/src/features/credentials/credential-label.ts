import { certificateExpiry } from '../../../../shared/diagnosis'
import type { CertificateCredentialSummary, CredentialSummary } from '../../../../shared/domain'

/**
 * One line per credential in the "Sign with" list, short enough to show whole in the sidebar;
 * the details card under the list shows every ID. Nothing is said twice.
 *
 * Token keys: the label (main names an unlabelled key "Team <TEAMID> key"), plus the Key ID
 * only when another credential has the same label. Certificates: the label, or when the label
 * is just the certificate's subject, the bundle ID and the environments it is for; led by
 * "Expired" or "Expires in N days", so the mark is seen first and never cut off.
 */
export function credentialOptionLabel(c: CredentialSummary, all: CredentialSummary[], now: number): string {
  if (c.kind === 'token') {
    const label = c.label || 'Untitled key'
    const ambiguous = all.some((other) => other.id !== c.id && (other.label || 'Untitled key') === label)
    return ambiguous && !label.includes(c.keyId) ? `${label} · ${c.keyId}` : label
  }
  const text = c.label && c.label !== c.subject ? c.label : `${c.bundleId} · ${certificateKind(c)}`
  const expiry = certificateExpiry(c, now)
  if (expiry.state === 'expired') return `Expired: ${text}`
  if (expiry.state === 'expires-soon') {
    const days = Math.max(1, expiry.daysLeft)
    return `Expires in ${days} ${days === 1 ? 'day' : 'days'}: ${text}`
  }
  return text
}

function certificateKind(c: CertificateCredentialSummary): string {
  const sandbox = c.environments.includes('sandbox')
  const production = c.environments.includes('production')
  return sandbox && !production ? 'sandbox cert' : production && !sandbox ? 'production cert' : 'cert'
}
