import type { NormalisedResponse } from './normalise-response'

/**
 * Pushdeck's own retry policy (node-apn's retries are immediate and ignore Retry-After, so they
 * are switched off). A tester must never hammer APNs: retries are few, spaced, and only for
 * answers that another attempt can change.
 */
export const MAX_TRANSIENT_RETRIES = 2
/** Longer waits than this are reported instead of waited for: a person is watching the button. */
export const MAX_WAIT_SECONDS = 10
const BACKOFF_SECONDS = [1, 3]

export type RetryDecision = { retry: false; note: string | null } | { retry: true; delayMs: number; freshConnection: boolean; note: string }

export interface RetryInput {
  response: NormalisedResponse
  /** Retries already made for this send. */
  retriesSoFar: number
  retryAfterSeconds: number | null
  /** The connection died before an answer (GOAWAY, reset, timeout). */
  connectionLost: boolean
}

const TRANSIENT_STATUSES = new Set([429, 500, 503])

export function decideRetry({ response, retriesSoFar, retryAfterSeconds, connectionLost }: RetryInput): RetryDecision {
  if (response.outcome === 'accepted') return { retry: false, note: null }
  if (response.outcome === 'failed') {
    return connectionLost && retriesSoFar === 0
      ? { retry: true, delayMs: 0, freshConnection: true, note: 'The connection closed before APNs answered; retried once on a new connection.' }
      : { retry: false, note: null }
  }
  // An answer that is not from APNs (a proxy's page) will not change on a second try.
  if (response.transportError) return { retry: false, note: null }
  if (response.reason === 'ExpiredProviderToken') {
    // node-apn has already minted a fresh JWT; one more try tells a stale token from clock skew.
    return retriesSoFar === 0
      ? { retry: true, delayMs: 0, freshConnection: false, note: 'APNs said the token was expired; retried once with a fresh token.' }
      : { retry: false, note: 'A fresh token was refused too: the computer clock is probably wrong.' }
  }
  // A new token now would make TooManyProviderTokenUpdates worse, never better.
  if (response.reason === 'TooManyProviderTokenUpdates') return { retry: false, note: null }
  if (response.status !== null && TRANSIENT_STATUSES.has(response.status)) {
    if (retriesSoFar >= MAX_TRANSIENT_RETRIES) return { retry: false, note: `Gave up after ${retriesSoFar} retries.` }
    const wait = retryAfterSeconds ?? BACKOFF_SECONDS[retriesSoFar]!
    const label = `${response.status}${response.reason ? ` ${response.reason}` : ''}`
    if (wait > MAX_WAIT_SECONDS) return { retry: false, note: `APNs asked to wait ${wait} s before retrying (Retry-After); not retried automatically.` }
    return { retry: true, delayMs: wait * 1000, freshConnection: false, note: `${label}: retried after ${wait} s${retryAfterSeconds !== null ? ' (Retry-After)' : ''}.` }
  }
  return { retry: false, note: null }
}
