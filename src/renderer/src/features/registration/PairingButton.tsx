import { useRegistration } from '../../stores/registration'
import { PairingDialog } from './PairingDialog'

/** The toolbar entry to device self-registration; the panel is self-contained, so it can move into a Settings dialog. */
export function PairingButton() {
  const open = useRegistration((s) => s.open)
  const listening = useRegistration((s) => s.status?.state === 'listening')
  return (
    <>
      <button type="button" className="button-small toolbar-pairing" data-testid="pairing-open" onClick={() => void useRegistration.getState().show()}>
        Pair an app…
        {listening ? (
          <>
            <span className="pairing-live" aria-hidden="true" />
            <span className="visually-hidden"> (listening)</span>
          </>
        ) : null}
      </button>
      {open ? <PairingDialog /> : null}
    </>
  )
}
