import type { CertificateCredentialSummary, CredentialSummary } from '../domain'
import { ENVIRONMENT_LABELS } from '../environments'
import type { Finding, PushDraft } from './types'

const DAY_MS = 24 * 60 * 60 * 1000
export const CERTIFICATE_WARNING_DAYS = 30

/** Push types APNs accepts only over token (JWT) connections. */
const TOKEN_ONLY_PUSH_TYPES = new Set(['liveactivity', 'location'])

export function checkCredential(draft: PushDraft, credential: CredentialSummary | null, now: number, out: Finding[]): void {
  if (!credential) {
    out.push({ id: 'credential.missing', severity: 'error', field: 'credential', message: 'No credential is selected.', fix: 'Add a .p8 token key or a push certificate, or set up the demo key for the local emulator.' })
    return
  }
  if (credential.demo && draft.environment !== 'emulator') {
    out.push({
      id: 'credential.demo-outside-emulator',
      severity: 'error',
      field: 'credential',
      message: 'The demo key was made by Pushdeck; only the local emulator accepts it.',
      fix: 'Choose the local emulator, or add your own key or certificate for Apple.',
      action: { kind: 'set-environment', label: 'Use the local emulator', value: 'emulator' }
    })
  }
  if (credential.kind === 'certificate') checkCertificate(draft, credential, now, out)
}

/** For lists and badges: where a certificate stands on its expiry. */
export function certificateExpiry(certificate: CertificateCredentialSummary, now: number): { state: 'valid' | 'expires-soon' | 'expired'; daysLeft: number } {
  const left = Date.parse(certificate.notAfter) - now
  const daysLeft = Math.ceil(left / DAY_MS)
  return { state: left <= 0 ? 'expired' : left <= CERTIFICATE_WARNING_DAYS * DAY_MS ? 'expires-soon' : 'valid', daysLeft }
}

function checkCertificate(draft: PushDraft, certificate: CertificateCredentialSummary, now: number, out: Finding[]): void {
  const expires = Date.parse(certificate.notAfter)
  const starts = Date.parse(certificate.notBefore)
  if (starts > now) {
    // Import refuses such a certificate; the clock can still move back (a VM, a changed time zone setting).
    out.push({ id: 'credential.certificate-not-yet-valid', severity: 'error', field: 'credential', message: `The certificate "${certificate.label}" is valid only from ${certificate.notBefore.slice(0, 10)}; APNs refuses it before then (BadCertificate).`, fix: "Check this computer's date and time, or use a certificate that is valid now." })
  } else if (expires <= now) {
    out.push({ id: 'credential.certificate-expired', severity: 'error', field: 'credential', message: `The certificate "${certificate.label}" expired on ${certificate.notAfter.slice(0, 10)}.`, fix: 'Create a new push certificate for the app in your Apple Developer account, or use a .p8 token key (they do not expire).' })
  } else if (expires - now <= CERTIFICATE_WARNING_DAYS * DAY_MS) {
    const days = Math.max(1, Math.ceil((expires - now) / DAY_MS))
    out.push({ id: 'credential.certificate-expires-soon', severity: 'warning', field: 'credential', message: `The certificate "${certificate.label}" expires in ${days} day${days === 1 ? '' : 's'} (${certificate.notAfter.slice(0, 10)}).`, fix: 'Renew it in your Apple Developer account before it stops working.' })
  }
  // The emulator stands in for the development environment.
  const needed = draft.environment === 'emulator' ? 'sandbox' : draft.environment
  if (!certificate.environments.includes(needed)) {
    const other = certificate.environments[0]
    out.push({
      id: 'credential.certificate-environment',
      severity: 'error',
      field: 'environment',
      message: `This certificate is not valid for ${ENVIRONMENT_LABELS[needed]}${other ? `; it is a ${ENVIRONMENT_LABELS[other]} certificate` : ''} (APNs: BadCertificateEnvironment).`,
      fix: other ? `Send to ${ENVIRONMENT_LABELS[other]}, or use a "Sandbox & Production" certificate.` : 'Use an Apple push certificate.',
      ...(other && draft.environment !== 'emulator' ? { action: { kind: 'set-environment' as const, label: `Use ${ENVIRONMENT_LABELS[other]}`, value: other } } : {})
    })
  }
  if (TOKEN_ONLY_PUSH_TYPES.has(draft.pushType)) {
    out.push({ id: 'pushType.needs-token-auth', severity: 'error', field: 'pushType', message: `${draft.pushType} pushes need token (.p8) authentication; APNs refuses them over a certificate.`, fix: 'Select a .p8 token key for this push.' })
  }
}
