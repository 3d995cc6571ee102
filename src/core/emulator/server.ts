import { randomUUID, type KeyObject } from 'node:crypto'
import http2, { type IncomingHttpHeaders, type ServerHttp2Session, type ServerHttp2Stream } from 'node:http2'
import type { AddressInfo, Socket } from 'node:net'
import { createConnectionState, INITIAL_TOKEN_CONNECTION_STREAMS, noteAcceptedRequest, type ConnectionState } from './connection-state'
import { createDeviceRegistry, type DeviceRegistry } from './device-registry'
import { bearerTokenOf, decodeJwt } from './jwt-verifier'
import { lintAcceptedRequest } from './lint'
import { readCappedBody } from './read-body'
import { createRecorder, redactHeaders, type RecordedRequest } from './recorder'
import { sendAcceptance, sendRejection } from './respond'
import type { EmulatorTlsIdentity } from './tls-identity'
import { header, isMessageId, validateRequest, type EmulatorRequest, type Rejection, type Verdict } from './validate-request'

/**
 * The local APNs emulator: an HTTP/2 + TLS server on 127.0.0.1 that answers like APNs
 * (apns-reference.md §4.4). This file is only transport and bookkeeping; what a request
 * deserves is decided in validate-request.ts.
 */

export interface EmulatorOptions {
  tls: EmulatorTlsIdentity
  /** Public key for a JWT's kid + iss (team); undefined means the key is unknown -> 403 InvalidProviderToken. */
  resolveKey: (keyId: string, teamId: string) => KeyObject | undefined
  /** Default 0 (ephemeral). */
  port?: number
  /** What to do with a well-formed token that is not in the registry. Default 'accept' (200). */
  unknownTokens?: 'accept' | 'bad-device-token'
  /** Epoch ms, for tests of JWT age. */
  now?: () => number
}

export interface RunningEmulator {
  host: '127.0.0.1'
  port: number
  /** The certificate to pass to node-apn as `ca: [caPem]`. */
  caPem: string
  devices: DeviceRegistry
  /** Newest last; at most the last 500. */
  requests(): RecordedRequest[]
  /** Closes the listener and destroys open sessions, so it never waits on a client. */
  close(): Promise<void>
}

export const EMULATOR_HOST = '127.0.0.1'

const INTERNAL_ERROR: Rejection = { accepted: false, status: 500, reason: 'InternalServerError' }

