import { verify, type KeyObject } from 'node:crypto'

/**
 * Provider-token (JWT) checks as APNs makes them (apns-reference.md §1.6 and §4.4):
 * ES256 only, `kid` names the key, `iss` the team, `iat` at most an hour old.
 */

/** Public key for a JWT's kid + iss (team); undefined means the key is unknown. */
export type ResolveProviderKey = (keyId: string, teamId: string) => KeyObject | undefined

/** The readable parts of a JWT. The signature is left out: it never goes into the inbox. */
export interface DecodedJwt {
  header: Record<string, unknown>
  claims: Record<string, unknown>
}

export interface ProviderIdentity {
  keyId: string
  teamId: string
  /** `iat` in epoch seconds. */
  issuedAt: number
}

export type TokenVerdict =
  | { ok: true; identity: ProviderIdentity }
  | { ok: false; reason: 'MissingProviderToken' | 'InvalidProviderToken' | 'ExpiredProviderToken' }

/** Apple: "If the value in the iat field is more than one hour old, APNs rejects" the token. */
export const MAX_TOKEN_AGE_SECONDS = 3600
/**
 * How far in the future `iat` may be before the token is refused. What APNs does here is not
 * documented [U]; refusing a token from a clock that runs fast is the likely behaviour, and a
 * minute absorbs ordinary skew.
 */
export const MAX_TOKEN_FUTURE_SKEW_SECONDS = 60

const BASE64URL = /^[A-Za-z0-9_-]+$/
/** An ES256 signature in JOSE form is r || s, 32 bytes each. */
const ES256_SIGNATURE_BYTES = 64

/**
 * What follows "bearer " in an authorization value, or null when no token is presented at all
 * (MissingProviderToken). Anything else after the scheme counts as a token, so junk is reported
 * as an invalid token rather than a missing one.
 */
export function bearerTokenOf(authorization: string | undefined): string | null {
  if (authorization === undefined) return null
  // Auth schemes are case-insensitive in HTTP; node-apn sends lowercase "bearer".
  const match = /^bearer(?:\s+(.*))?$/i.exec(authorization.trim())
  const token = match?.[1]?.trim()
  return token ? token : null
}

/** Header and claims of a compact JWT, or null if it is not one. Does not check the signature. */
export function decodeJwt(jwt: string): DecodedJwt | null {
  const parts = jwt.split('.')
  if (parts.length !== 3 || !parts.every((p) => BASE64URL.test(p))) return null
  const header = parseJsonObject(parts[0])
  const claims = parseJsonObject(parts[1])
  return header && claims ? { header, claims } : null
}

/**
 * Verify the provider token in an `authorization` header value.
 * Order: presence, shape, signature, then age, so an unverifiable token is never called merely
 * "expired" (that would send a user chasing their clock instead of their key).
 */
export function verifyProviderToken(
  authorization: string | undefined,
  resolveKey: ResolveProviderKey,
  nowMs: number
): TokenVerdict {
  const jwt = bearerTokenOf(authorization)
  if (jwt === null) return { ok: false, reason: 'MissingProviderToken' }

  const invalid = { ok: false, reason: 'InvalidProviderToken' } as const
  const decoded = decodeJwt(jwt)
  if (!decoded) return invalid
  const { header, claims } = decoded
  if (header.alg !== 'ES256') return invalid
  if (!isNonEmptyString(header.kid) || !isNonEmptyString(claims.iss)) return invalid
  if (typeof claims.iat !== 'number' || !Number.isFinite(claims.iat)) return invalid

  const key = resolveKey(header.kid, claims.iss)
  if (!key || !isP256Key(key)) return invalid

  const lastDot = jwt.lastIndexOf('.')
  const signature = Buffer.from(jwt.slice(lastDot + 1), 'base64url')
  if (signature.length !== ES256_SIGNATURE_BYTES) return invalid
  const signedData = Buffer.from(jwt.slice(0, lastDot), 'ascii')
  if (!verify('sha256', signedData, { key, dsaEncoding: 'ieee-p1363' }, signature)) return invalid

  const nowSeconds = nowMs / 1000
  if (nowSeconds - claims.iat > MAX_TOKEN_AGE_SECONDS) return { ok: false, reason: 'ExpiredProviderToken' }
  if (claims.iat - nowSeconds > MAX_TOKEN_FUTURE_SKEW_SECONDS) return invalid

  return { ok: true, identity: { keyId: header.kid, teamId: claims.iss, issuedAt: claims.iat } }
}

function parseJsonObject(segment: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'))
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== ''
}

/**
 * ES256 means P-256; a key of another kind (RSA, another curve) cannot verify it. A private key
 * object is allowed too (crypto.verify derives the public half), so a caller that hands over the
 * .p8 key itself does not get a baffling InvalidProviderToken.
 */
function isP256Key(key: KeyObject): boolean {
  return key.type !== 'secret' && key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1'
}
