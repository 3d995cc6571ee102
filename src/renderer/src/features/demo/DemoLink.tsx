import { ErrorMessage } from '../../components/ErrorMessage'
import { useDemo, useDemoLinkShown } from '../../stores/demo'

/** The demo, any time there is none: a small link in the credentials section (the banner is for first launch). */
export function DemoLink() {
  const shown = useDemoLinkShown()
  const busy = useDemo((s) => s.busy)
  const error = useDemo((s) => s.error)
  const setup = useDemo((s) => s.setup)
  if (!shown) return null
  return (
    <div className="demo-link">
      <p className="field-note">
        No Apple account at hand?{' '}
        <button type="button" className="button-link" data-testid="demo-setup-link" aria-disabled={busy ? true : undefined} onClick={() => void setup()}>
          {busy ? 'Setting up the demo…' : 'Set up the demo'}
        </button>{' '}
        for the local emulator.
      </p>
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  )
}
