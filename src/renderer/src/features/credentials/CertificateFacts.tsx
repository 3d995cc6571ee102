import type { certificateExpiry } from '../../../../shared/diagnosis'
import type { CertificateCredentialSummary } from '../../../../shared/domain'
import { ENVIRONMENT_LABELS } from '../../../../shared/environments'
import { formatDate } from '../../lib/format'

/** What a push certificate allows, as read from it: the app, its topics, environments and validity. */
export function CertificateFacts({ certificate, expiry }: { certificate: CertificateCredentialSummary; expiry: ReturnType<typeof certificateExpiry> | null }) {
  return (
    <dl className="facts">
      <dt>Subject</dt>
      <dd className="selectable" data-testid="cert-subject">
        {certificate.subject}
      </dd>
      <dt>Bundle ID</dt>
      <dd className="mono" data-testid="cert-bundle-id">
        {certificate.bundleId}
      </dd>
      <dt>Team</dt>
      <dd className="mono">{certificate.teamId ?? <span className="dim">not in the certificate</span>}</dd>
      <dt>Topics</dt>
      <dd>
        <ul className="cert-topics">
          {certificate.topics.map((t) => (
            <li key={t.topic} data-testid="cert-topic">
              <span className="mono">{t.topic}</span>
              {t.pushTypes.length > 0 ? <span className="dim"> · {t.pushTypes.join(', ')}</span> : null}
            </li>
          ))}
        </ul>
      </dd>
      <dt>Environments</dt>
      <dd data-testid="cert-environments">
        {certificate.environments.length > 0 ? certificate.environments.map((e) => ENVIRONMENT_LABELS[e]).join(' & ') : <span className="dim">none listed</span>}
      </dd>
      <dt>Valid until</dt>
      <dd data-testid="cert-valid-until" className={expiry && expiry.state !== 'valid' ? `cert-${expiry.state}` : undefined}>
        <time dateTime={certificate.notAfter}>{formatDate(certificate.notAfter)}</time>
        {expiry?.state === 'expired' ? ' (expired)' : null}
        {expiry?.state === 'expires-soon' ? ` (in ${Math.max(1, expiry.daysLeft)} ${expiry.daysLeft <= 1 ? 'day' : 'days'})` : null}
      </dd>
      <dt>SHA-1</dt>
      <dd className="mono selectable fingerprint" data-testid="cert-fingerprint">
        {certificate.fingerprint}
      </dd>
    </dl>
  )
}
