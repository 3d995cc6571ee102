import type { ServerHttp2Session } from 'node:http2'

/**
 * Apple: "when using an authentication token, APNs allows only one stream until you post a
 * request with a valid authentication token" (apns-reference.md §1.8). Token connections start
 * at 1 and are raised after the first accepted request; clients that open many streams on a
 * fresh connection get REFUSED_STREAM, exactly the failure a real app must survive.
 */
export const INITIAL_TOKEN_CONNECTION_STREAMS = 1
export const RAISED_CONNECTION_STREAMS = 1000

/**
 * What the emulator remembers about one client connection. This is where the rest of §4.4
 * lands: auth mode (certificate or token), the team and key bound by the first push, the last
 * provider token and when it was first used, and an error counter.
 */
export interface ConnectionState {
  id: number
  /** True once the stream limit was raised after the first accepted request. */
  streamsRaised: boolean
}

export function createConnectionState(id: number): ConnectionState {
  return { id, streamsRaised: false }
}

/** Lift the one-stream limit after the connection's first accepted request. */
export function noteAcceptedRequest(connection: ConnectionState, session: ServerHttp2Session): void {
  if (connection.streamsRaised || session.destroyed || session.closed) return
  connection.streamsRaised = true
  // Node sends the new SETTINGS mid-connection; the client's queued streams then proceed.
  session.settings({ maxConcurrentStreams: RAISED_CONNECTION_STREAMS })
}
