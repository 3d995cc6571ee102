import { DEFAULT_PAYLOAD_LIMIT, PRIORITIES, PUSH_TYPE_INFO, PUSH_TYPES, topicSuffixOf, type PushType } from '../../shared/push-types'
import { MIN_TOKEN_HEX_LENGTH } from '../../shared/device-token'
import { certificateProblem, type ClientCertificate } from './certificate-auth'
import type { DeviceRegistry } from './device-registry'
import { bearerTokenOf, verifyProviderToken, type ProviderIdentity, type ResolveProviderKey } from './jwt-verifier'
import { tokenConnectionProblem, type TokenConnectionRules, type TokenConnectionState } from './token-connection'

/**
 * The APNs request validation pipeline (apns-reference.md §1.2, §1.4, §4.4): a request goes in,
 * a verdict comes out. Pure apart from reading the device registry, so every rule can be tested
 * without a socket and the server stays a thin transport.
 *
 * The first failing check wins, in the order of §4.4 (Pushy's order where Apple is silent).
 */

/** A request as the server read it off an HTTP/2 stream. */
export interface IncomingRequest {
  method: string
  path: string
  /** Regular headers (no pseudo-headers), names lowercase, with every value each was sent with. */
  headers: Readonly<Record<string, readonly string[]>>
  /** The body as buffered; shorter than `bytes` when the reader stopped at its cap. */
  body: Buffer
  /** Bytes received, which is what APNs compares with the payload limit. */
  bytes: number
}

export interface ValidationContext {
  devices: Pick<DeviceRegistry, 'get'>
  resolveKey: ResolveProviderKey
  /** What to do with a well-formed token that is not in the registry. */
  unknownTokens: 'accept' | 'bad-device-token'
  nowMs: number
  /** How the connection authenticates, and what it already holds. */
  connection: ConnectionAuth
}

/**
 * Token connections carry no client certificate and authenticate every request with a JWT;
 * certificate connections are authenticated by their certificate, and authorization is ignored.
 */
export type ConnectionAuth =
  | { mode: 'token'; state: Readonly<TokenConnectionState>; rules: TokenConnectionRules }
  | { mode: 'certificate'; certificate: ClientCertificate }

/** A provider token that passed every authentication check; the server binds the connection to it. */
export interface AuthenticatedToken {
  jwt: string
  identity: ProviderIdentity
}

export type RejectionReason =
  | 'MethodNotAllowed'
  | 'BadPath'
  | 'MissingDeviceToken'
  | 'DuplicateHeaders'
  | 'BadMessageId'
  | 'MissingProviderToken'
  | 'InvalidProviderToken'
  | 'ExpiredProviderToken'
  | 'UnrelatedKeyIdInToken'
  | 'BadEnvironmentKeyIdInToken'
  | 'BadEnvironmentKeyInToken'
  | 'TooManyProviderTokenUpdates'
  | 'BadCertificate'
  | 'BadCertificateEnvironment'
  | 'MissingTopic'
  | 'BadTopic'
  | 'TopicDisallowed'
  | 'InvalidPushType'
  | 'BadPriority'
  | 'BadExpirationDate'
  | 'BadCollapseId'
  | 'BadDeviceToken'
  | 'Unregistered'
  | 'ExpiredToken'
  | 'DeviceTokenNotForTopic'
  | 'PayloadEmpty'
  | 'PayloadTooLarge'
  | 'InternalServerError'

export interface Rejection {
  accepted: false
  status: number
  reason: RejectionReason
  /** Epoch ms; only with 410 Unregistered, when APNs learned the token was no longer valid. */
  timestamp?: number
  /** Set when the provider token was valid and the request failed later; it still binds the connection. */
  token?: AuthenticatedToken
}

export interface Acceptance {
  accepted: true
  /** The verified provider token (token connections); the server binds connection state to it. */
  token: AuthenticatedToken | null
  /** The apns-topic the push goes to: the header, or a single-topic certificate's UID. */
  topic: string
}

export type Verdict = Acceptance | Rejection

/** The device route; broadcasts (/4/broadcasts/apps/<bundleId>) are answered by channels.ts. */
export type Route = { kind: 'device'; token: string }

