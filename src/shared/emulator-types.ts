/**
 * What the local emulator shows the app: each request as APNs received it ("Emulator inbox"),
 * and the faults a user or test can make it answer with.
 */
export interface EmulatorRequest {
  id: number
  receivedAt: number
  connectionId: number
  /** token: a JWT in authorization; certificate: a client certificate on the TLS connection. */
  authMode: 'token' | 'certificate' | 'none'
  method: string
  path: string
  /** Regular headers; repeated ones joined with ", ". authorization reads "bearer <redacted>". */
  headers: Record<string, string>
  jwt: { header: Record<string, unknown>; claims: Record<string, unknown> } | null
  /** Subject and topics of the client certificate, for certificate connections. */
  certificate: { subject: string; topics: string[]; environments: string[] } | null
  body: string
  bytes: number
  status: number
  reason: string | null
  apnsId: string
  apnsUniqueId: string | null
  /** What APNs would accept but mishandle (may be empty). */
  lint: string[]
  /** The fault that shaped this answer, if one was injected. */
  fault: string | null
}

/** How the emulator misbehaves on purpose, once for the next device push or for every push to one token (channel requests and broadcasts are never faulted). */
export type EmulatorFault =
  | { kind: 'status'; status: 400 | 403 | 410 | 413 | 429 | 500 | 503; reason?: string; retryAfterSeconds?: number }
  | { kind: 'latency'; ms: number }
  | { kind: 'hang' }
  | { kind: 'goaway'; reason?: string }
  | { kind: 'drop-connection' }

export type FaultScope = { scope: 'next' } | { scope: 'token'; token: string }
