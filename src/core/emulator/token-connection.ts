import type { ProviderIdentity } from './jwt-verifier'

/**
 * The provider-token rules that belong to a connection rather than to a single JWT
 * (apns-reference.md §1.6, §4.4):
 * - the first valid token binds its team (iss) and key (kid) to the connection; another team
 *   later is 403 InvalidProviderToken (as Pushy does; Apple only says "an error"), another key
 *   of the same team is 403 UnrelatedKeyIdInToken ("open a new connection");
 * - a key scoped to the other environment is 403 BadEnvironmentKeyIdInToken (the documented
 *   spelling) or BadEnvironmentKeyInToken (the spelling APNs is observed to send);
 * - a different token less than 20 minutes after the previous token's first use on the same
 *   connection is 429 TooManyProviderTokenUpdates.
 */

/** Apple: "Refresh your token no more than once every 20 minutes" on a connection. */
export const MIN_TOKEN_UPDATE_INTERVAL_MS = 20 * 60 * 1000

/** Which APNs environment a signing key may be used on (team- and topic-scoped keys, 2025+). */
export type KeyEnvironment = 'sandbox' | 'production' | 'both'
export type KeyEnvironmentOf = (keyId: string, teamId: string) => KeyEnvironment
export type EnvironmentKeyReasonSpelling = 'documented' | 'observed'

/** The emulator plays the development (sandbox) environment, so sandbox and both-environment keys work. */
export const EMULATOR_KEY_ENVIRONMENT = 'sandbox'

export interface TokenBinding {
  teamId: string
  keyId: string
}

export interface ProviderTokenUse {
  /** The compact JWT as sent; tokens are told apart by their exact text. */
  jwt: string
  /** Epoch ms of the first request that used it on this connection. */
  firstUsedAt: number
}

/** What a token connection remembers between requests. */
export interface TokenConnectionState {
  binding: TokenBinding | null
  lastProviderToken: ProviderTokenUse | null
}

export interface TokenConnectionRules {
  keyEnvironment: KeyEnvironmentOf
  environmentKeyReasonSpelling: EnvironmentKeyReasonSpelling
}

export type TokenConnectionReason =
  | 'InvalidProviderToken'
  | 'UnrelatedKeyIdInToken'
  | 'BadEnvironmentKeyIdInToken'
  | 'BadEnvironmentKeyInToken'
  | 'TooManyProviderTokenUpdates'

export interface TokenConnectionProblem {
  status: 403 | 429
  reason: TokenConnectionReason
}

export function createTokenConnectionState(): TokenConnectionState {
  return { binding: null, lastProviderToken: null }
}

/**
 * Check a verified token against what the connection already holds. Order: team, key,
 * environment, then the update rate, so a token that could never work on this connection is
 * reported as such rather than as "too soon".
 */
export function tokenConnectionProblem(
  jwt: string,
  identity: ProviderIdentity,
  state: Readonly<TokenConnectionState>,
  rules: TokenConnectionRules,
  nowMs: number
): TokenConnectionProblem | undefined {
  const { binding, lastProviderToken } = state
  if (binding && binding.teamId !== identity.teamId) return { status: 403, reason: 'InvalidProviderToken' }
  if (binding && binding.keyId !== identity.keyId) return { status: 403, reason: 'UnrelatedKeyIdInToken' }

  const environment = rules.keyEnvironment(identity.keyId, identity.teamId)
  if (environment !== 'both' && environment !== EMULATOR_KEY_ENVIRONMENT) {
    const reason = rules.environmentKeyReasonSpelling === 'observed' ? 'BadEnvironmentKeyInToken' : 'BadEnvironmentKeyIdInToken'
    return { status: 403, reason }
  }

  if (lastProviderToken && lastProviderToken.jwt !== jwt && nowMs - lastProviderToken.firstUsedAt < MIN_TOKEN_UPDATE_INTERVAL_MS) {
    return { status: 429, reason: 'TooManyProviderTokenUpdates' }
  }
  return undefined
}

/**
 * Remember a token that passed every check: the first one binds team and key, and a new token
 * starts its own 20-minute clock. A refused token changes nothing, so the connection's previous
 * token keeps working.
 */
export function noteAuthenticatedToken(state: TokenConnectionState, jwt: string, identity: ProviderIdentity, nowMs: number): void {
  state.binding ??= { teamId: identity.teamId, keyId: identity.keyId }
  if (state.lastProviderToken?.jwt !== jwt) state.lastProviderToken = { jwt, firstUsedAt: nowMs }
}
