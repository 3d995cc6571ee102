import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto'

/**
 * Real ES256 provider tokens for emulator tests, signed the way APNs expects them
 * (apns-reference.md §1.6): header {alg, kid}, claims {iss, iat}, JOSE (r || s) signature.
 */

export interface TestSigningKey {
  keyId: string
  teamId: string
  privateKey: KeyObject
  publicKey: KeyObject
  /** PKCS#8 PEM, the shape of an AuthKey_XXXXXXXXXX.p8 file (what node-apn takes as `key`). */
  privateKeyPem: string
}

export function createTestSigningKey(keyId = 'KEY1234567', teamId = 'TEAM123456'): TestSigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
  return { keyId, teamId, privateKey, publicKey, privateKeyPem }
}

export interface TokenOverrides {
  /** Epoch seconds; default now. */
  iat?: number
  /** Merged over {alg: 'ES256', kid}. */
  header?: Record<string, unknown>
  /** Merged over {iss, iat}. */
  claims?: Record<string, unknown>
  /** Sign with this key instead of the one the header names (a "wrong key" token). */
  signWith?: KeyObject
}

export function signProviderToken(key: TestSigningKey, overrides: TokenOverrides = {}): string {
  const iat = overrides.iat ?? Math.floor(Date.now() / 1000)
  const header = { alg: 'ES256', kid: key.keyId, ...overrides.header }
  const claims = { iss: key.teamId, iat, ...overrides.claims }
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`
  const signature = sign('sha256', Buffer.from(signingInput), {
    key: overrides.signWith ?? key.privateKey,
    dsaEncoding: 'ieee-p1363'
  })
  return `${signingInput}.${signature.toString('base64url')}`
}

/** A resolveKey for the emulator that knows exactly these keys, by kid + team. */
export function resolverFor(...keys: TestSigningKey[]): (keyId: string, teamId: string) => KeyObject | undefined {
  return (keyId, teamId) => keys.find((k) => k.keyId === keyId && k.teamId === teamId)?.publicKey
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url')
}