/** Apple: "32 lowercase hexadecimal digits … 8-4-4-4-12". See messageIdCheck for the case. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const HEX = /^[0-9a-fA-F]+$/
const DEVICE_PATH = /^\/3\/device\/([^/]*)$/
const MAX_COLLAPSE_ID_BYTES = 64
const PRIORITY_VALUES: readonly string[] = PRIORITIES.map(String)

export function validateRequest(request: IncomingRequest, context: ValidationContext): Verdict {
  if (request.method !== 'POST') return reject(405, 'MethodNotAllowed')

  const route = routeOf(request.path)
  if ('accepted' in route) return route

  const beforeAuth = duplicateHeadersCheck(request) ?? messageIdCheck(request)
  if (beforeAuth) return beforeAuth

  const auth = authenticate(request, context)
  if ('accepted' in auth) return auth
  const token = auth.token ?? undefined

  const topic = topicOf(request, context.connection)
  if (typeof topic !== 'string') return withToken(topic, token)

  const afterAuth =
    pushTypeCheck(request) ??
    priorityCheck(request) ??
    expirationCheck(request) ??
    collapseIdCheck(request) ??
    deviceTokenCheck(route.token) ??
    registryCheck(route.token, topic, context) ??
    payloadCheck(request)
  if (afterAuth) return withToken(afterAuth, token)

  return { accepted: true, token: auth.token, topic }
}

/**
 * Certificate connections: the certificate must be readable, current and made for the
 * development environment. Token connections: the JWT must verify (jwt-verifier.ts) and fit
 * the connection (token-connection.ts).
 */
export function authenticate(request: IncomingRequest, context: ValidationContext): { token: AuthenticatedToken | null } | Rejection {
  const { connection } = context
  if (connection.mode === 'certificate') {
    const problem = certificateProblem(connection.certificate, context.nowMs)
    return problem ? reject(403, problem) : { token: null }
  }

  const authorization = header(request, 'authorization')
  const verdict = verifyProviderToken(authorization, context.resolveKey, context.nowMs)
  if (!verdict.ok) return reject(403, verdict.reason)
  // verifyProviderToken succeeded, so there is a bearer token.
  const jwt = bearerTokenOf(authorization) ?? ''
  const problem = tokenConnectionProblem(jwt, verdict.identity, connection.state, connection.rules, context.nowMs)
  return problem ? reject(problem.status, problem.reason) : { token: { jwt, identity: verdict.identity } }
}

function withToken(rejection: Rejection, token: AuthenticatedToken | undefined): Rejection {
  return token ? { ...rejection, token } : rejection
}

/** The first value of a header, as most APNs headers are single-valued. */
export function header(request: IncomingRequest, name: string): string | undefined {
  return request.headers[name]?.[0]
}

/** The payload limit APNs applies to this request: 5120 bytes for VoIP, 4096 otherwise. */
export function payloadLimitFor(pushType: string | undefined): number {
  return isPushType(pushType) ? PUSH_TYPE_INFO[pushType].maxPayloadBytes : DEFAULT_PAYLOAD_LIMIT
}

/** The device token in a /3/device/<token> path, lowercase; null for any other path. */
export function deviceTokenOfPath(path: string): string | null {
  const token = DEVICE_PATH.exec(path)?.[1]
  return token ? token.toLowerCase() : null
}

function routeOf(path: string): Route | Rejection {
  // "/3/device" with nothing after it is a missing token rather than an unknown path.
  if (path === '/3/device') return reject(400, 'MissingDeviceToken')
  const match = DEVICE_PATH.exec(path)
  if (!match) return reject(404, 'BadPath')
  if (match[1] === '') return reject(400, 'MissingDeviceToken')
  return { kind: 'device', token: match[1] }
}

function duplicateHeadersCheck(request: IncomingRequest): Rejection | undefined {
  const repeated = Object.values(request.headers).some((values) => values.length > 1)
  return repeated ? reject(400, 'DuplicateHeaders') : undefined
}

/**
 * Upper-case UUIDs are accepted: Apple's text asks for lowercase, but UUID parsers (Pushy's
 * included) are case-insensitive and whether APNs refuses them is unverified [U]. Refusing here
 * could make a user "fix" something APNs never complained about.
 */
function messageIdCheck(request: IncomingRequest): Rejection | undefined {
  const id = header(request, 'apns-id')
  return id !== undefined && !isMessageId(id) ? reject(400, 'BadMessageId') : undefined
}

/** A canonical 8-4-4-4-12 UUID, as apns-id must be. */
export function isMessageId(value: string): boolean {
  return UUID.test(value)
}

