import { createPrivateKey, sign } from 'node:crypto'

/** An APNs provider token (ES256 JWT: header {alg, kid}, claims {iss, iat}), as node-apn makes one. */
export function signProviderToken(privateKeyPem: string, keyId: string, teamId: string, nowSeconds: number): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const signingInput = `${encode({ alg: 'ES256', kid: keyId })}.${encode({ iss: teamId, iat: nowSeconds })}`
  const signature = sign('sha256', Buffer.from(signingInput), { key: createPrivateKey(privateKeyPem), dsaEncoding: 'ieee-p1363' })
  return `${signingInput}.${signature.toString('base64url')}`
}
