import { randomUUID, type KeyObject } from 'node:crypto'
import http2, { type IncomingHttpHeaders, type ServerHttp2Session, type ServerHttp2Stream } from 'node:http2'
import type { AddressInfo } from 'node:net'
import type { EmulatorRequest } from '../../shared/emulator-types'
import { clientCertificateOf } from './certificate-auth'
import { createConnectionState, INITIAL_TOKEN_CONNECTION_STREAMS, raiseStreamLimit, type ConnectionState } from './connection-state'
import { createDeviceRegistry, type DeviceRegistry } from './device-registry'
import { createFaultBook, DEFAULT_GOAWAY_REASON, statusFaultReason, type ChosenFault, type EmulatorFaults } from './faults'
import { lintAcceptedRequest } from './lint'
import { answerChannelRequest, type ChannelContext } from './channel-transport'
import { createChannelRegistry, DEFAULT_CHANNEL_RULES, isBroadcastPath, type ChannelRegistry, type ChannelRules } from './channels'
import { regularHeaders, startManagementListener } from './management-server'
import { readCappedBody } from './read-body'
import { trackOpenConnections } from './open-connections'
import { createRecorder, senderFields } from './recorder'
import { sendAcceptance, sendRejection, type ErrorAnswer } from './respond'
import type { EmulatorTlsIdentity } from './tls-identity'
import { noteAuthenticatedToken, type EnvironmentKeyReasonSpelling, type KeyEnvironment, type TokenConnectionRules } from './token-connection'
import {
  deviceTokenOfPath,
  header,
  isMessageId,
  validateRequest,
  type ConnectionAuth,
  type IncomingRequest,
  type Rejection,
  type Verdict
} from './validate-request'

/**
 * The local APNs emulator: an HTTP/2 + TLS server on 127.0.0.1 that answers like APNs
 * (apns-reference.md §4.4). This file is only transport and bookkeeping; what a request
 * deserves is decided in validate-request.ts, and how an injected fault misbehaves is played
 * out here because it is all transport.
 */

export interface EmulatorOptions {
  tls: EmulatorTlsIdentity
  /** Public key for a JWT's kid + iss (team); undefined means the key is unknown -> 403 InvalidProviderToken. */
  resolveKey: (keyId: string, teamId: string) => KeyObject | undefined
  /** Default 0 (ephemeral). */
  port?: number
  /** What to do with a well-formed token that is not in the registry. Default 'accept' (200). */
  unknownTokens?: 'accept' | 'bad-device-token'
  /** Epoch ms, for tests of JWT age, certificate expiry and the 20-minute token update rule. */
  now?: () => number
  /**
   * The environment a signing key is scoped to. The emulator plays the development (sandbox)
   * environment, so a 'production' key gets 403 BadEnvironmentKeyIdInToken. Default 'both'.
   */
  keyEnvironment?: (keyId: string, teamId: string) => KeyEnvironment
  /**
   * Apple documents BadEnvironmentKeyIdInToken; APNs is observed to send BadEnvironmentKeyInToken
   * (apns-reference.md §1.4). Default 'documented'.
   */
  environmentKeyReasonSpelling?: EnvironmentKeyReasonSpelling
  /** Broadcast channel rules: the per-app limit, which apps have the capability, create's push-type case. */
  channels?: Partial<ChannelRules>
}

export interface RunningEmulator {
  host: '127.0.0.1'
  port: number
  /** The certificate to pass to node-apn as `ca: [caPem]`. */
  caPem: string
  devices: DeviceRegistry
  /** Make the emulator misbehave on purpose: status, latency, hang, GOAWAY, dropped connection. */
  faults: EmulatorFaults
  /** The management listener (channel create / read / delete / list), on its own port as with APNs. */
  managementPort: number
  /** Broadcast channels created through the management listener. */
  channels: ChannelRegistry
  /** Newest last; at most the last 500. */
  requests(): EmulatorRequest[]
  /** Closes the listener and destroys open sessions, so it never waits on a client. */
  close(): Promise<void>
}

export const EMULATOR_HOST = '127.0.0.1'

const INTERNAL_ERROR: Rejection = { accepted: false, status: 500, reason: 'InternalServerError' }

/** One inbox entry before the recorder numbers it. */
interface Outcome {
  status: number
  reason: string | null
  apnsUniqueId: string | null
  lint: string[]
  fault: string | null
}