export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const now = options.now ?? Date.now
  const devices = createDeviceRegistry()
  const recorder = createRecorder()
  const sessions = new Set<ServerHttp2Session>()
  const sockets = new Set<Socket>()
  let nextConnectionId = 1

  const server = http2.createSecureServer({
    key: options.tls.keyPem,
    cert: options.tls.certPem,
    allowHTTP1: false, // APNs speaks HTTP/2 only (ALPN h2)
    minVersion: 'TLSv1.2',
    // Ask for a client certificate without requiring one: certificate auth is per connection,
    // as with APNs (and Pushy's mock), and Apple's certificates do not chain to our CA.
    requestCert: true,
    rejectUnauthorized: false,
    settings: { maxConcurrentStreams: INITIAL_TOKEN_CONNECTION_STREAMS }
  })

  // Tracked so close() can cut off clients that would otherwise keep server.close() waiting,
  // including sockets still in the TLS handshake that have no session yet.
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })

  server.on('session', (session: ServerHttp2Session) => {
    sessions.add(session)
    session.once('close', () => sessions.delete(session))
    // A client that misbehaves at the HTTP/2 level only loses its own connection.
    session.on('error', () => undefined)
    const connection = createConnectionState(nextConnectionId++)
    session.on('stream', (stream: ServerHttp2Stream, headers: IncomingHttpHeaders, _flags: number, rawHeaders: string[]) => {
      void answerStream(stream, headers, rawHeaders, session, connection)
    })
  })

  // Failed handshakes, bad frames and late listener errors must never take the process down.
  server.on('sessionError', () => undefined)
  server.on('tlsClientError', () => undefined)

  async function answerStream(
    stream: ServerHttp2Stream,
    headers: IncomingHttpHeaders,
    rawHeaders: string[],
    session: ServerHttp2Session,
    connection: ConnectionState
  ): Promise<void> {
    // A client resetting its stream is ordinary; without a listener it would throw.
    stream.on('error', () => undefined)
    const receivedAt = now()
    try {
      const body = await readCappedBody(stream)
      if (!body) return // the client gave up before the request was complete: nobody to answer

      const request: EmulatorRequest = {
        method: String(headers[':method'] ?? ''),
        path: String(headers[':path'] ?? ''),
        headers: regularHeaders(rawHeaders),
        body: body.data,
        bytes: body.bytes
      }
      const verdict = judge(request)
      const apnsId = responseApnsId(request)
      const inboxEntry = { receivedAt, connectionId: connection.id, request, verdict, apnsId }

      // Recorded before answering, so whoever sees the answer also finds it in the inbox.
      if (verdict.accepted) {
        const apnsUniqueId = randomUUID()
        record({ ...inboxEntry, apnsUniqueId })
        // Before responding, so the raised limit is on the wire ahead of the 200.
        noteAcceptedRequest(connection, session)
        sendAcceptance(stream, apnsId, apnsUniqueId)
      } else {
        record({ ...inboxEntry, apnsUniqueId: null })
        sendRejection(stream, verdict, apnsId)
      }
      if (body.truncated) stopReceiving(stream)
    } catch {
      // A bug of ours, not the client's: answer as APNs does when it breaks.
      sendRejection(stream, INTERNAL_ERROR, randomUUID())
    }
  }

  function record(entry: {
    receivedAt: number
    connectionId: number
    request: EmulatorRequest
    verdict: Verdict
    apnsId: string
    apnsUniqueId: string | null
  }): void {
    const { request, verdict } = entry
    const jwt = bearerTokenOf(header(request, 'authorization'))
    recorder.record({
      receivedAt: entry.receivedAt,
      connectionId: entry.connectionId,
      method: request.method,
      path: request.path,
      headers: redactHeaders(request.headers),
      jwt: jwt === null ? null : decodeJwt(jwt),
      body: request.body.toString('utf8'),
      bytes: request.bytes,
      status: verdict.accepted ? 200 : verdict.status,
      reason: verdict.accepted ? null : verdict.reason,
      apnsId: entry.apnsId,
      apnsUniqueId: entry.apnsUniqueId,
      lint: verdict.accepted ? lintAcceptedRequest(request) : []
    })
  }

  function judge(request: EmulatorRequest): Verdict {
    try {
      return validateRequest(request, {
        devices,
        resolveKey: options.resolveKey,
        unknownTokens: options.unknownTokens ?? 'accept',
        nowMs: now()
      })
    } catch {
      return INTERNAL_ERROR
    }
  }

  await listen(server, options.port ?? 0)
  // After startup, listener errors have nobody to report to; ignore rather than crash the host.
  server.on('error', () => undefined)

  let closing: Promise<void> | undefined
  return {
    host: EMULATOR_HOST,
    port: (server.address() as AddressInfo).port,
    caPem: options.tls.certPem,
    devices,
    requests: () => recorder.list(),
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve())
        for (const session of sessions) session.destroy()
        for (const socket of sockets) socket.destroy()
      }))
  }
}

function listen(server: http2.Http2SecureServer, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, EMULATOR_HOST, () => {
      server.off('error', reject)
      resolve()
    })
  })
}

/**
 * Regular headers with every value they came with, from the raw list: the parsed `headers`
 * object merges repeats, and DuplicateHeaders needs to see them.
 */
function regularHeaders(rawHeaders: string[]): Record<string, string[]> {
  const result: Record<string, string[]> = {}
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i].toLowerCase()
    if (name.startsWith(':')) continue
    ;(result[name] ??= []).push(rawHeaders[i + 1])
  }
  return result
}

/** The request's apns-id when it is a valid one (APNs echoes it), else a fresh lowercase UUID. */
function responseApnsId(request: EmulatorRequest): string {
  const requested = header(request, 'apns-id')
  return requested !== undefined && isMessageId(requested) ? requested : randomUUID()
}

/**
 * After an early answer (body over the cap), tell the client to stop sending. RST_STREAM with
 * NO_ERROR after a complete response is how HTTP/2 says "I have answered, keep the rest"
 * (RFC 9113 §8.1); the response already sent stays valid for the client.
 */
function stopReceiving(stream: ServerHttp2Stream): void {
  const close = (): void => {
    if (!stream.closed && !stream.destroyed) stream.close(http2.constants.NGHTTP2_NO_ERROR)
  }
  if (stream.writableFinished) close()
  else stream.once('finish', close)
}
