import type { Expiration } from '../../../shared/expiration'

/**
 * apns-expiration as the form holds it (a mode, a local date-time, an amount and a unit) and the
 * contract's Expiration made from it. Unparseable input becomes NaN on purpose: the shared
 * diagnosis reports it (headers.expiration-invalid) and blocks the send.
 */
export type ExpirationMode = Expiration['mode']
export const EXPIRATION_UNITS = ['minutes', 'hours', 'days'] as const
export type ExpirationUnit = (typeof EXPIRATION_UNITS)[number]

export const UNIT_SECONDS: Record<ExpirationUnit, number> = { minutes: 60, hours: 3600, days: 86_400 }

export interface ExpirationInput {
  mode: ExpirationMode
  /** The value of an <input type="datetime-local">: "YYYY-MM-DDTHH:mm" in local time. */
  at: string
  amount: string
  unit: ExpirationUnit
}

export function expirationFromInput(input: ExpirationInput): Expiration {
  switch (input.mode) {
    case 'none':
    case 'immediate':
      return { mode: input.mode }
    case 'at':
      return { mode: 'at', epochSeconds: localDateTimeToEpochSeconds(input.at) }
    case 'relative': {
      const amount = input.amount.trim() === '' ? Number.NaN : Number(input.amount)
      return { mode: 'relative', seconds: Math.round(amount * UNIT_SECONDS[input.unit]) }
    }
  }
}

/** A date-time without an offset is local time (ECMAScript date-time string format). */
export function localDateTimeToEpochSeconds(value: string): number {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) return Number.NaN
  const ms = new Date(value).getTime()
  return Number.isNaN(ms) ? Number.NaN : Math.floor(ms / 1000)
}

/** The datetime-local value for a moment, in local time, to the minute. */
export function toLocalDateTimeValue(ms: number): string {
  const d = new Date(ms)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** A saved Expiration (a template's) as the form holds it: relative in the largest whole unit. */
export function inputFromExpiration(expiration: Expiration): ExpirationInput {
  const blank: ExpirationInput = { mode: expiration.mode, at: '', amount: '1', unit: 'hours' }
  switch (expiration.mode) {
    case 'none':
    case 'immediate':
      return blank
    case 'at':
      return { ...blank, at: toLocalDateTimeValue(expiration.epochSeconds * 1000) }
    case 'relative': {
      const unit = [...EXPIRATION_UNITS].reverse().find((u) => expiration.seconds % UNIT_SECONDS[u] === 0 && expiration.seconds > 0) ?? 'minutes'
      return { ...blank, amount: String(expiration.seconds / UNIT_SECONDS[unit]), unit }
    }
  }
}
