import { certificateExpiry } from '../../../../shared/diagnosis'
import type { CredentialSummary } from '../../../../shared/domain'
import { ConfirmButton } from '../../components/ConfirmButton'
import { useClock } from '../../stores/clock'
import { useCredentials } from '../../stores/credentials'
import { CertificateFacts } from './CertificateFacts'

/**
 * The selected credential's facts and Remove. A certificate's expiry is marked on its "Valid
 * until" fact; what it means for this push is a finding in compose, shown there once.
 */
export function CredentialDetails({ credential }: { credential: CredentialSummary }) {
  const remove = useCredentials((s) => s.remove)
  const now = useClock((s) => s.now)
  const expiry = credential.kind === 'certificate' ? certificateExpiry(credential, now) : null

  return (
    <div className={`credential-card${expiry?.state === 'expired' ? ' credential-card-expired' : ''}`} data-testid="credential-details">
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
        <CertificateFacts certificate={credential} expiry={expiry} />
      )}
      {credential.demo ? (
        <p className="field-note">
          <span className="badge">demo</span> local emulator only
        </p>
      ) : null}
      {credential.kind === 'certificate' && credential.importNotes.length > 0 ? (
        <ul className="import-notes" data-testid="cert-import-notes" aria-label="Import notes">
          {credential.importNotes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      <ConfirmButton
        label="Remove…"
        accessibleName={`Remove ${credential.label}`}
        question={`Remove “${credential.label}”?`}
        confirmLabel="Remove"
        onConfirm={() => void remove(credential.id)}
      />
    </div>
  )
}
