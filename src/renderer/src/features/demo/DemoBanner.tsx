import { ErrorMessage } from '../../components/ErrorMessage'
import { useDemo, useDemoBannerShown } from '../../stores/demo'

/** First-launch offer: a demo key and devices, so the first push works without an Apple account. Gone once any credential exists. */
export function DemoBanner() {
  const { busy, error, setup, dismiss } = useDemo()
  const shown = useDemoBannerShown()
  if (!shown) return null
  return (
    <div className="banner banner-demo" data-testid="demo-banner" role="region" aria-label="Demo setup">
      <p className="banner-text">New here? Try Pushdeck with no Apple account: set up a demo key and demo devices for the local emulator.</p>
      <div className="button-row">
        <button type="button" className="button-primary" data-testid="demo-setup" aria-disabled={busy ? true : undefined} onClick={() => void setup()}>
          {busy ? 'Setting up…' : 'Set up demo'}
        </button>
        <button type="button" className="button-quiet" data-testid="demo-dismiss" aria-disabled={busy ? true : undefined} onClick={() => void dismiss()}>
          Dismiss
        </button>
      </div>
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  )
}
