import { useEffect, useId, useRef, type FormEvent } from 'react'
import { ConfirmButton } from '../../components/ConfirmButton'
import { ErrorMessage } from '../../components/ErrorMessage'
import { ENVIRONMENT_OPTION_LABELS } from '../../lib/send-option-labels'
import { useCompose } from '../../stores/compose'
import { activeProfile, useProfiles } from '../../stores/profiles'

/**
 * "Profile: Acme · sandbox ▾" at the top of compose: one click on a profile selects its
 * credential, bundle ID and environment. Escape or a click elsewhere closes the list.
 */
export function ProfileSwitcher() {
  const id = useId()
  const root = useRef<HTMLDivElement>(null)
  const list = useProfiles((s) => s.list)
  const active = useProfiles(activeProfile)
  const open = useProfiles((s) => s.menuOpen)
  const saveLabel = useProfiles((s) => s.saveLabel)
  const error = useProfiles((s) => s.error)
  const environment = useCompose((s) => s.environment)
  const { setMenuOpen, choose, setSaveLabel, saveCurrent, remove } = useProfiles.getState()

  useEffect(() => {
    if (!open) return
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setMenuOpen(false)
    }
    document.addEventListener('pointerdown', onPointer)
    return () => document.removeEventListener('pointerdown', onPointer)
  }, [open, setMenuOpen])

  const onSave = (event: FormEvent) => {
    event.preventDefault()
    void saveCurrent()
  }

  return (
    <div
      ref={root}
      className="profile-switcher"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation()
          setMenuOpen(false)
          root.current?.querySelector<HTMLButtonElement>('.profile-button')?.focus()
        }
      }}
    >
      <button type="button" className="profile-button button-small" data-testid="profile-button" aria-expanded={open} aria-controls={`${id}-menu`} onClick={() => setMenuOpen(!open)}>
        Profile: {active ? active.label : `none · ${ENVIRONMENT_OPTION_LABELS[environment]}`} ▾
      </button>
      {open ? (
        <div id={`${id}-menu`} className="profile-menu" data-testid="profile-menu">
          {list.length === 0 ? <p className="empty">No profiles yet. A profile is a credential, an app and an environment under one name.</p> : null}
          <ul aria-label="Profiles">
            {list.map((p) => (
              <li key={p.id} className="profile-item">
                <button type="button" className="profile-choose" data-testid="profile-choose" aria-current={p.id === active?.id ? true : undefined} onClick={() => void choose(p.id)}>
                  <span>{p.label}</span>
                  <span className="dim mono">
                    {p.bundleId} · {ENVIRONMENT_OPTION_LABELS[p.environment]}
                  </span>
                </button>
                <ConfirmButton label="Remove" accessibleName={`Remove profile ${p.label}`} className="button-quiet button-small" question="Remove?" confirmLabel="Remove" onConfirm={() => void remove(p.id)} />
              </li>
            ))}
          </ul>
          {saveLabel === null ? (
            <button type="button" className="button-small" data-testid="profile-save-open" onClick={() => setSaveLabel('')}>
              Save current as profile…
            </button>
          ) : (
            <form className="inline-controls" onSubmit={onSave} noValidate aria-label="Save current as profile">
              <label htmlFor={`${id}-label`} className="visually-hidden">
                Profile name
              </label>
              <input id={`${id}-label`} data-testid="profile-label" value={saveLabel} onChange={(e) => setSaveLabel(e.target.value)} placeholder="Acme · sandbox" autoComplete="off" autoFocus />
              <button type="submit" className="button-small" data-testid="profile-save">
                Save
              </button>
            </form>
          )}
          {error ? <ErrorMessage error={error} testId="profile-error" /> : null}
        </div>
      ) : null}
    </div>
  )
}
