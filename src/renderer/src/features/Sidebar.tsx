import { CredentialSection } from './credentials/CredentialSection'
import { LibraryPanel } from './library/LibraryPanel'

/** The left column: what to sign with, and the library (devices, templates, accounts). */
export function Sidebar() {
  return (
    <nav className="column sidebar" aria-label="Credentials and library">
      <CredentialSection />
      <LibraryPanel />
    </nav>
  )
}