/**
 * A bundle-ID-like topic: labels of letters, digits, "-" and "_" separated by single dots
 * ("com.example.app", "com.example.app.voip", "com.example.app.push-type.liveactivity", MDM's
 * "com.apple.mgmt.External.<uuid>"). Spaces, "<", ">", empty labels and the like are BadTopic.
 */
const TOPIC = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/

/**
 * The topic the push goes to, or why there is none. Token connections always need apns-topic.
 * Certificate connections default to the certificate's only topic (its UID) and may only push
 * to topics the certificate lists.
 */
function topicOf(request: IncomingRequest, connection: ConnectionAuth): string | Rejection {
  const sent = header(request, 'apns-topic')
  const certificateTopics = connection.mode === 'certificate' ? connection.certificate.topics : null

  if (sent === undefined || sent.trim() === '') {
    return certificateTopics?.length === 1 ? certificateTopics[0] : reject(400, 'MissingTopic')
  }
  if (!TOPIC.test(sent)) return reject(400, 'BadTopic')
  if (certificateTopics && !certificateTopics.includes(sent)) return reject(400, 'TopicDisallowed')
  return sent
}

function pushTypeCheck(request: IncomingRequest): Rejection | undefined {
  const pushType = header(request, 'apns-push-type')
  return pushType !== undefined && !isPushType(pushType) ? reject(400, 'InvalidPushType') : undefined
}

function priorityCheck(request: IncomingRequest): Rejection | undefined {
  const priority = header(request, 'apns-priority')
  return priority !== undefined && !PRIORITY_VALUES.includes(priority) ? reject(400, 'BadPriority') : undefined
}

/** UNIX epoch seconds, or 0 for "one attempt only"; anything but a non-negative integer is refused. */
function expirationCheck(request: IncomingRequest): Rejection | undefined {
  const expiration = header(request, 'apns-expiration')
  return expiration !== undefined && !/^\d+$/.test(expiration) ? reject(400, 'BadExpirationDate') : undefined
}

/**
 * The limit is 64 bytes, not characters. Node hands HTTP/2 header values over as one character
 * per byte (latin1), so the latin1 length is the number of bytes on the wire.
 */
function collapseIdCheck(request: IncomingRequest): Rejection | undefined {
  const collapseId = header(request, 'apns-collapse-id')
  if (collapseId === undefined) return undefined
  return Buffer.byteLength(collapseId, 'latin1') > MAX_COLLAPSE_ID_BYTES ? reject(400, 'BadCollapseId') : undefined
}

/**
 * Whole bytes of hex, at least 32 of them. Not exactly 64 digits: Apple says "don't make
 * assumptions about device token size" and Simulator tokens are longer.
 */
function deviceTokenCheck(token: string): Rejection | undefined {
  const wellFormed = HEX.test(token) && token.length % 2 === 0 && token.length >= MIN_TOKEN_HEX_LENGTH
  return wellFormed ? undefined : reject(400, 'BadDeviceToken')
}

function registryCheck(token: string, topic: string, context: ValidationContext): Rejection | undefined {
  const device = context.devices.get(token.toLowerCase())
  if (!device) return context.unknownTokens === 'bad-device-token' ? reject(400, 'BadDeviceToken') : undefined
  switch (device.state) {
    case 'bad':
      return reject(400, 'BadDeviceToken')
    case 'unregistered':
      return { ...reject(410, 'Unregistered'), timestamp: device.since }
    case 'expired':
      return reject(410, 'ExpiredToken')
    case 'active':
      return device.topic !== undefined && appOf(topic) !== appOf(device.topic) ? reject(400, 'DeviceTokenNotForTopic') : undefined
  }
}

/**
 * The bundle ID a topic belongs to. A device registered for "com.example.app" also receives that
 * app's ".voip", ".push-type.liveactivity", … topics; only another app's topic is refused.
 */
function appOf(topic: string): string {
  const trimmed = topic.trim()
  const suffix = topicSuffixOf(trimmed)
  return suffix ? trimmed.slice(0, -suffix.length) : trimmed
}

function payloadCheck(request: IncomingRequest): Rejection | undefined {
  if (request.bytes === 0) return reject(400, 'PayloadEmpty')
  const limit = payloadLimitFor(header(request, 'apns-push-type'))
  return request.bytes > limit ? reject(413, 'PayloadTooLarge') : undefined
}

export function isPushType(value: string | undefined): value is PushType {
  return (PUSH_TYPES as readonly (string | undefined)[]).includes(value)
}

function reject(status: number, reason: RejectionReason): Rejection {
  return { accepted: false, status, reason }
}