export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const now = options.now ?? Date.now
  const devices = createDeviceRegistry()
  const recorder = createRecorder()
  const faults = createFaultBook()
  /** Latency faults in progress; close() ends them early. */
  const pauses = new Set<() => void>()
  const tokenRules: TokenConnectionRules = {
    keyEnvironment: options.keyEnvironment ?? (() => 'both'),
    environmentKeyReasonSpelling: options.environmentKeyReasonSpelling ?? 'documented'
  }
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

  const open = trackOpenConnections(server)

  server.on('session', (session: ServerHttp2Session) => {
    const connection = createConnectionState(nextConnectionId++, clientCertificateOf(session))
    // The handshake already authenticated a certificate connection: no one-stream phase.
    if (connection.certificate) raiseStreamLimit(connection, session)
    session.on('stream', (stream: ServerHttp2Stream, headers: IncomingHttpHeaders, _flags: number, rawHeaders: string[]) => {
      connection.openStreams.add(stream)
      stream.once('close', () => connection.openStreams.delete(stream))
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
      // Excluded by a GOAWAY this emulator sent: refused, so never processed or recorded.
      if (connection.goneAway && (stream.id ?? 0) > connection.goneAway.lastStreamId) return

      const request: IncomingRequest = {
        method: String(headers[':method'] ?? ''),
        path: String(headers[':path'] ?? ''),
        headers: regularHeaders(rawHeaders),
        body: body.data,
        bytes: body.bytes
      }
      if (isBroadcastPath(request.path)) {
        // Broadcasts have their own rules and headers (apns-request-id, not apns-id); device
        // faults are keyed by token and do not apply to them.
        const answer = answerChannelRequest('broadcast', stream, request, connection, channelContext)
        if (answer.status === 200) raiseStreamLimit(connection, session)
        if (body.truncated) stopReceiving(stream)
        return
      }
      const apnsId = responseApnsId(request)
      const inbox = (outcome: Outcome): void => record(receivedAt, connection, request, apnsId, outcome)

      const chosen = faults.take(deviceTokenOfPath(request.path))
      if (chosen && chosen.fault.kind !== 'latency') {
        playFault(chosen, stream, session, connection, apnsId, inbox)
      } else {
        const verdict = judge(request, connection)
        // Recorded before answering, so whoever sees the answer also finds it in the inbox.
        const fault = chosen?.description ?? null
        if (verdict.accepted) {
          const apnsUniqueId = randomUUID()
          inbox({ status: 200, reason: null, apnsUniqueId, lint: lintAcceptedRequest(request, verdict.topic, now()), fault })
          if (chosen?.fault.kind === 'latency') await pause(chosen.fault.ms)
          // Before responding, so the raised limit is on the wire ahead of the 200.
          raiseStreamLimit(connection, session)
          sendAcceptance(stream, apnsId, apnsUniqueId)
        } else {
          inbox({ status: verdict.status, reason: verdict.reason, apnsUniqueId: null, lint: [], fault })
          if (chosen?.fault.kind === 'latency') await pause(chosen.fault.ms)
          sendRejection(stream, verdict, apnsId)
        }
      }
      if (body.truncated) stopReceiving(stream)
    } catch {
      // A bug of ours, not the client's: answer as APNs does when it breaks.
      sendRejection(stream, INTERNAL_ERROR, randomUUID())
    }
  }

  /** The misbehaviour an injected fault asks for, instead of the verdict (latency is handled in answerStream). */
  function playFault(
    chosen: ChosenFault,
    stream: ServerHttp2Stream,
    session: ServerHttp2Session,
    connection: ConnectionState,
    apnsId: string,
    inbox: (outcome: Outcome) => void
  ): void {
    const { fault, description } = chosen
    const unanswered: Outcome = { status: 0, reason: null, apnsUniqueId: null, lint: [], fault: description }
    switch (fault.kind) {
      case 'status': {
        const answer: ErrorAnswer = { status: fault.status, reason: statusFaultReason(fault), ...(fault.status === 410 ? { timestamp: options.now?.() ?? Date.now() } : {}) }
        inbox({ ...unanswered, status: answer.status, reason: answer.reason })
        const retryAfter = fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) }
        sendRejection(stream, answer, apnsId, retryAfter)
        return
      }
      case 'hang':
        // Never answered: the stream stays open until the client resets it, a GOAWAY fault
        // releases it, or close() destroys the session.
        inbox(unanswered)
        if (!stream.closed && !stream.destroyed) {
          connection.hungStreams.add(stream)
          stream.once('close', () => connection.hungStreams.delete(stream))
        }
        return
      case 'goaway':
        inbox(unanswered)
        goAway(session, connection, stream, fault.reason ?? DEFAULT_GOAWAY_REASON)
        return
      case 'drop-connection':
        inbox(unanswered)
        dropConnection(session)
        return
      case 'latency':
        return // answered by answerStream after the delay
    }
  }

  /**
   * GOAWAY with Apple's JSON reason as opaque data, as APNs does when it shuts a connection
   * down. The in-flight stream is left unanswered: the GOAWAY's last stream id excludes it where
   * HTTP/2 allows (Node cannot send 0, so on the very first stream it is covered and refused
   * anyway), and it is reset with REFUSED_STREAM ("not processed"), as are later streams and
   * hung ones. Then the session closes once the streams still being answered are done.
   */
  function goAway(session: ServerHttp2Session, connection: ConnectionState, stream: ServerHttp2Stream, reason: string): void {
    if (session.closed || session.destroyed) return
    const lastStreamId = Math.max(0, (stream.id ?? 0) - 2)
    connection.goneAway = { lastStreamId }
    session.goaway(http2.constants.NGHTTP2_NO_ERROR, lastStreamId, Buffer.from(JSON.stringify({ reason })))
    const refused = [...connection.openStreams].filter((s) => (s.id ?? 0) > lastStreamId)
    for (const pending of new Set([stream, ...refused, ...connection.hungStreams])) {
      if (!pending.closed && !pending.destroyed) pending.close(http2.constants.NGHTTP2_REFUSED_STREAM)
    }
    session.close()
  }

  /**
   * Cut the TCP connection mid-request with a reset, so the client sees a socket error
   * (ECONNRESET) rather than a polite close.
   */
  function dropConnection(session: ServerHttp2Session): void {
    const { remoteAddress, remotePort } = session.socket
    const raw = [...open.sockets].find((s) => s.remotePort === remotePort && s.remoteAddress === remoteAddress)
    if (raw && !raw.destroyed) raw.resetAndDestroy()
    else session.destroy()
  }

  function pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const end = (): void => {
        clearTimeout(timer)
        pauses.delete(end)
        resolve()
      }
      const timer = setTimeout(end, ms)
      pauses.add(end)
    })
  }

  function record(receivedAt: number, connection: ConnectionState, request: IncomingRequest, apnsId: string, outcome: Outcome): void {
    recorder.record({
      receivedAt,
      ...senderFields(connection, header(request, 'authorization'), request.headers),
      method: request.method,
      path: request.path,
      body: request.body.toString('utf8'),
      bytes: request.bytes,
      status: outcome.status,
      reason: outcome.reason,
      apnsId,
      apnsUniqueId: outcome.apnsUniqueId,
      lint: outcome.lint,
      fault: outcome.fault
    })
  }

  /** The verdict, with the connection's token bookkeeping updated in the same turn. */
  function judge(request: IncomingRequest, connection: ConnectionState): Verdict {
    try {
      const nowMs = now()
      const auth: ConnectionAuth = connection.certificate
        ? { mode: 'certificate', certificate: connection.certificate }
        : { mode: 'token', state: connection.token, rules: tokenRules }
      const verdict = validateRequest(request, {
        devices,
        resolveKey: options.resolveKey,
        unknownTokens: options.unknownTokens ?? 'accept',
        nowMs,
        connection: auth
      })
      if (verdict.token) noteAuthenticatedToken(connection.token, verdict.token.jwt, verdict.token.identity, nowMs)
      return verdict
    } catch {
      return INTERNAL_ERROR
    }
  }

  const channelRegistry = createChannelRegistry(now)
  const channelContext: ChannelContext = {
    registry: channelRegistry,
    rules: { ...DEFAULT_CHANNEL_RULES, ...options.channels },
    resolveKey: options.resolveKey,
    tokenRules,
    now,
    record: (entry) => recorder.record(entry)
  }

  await listen(server, options.port ?? 0)
  const management = await startManagementListener(options.tls, EMULATOR_HOST, channelContext).catch(async (error: unknown) => {
    server.close()
    throw error
  })
  // After startup, listener errors have nobody to report to; ignore rather than crash the host.
  server.on('error', () => undefined)

  let closing: Promise<void> | undefined
  return {
    host: EMULATOR_HOST,
    port: (server.address() as AddressInfo).port,
    caPem: options.tls.certPem,
    managementPort: management.port,
    channels: channelRegistry,
    devices,
    faults: { inject: faults.inject, clear: faults.clear, pending: faults.pending },
    requests: () => recorder.list(),
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        let pending = 2
        const done = (): void => {
          if (--pending === 0) resolve()
        }
        server.close(done)
        void management.close().then(done)
        for (const end of [...pauses]) end()
        open.destroyAll()
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

/** The request's apns-id when it is a valid one (APNs echoes it), else a fresh lowercase UUID. */
function responseApnsId(request: IncomingRequest): string {
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
