import { useId } from 'react'
import { EXPIRATION_UNITS, expirationFromInput, type ExpirationMode, type ExpirationUnit } from '../../lib/expiration-input'
import { useCompose } from '../../stores/compose'

const MODE_LABELS: Record<ExpirationMode, string> = {
  none: 'None (APNs default)',
  immediate: '0 – no storage',
  at: 'At a date and time',
  relative: 'After a duration'
}

/** apns-expiration: none, 0, a local date-time, or a duration from the moment of sending. */
export function ExpirationField() {
  const id = useId()
  const expiration = useCompose((s) => s.expiration)
  const setMode = useCompose((s) => s.setExpirationMode)
  const setAt = useCompose((s) => s.setExpirationAt)
  const setAmount = useCompose((s) => s.setExpirationAmount)
  const setUnit = useCompose((s) => s.setExpirationUnit)

  return (
    <div className="field expiration-field">
      <label htmlFor={`${id}-mode`}>apns-expiration</label>
      <div className="inline-controls">
        <select id={`${id}-mode`} data-testid="expiration-mode" value={expiration.mode} onChange={(e) => setMode(e.target.value as ExpirationMode)} aria-describedby={`${id}-note`}>
          {(Object.keys(MODE_LABELS) as ExpirationMode[]).map((mode) => (
            <option key={mode} value={mode}>
              {MODE_LABELS[mode]}
            </option>
          ))}
        </select>
        {expiration.mode === 'at' ? (
          <>
            <label htmlFor={`${id}-at`} className="visually-hidden">
              Expires at (local time)
            </label>
            <input id={`${id}-at`} type="datetime-local" data-testid="expiration-at" value={expiration.at} onChange={(e) => setAt(e.target.value)} />
          </>
        ) : null}
        {expiration.mode === 'relative' ? (
          <>
            <label htmlFor={`${id}-amount`} className="visually-hidden">
              Expires after
            </label>
            <input id={`${id}-amount`} type="number" min={0} step="any" inputMode="decimal" className="amount-input" data-testid="expiration-amount" value={expiration.amount} onChange={(e) => setAmount(e.target.value)} />
            <label htmlFor={`${id}-unit`} className="visually-hidden">
              Unit
            </label>
            <select id={`${id}-unit`} data-testid="expiration-unit" value={expiration.unit} onChange={(e) => setUnit(e.target.value as ExpirationUnit)}>
              {EXPIRATION_UNITS.map((unit) => (
                <option key={unit} value={unit}>
                  {unit}
                </option>
              ))}
            </select>
          </>
        ) : null}
      </div>
      <p id={`${id}-note`} className="field-note" data-testid="expiration-note">
        {describe(expirationFromInput(expiration))}
      </p>
    </div>
  )
}

function describe(expiration: ReturnType<typeof expirationFromInput>): string {
  switch (expiration.mode) {
    case 'none':
      return 'No header: APNs stores the push for an offline device, up to about 30 days.'
    case 'immediate':
      return 'Sends 0: one delivery attempt; an offline device never gets it.'
    case 'at':
      return Number.isFinite(expiration.epochSeconds) ? `Sends ${expiration.epochSeconds} (UNIX seconds).` : 'Pick a date and time.'
    case 'relative':
      return Number.isFinite(expiration.seconds) ? `Sends the time of sending + ${expiration.seconds} s.` : 'Enter a duration.'
  }
}
