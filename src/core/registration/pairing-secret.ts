import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** 256 random bits, URL-safe so it fits a header, a QR code and a Swift string literal as is. */
export function newPairingSecret(): string {
  return randomBytes(32).toString('base64url')
}

/**
 * Whether an Authorization header carries the secret ("Bearer <secret>"). Both sides are hashed
 * first so the comparison takes the same time whatever the length or content of the guess.
 */
export function carriesSecret(authorization: string | undefined, secret: string | null): boolean {
  if (!secret || !authorization) return false
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization)
  const given = match?.[1] ?? ''
  const a = createHash('sha256').update(given, 'utf8').digest()
  const b = createHash('sha256').update(secret, 'utf8').digest()
  return timingSafeEqual(a, b) && match !== null
}
