import type { ServerHttp2Session, ServerHttp2Stream } from 'node:http2'
import type { ClientCertificate } from './certificate-auth'
import { createTokenConnectionState, type TokenConnectionState } from './token-connection'

/**
 * Apple: "when using an authentication token, APNs allows only one stream until you post a
 * request with a valid authentication token" (apns-reference.md §1.8). Token connections start
 * at 1 and are raised after the first accepted request; clients that open many streams on a
 * fresh connection get REFUSED_STREAM, exactly the failure a real app must survive.
 * Certificate connections are authenticated by the handshake and start at the high value.
 */
export const INITIAL_TOKEN_CONNECTION_STREAMS = 1
export const RAISED_CONNECTION_STREAMS = 1000

/**
 * What the emulator remembers about one client connection (§4.4): how it authenticates, the
 * team and key bound by its first valid provider token, the last token and when it was first
 * used, and the streams an injected fault keeps open.
 */
export interface ConnectionState {
  id: number
  /** True once the stream limit was raised (after the first accepted request, or at once for certificates). */
  streamsRaised: boolean
  /** The client certificate of a certificate connection; null on token connections. */
  certificate: ClientCertificate | null
  /** Provider-token bookkeeping; unused on certificate connections. */
  token: TokenConnectionState
  /** Streams not yet closed, so a GOAWAY can refuse the ones it excludes. */
  openStreams: Set<ServerHttp2Stream>
  /** Streams a "hang" fault leaves unanswered, so a GOAWAY fault can release them. */
  hungStreams: Set<ServerHttp2Stream>
  /** Set once the emulator sent GOAWAY: streams above lastStreamId are refused, never processed. */
  goneAway: { lastStreamId: number } | null
}

export function createConnectionState(id: number, certificate: ClientCertificate | null = null): ConnectionState {
  return {
    id,
    streamsRaised: false,
    certificate,
    token: createTokenConnectionState(),
    openStreams: new Set(),
    hungStreams: new Set(),
    goneAway: null
  }
}

/** Lift the one-stream limit: after a token connection's first accepted request, or when a certificate connection opens. */
export function raiseStreamLimit(connection: ConnectionState, session: ServerHttp2Session): void {
  if (connection.streamsRaised || session.destroyed || session.closed) return
  connection.streamsRaised = true
  // Node sends the new SETTINGS mid-connection; the client's queued streams then proceed.
  session.settings({ maxConcurrentStreams: RAISED_CONNECTION_STREAMS })
}
