import type { CredentialSummary } from '../../../../shared/domain'
import { ConfirmButton } from '../../components/ConfirmButton'
import { SeverityIcon } from '../../components/SeverityIcon'
import { useCredentials } from '../../stores/credentials'
import { useDiagnosis } from '../../stores/diagnosis'
import { CertificateFacts } from './CertificateFacts'

const EXPIRY_FINDINGS = new Set(['credential.certificate-expired', 'credential.certificate-expires-soon'])

/** The selected credential's facts, its expiry as the shared diagnosis judges it, and Remove. */
export function CredentialDetails({ credential }: { credential: CredentialSummary }) {
  const remove = useCredentials((s) => s.remove)
  const diagnosis = useDiagnosis()
  const expiry = diagnosis.findings.find((f) => EXPIRY_FINDINGS.has(f.id))
  const expired = expiry?.id === 'credential.certificate-expired'

  return (
    <div className={`credential-card${expired ? ' credential-card-expired' : ''}`} data-testid="credential-details">
      {credential.kind === 'token' ? (
        <dl className="facts">
          <dt>Kind</dt>
          <dd>Token key (.p8)</dd>
          <dt>Key ID</dt>
          <dd className="mono">{credential.keyId}</dd>
          <dt>Team ID</dt>
          <dd className="mono">{credential.teamId}</dd>
        </dl>
      ) : (
        <CertificateFacts certificate={credential} expired={expired} />
      )}
      {credential.demo ? (
        <p className="field-note">
          <span className="badge">demo</span> local emulator only
        </p>
      ) : null}
      {expiry ? (
        <p className={`credential-expiry credential-expiry-${expiry.severity}`} data-testid="cert-expiry-warning" role="status">
          <SeverityIcon severity={expiry.severity} />
          <span>
            {expiry.message} {expiry.fix}
          </span>
        </p>
      ) : null}
      {credential.kind === 'certificate' && credential.importNotes.length > 0 ? (
        <ul className="import-notes" data-testid="cert-import-notes" aria-label="Import notes">
          {credential.importNotes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      <ConfirmButton label="Remove…" question={`Remove “${credential.label}”?`} confirmLabel="Remove" onConfirm={() => void remove(credential.id)} />
    </div>
  )
}
