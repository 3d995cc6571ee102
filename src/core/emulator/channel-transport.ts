import type { ServerHttp2Stream } from 'node:http2'
import type { EmulatorRequest } from '../../shared/emulator-types'
import { answerBroadcast, answerManagement, type ChannelAnswer, type ChannelAuth, type ChannelRegistry, type ChannelRequest, type ChannelRules } from './channels'
import type { ConnectionState } from './connection-state'
import type { ResolveProviderKey } from './jwt-verifier'
import { senderFields } from './recorder'
import { noteAuthenticatedToken, type TokenConnectionRules } from './token-connection'
import { authenticate } from './validate-request'

/**
 * Answering channel requests on an HTTP/2 stream: the management host's requests and broadcasts
 * on the push host. Authentication is the same as for device pushes (validate-request.ts), the
 * rules are in channels.ts; this file connects them, writes the answer and fills the inbox.
 */

export interface ChannelContext {
  registry: ChannelRegistry
  rules: ChannelRules
  resolveKey: ResolveProviderKey
  tokenRules: TokenConnectionRules
  now: () => number
  record: (entry: Omit<EmulatorRequest, 'id'>) => void
}

export function answerChannelRequest(kind: 'management' | 'broadcast', stream: ServerHttp2Stream, request: ChannelRequest, connection: ConnectionState, context: ChannelContext): ChannelAnswer {
  const nowMs = context.now()
  const auth = authenticateChannelRequest(request, connection, context, nowMs)
  const answer = kind === 'management'
    ? answerManagement(request, auth, context.registry, context.rules)
    : answerBroadcast(request, auth, context.registry, context.rules, nowMs)
  record(request, connection, answer, nowMs, context)
  if (!stream.destroyed && !stream.closed && !stream.headersSent) {
    stream.respond({ ':status': answer.status, ...answer.headers }, { endStream: answer.body === '' })
    if (answer.body !== '') stream.end(answer.body)
  }
  return answer
}

function authenticateChannelRequest(request: ChannelRequest, connection: ConnectionState, context: ChannelContext, nowMs: number): ChannelAuth {
  const verdict = authenticate(request, {
    // Channel requests name no device: the registry and unknown-token policy play no part.
    devices: { get: () => undefined },
    unknownTokens: 'accept',
    resolveKey: context.resolveKey,
    nowMs,
    connection: connection.certificate
      ? { mode: 'certificate', certificate: connection.certificate }
      : { mode: 'token', state: connection.token, rules: context.tokenRules }
  })
  if ('accepted' in verdict) return { problem: { status: verdict.status, reason: verdict.reason }, certificateTopics: null }
  if (verdict.token) noteAuthenticatedToken(connection.token, verdict.token.jwt, verdict.token.identity, nowMs)
  return { problem: null, certificateTopics: connection.certificate ? connection.certificate.topics : null }
}

function record(request: ChannelRequest, connection: ConnectionState, answer: ChannelAnswer, receivedAt: number, context: ChannelContext): void {
  context.record({
    receivedAt,
    ...senderFields(connection, request.headers.authorization?.[0], request.headers),
    method: request.method,
    path: request.path,
    body: request.body.toString('utf8'),
    bytes: request.bytes,
    status: answer.status,
    reason: answer.reason,
    // Channel requests are identified by apns-request-id rather than apns-id.
    apnsId: answer.headers['apns-request-id'] ?? '',
    apnsUniqueId: answer.headers['apns-unique-id'] ?? null,
    lint: answer.lint,
    fault: null
  })
}
