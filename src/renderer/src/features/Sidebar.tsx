import { CredentialSection } from './credentials/CredentialSection'
import { DeviceSection } from './devices/DeviceSection'

/** The left column: what to sign with, and where to send. */
export function Sidebar() {
  return (
    <nav className="column sidebar" aria-label="Credentials and devices">
      <CredentialSection />
      <DeviceSection />
    </nav>
  )
}
