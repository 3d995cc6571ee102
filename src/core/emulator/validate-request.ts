import { DEFAULT_PAYLOAD_LIMIT, PRIORITIES, PUSH_TYPE_INFO, PUSH_TYPES, topicSuffixOf, type PushType } from '../../shared/push-types'
import { MIN_TOKEN_HEX_LENGTH } from '../../shared/device-token'
import type { DeviceRegistry } from './device-registry'
import { verifyProviderToken, type ProviderIdentity, type ResolveProviderKey } from './jwt-verifier'

/**
 * The APNs request validation pipeline (apns-reference.md §1.2, §1.4, §4.4): a request goes in,
 * a verdict comes out. Pure apart from reading the device registry, so every rule can be tested
 * without a socket and the server stays a thin transport.
 *
 * The first failing check wins, in the order of §4.4 (Pushy's order where Apple is silent).
 */

/** A request as the server read it off an HTTP/2 stream. */
export interface EmulatorRequest {
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
  | 'MissingTopic'
  | 'InvalidPushType'
  | 'BadPriority'
  | 'BadExpirationDate'
  | 'BadCollapseId'
  | 'BadDeviceToken'
  | 'Unregistered'
  | 'DeviceTokenNotForTopic'
  | 'PayloadEmpty'
  | 'PayloadTooLarge'
  | 'InternalServerError'

export interface Rejection {
  accepted: false
  status: number
  reason: RejectionReason
  /** Epoch ms; only with 410, when APNs learned the token was no longer valid. */
  timestamp?: number
}

export interface Acceptance {
  accepted: true
  /** The verified provider token; the server binds connection state to it. */
  identity: ProviderIdentity
}

export type Verdict = Acceptance | Rejection

/** The routes the push listener knows; broadcasts (/4/broadcasts/apps/<bundleId>) join later. */
export type Route = { kind: 'device'; token: string }

/** Apple: "32 lowercase hexadecimal digits … 8-4-4-4-12". See messageIdCheck for the case. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const HEX = /^[0-9a-fA-F]+$/
const DEVICE_PATH = /^\/3\/device\/([^/]*)$/
const MAX_COLLAPSE_ID_BYTES = 64
const PRIORITY_VALUES: readonly string[] = PRIORITIES.map(String)

export function validateRequest(request: EmulatorRequest, context: ValidationContext): Verdict {
  if (request.method !== 'POST') return reject(405, 'MethodNotAllowed')

  const route = routeOf(request.path)
  if ('accepted' in route) return route

  const beforeAuth = duplicateHeadersCheck(request) ?? messageIdCheck(request)
  if (beforeAuth) return beforeAuth

  // Only token authentication exists so far; certificate connections will choose their own
  // check here, from the connection state the server passes in.
  const token = verifyProviderToken(header(request, 'authorization'), context.resolveKey, context.nowMs)
  if (!token.ok) return reject(403, token.reason)

  const afterAuth =
    topicCheck(request) ??
    pushTypeCheck(request) ??
    priorityCheck(request) ??
    expirationCheck(request) ??
    collapseIdCheck(request) ??
    deviceTokenCheck(route.token) ??
    registryCheck(route.token, request, context) ??
    payloadCheck(request)
  if (afterAuth) return afterAuth

  return { accepted: true, identity: token.identity }
}

/** The first value of a header, as most APNs headers are single-valued. */
export function header(request: EmulatorRequest, name: string): string | undefined {
  return request.headers[name]?.[0]
}

/** The payload limit APNs applies to this request: 5120 bytes for VoIP, 4096 otherwise. */
export function payloadLimitFor(pushType: string | undefined): number {
  return isPushType(pushType) ? PUSH_TYPE_INFO[pushType].maxPayloadBytes : DEFAULT_PAYLOAD_LIMIT
}

function routeOf(path: string): Route | Rejection {
  // "/3/device" with nothing after it is a missing token rather than an unknown path.
  if (path === '/3/device') return reject(400, 'MissingDeviceToken')
  const match = DEVICE_PATH.exec(path)
  if (!match) return reject(404, 'BadPath')
  if (match[1] === '') return reject(400, 'MissingDeviceToken')
  return { kind: 'device', token: match[1] }
}

function duplicateHeadersCheck(request: EmulatorRequest): Rejection | undefined {
  const repeated = Object.values(request.headers).some((values) => values.length > 1)
  return repeated ? reject(400, 'DuplicateHeaders') : undefined
}

/**
 * Upper-case UUIDs are accepted: Apple's text asks for lowercase, but UUID parsers (Pushy's
 * included) are case-insensitive and whether APNs refuses them is unverified [U]. Refusing here
 * could make a user "fix" something APNs never complained about.
 */
function messageIdCheck(request: EmulatorRequest): Rejection | undefined {
  const id = header(request, 'apns-id')
  return id !== undefined && !isMessageId(id) ? reject(400, 'BadMessageId') : undefined
}

/** A canonical 8-4-4-4-12 UUID, as apns-id must be. */
export function isMessageId(value: string): boolean {
  return UUID.test(value)
}

/** Token auth always needs a topic: there is no certificate to take a default from. */
function topicCheck(request: EmulatorRequest): Rejection | undefined {
  const topic = header(request, 'apns-topic')
  return topic === undefined || topic.trim() === '' ? reject(400, 'MissingTopic') : undefined
}

function pushTypeCheck(request: EmulatorRequest): Rejection | undefined {
  const pushType = header(request, 'apns-push-type')
  return pushType !== undefined && !isPushType(pushType) ? reject(400, 'InvalidPushType') : undefined
}

function priorityCheck(request: EmulatorRequest): Rejection | undefined {
  const priority = header(request, 'apns-priority')
  return priority !== undefined && !PRIORITY_VALUES.includes(priority) ? reject(400, 'BadPriority') : undefined
}

/** UNIX epoch seconds, or 0 for "one attempt only"; anything but a non-negative integer is refused. */
function expirationCheck(request: EmulatorRequest): Rejection | undefined {
  const expiration = header(request, 'apns-expiration')
  return expiration !== undefined && !/^\d+$/.test(expiration) ? reject(400, 'BadExpirationDate') : undefined
}

/**
 * The limit is 64 bytes, not characters. Node hands HTTP/2 header values over as one character
 * per byte (latin1), so the latin1 length is the number of bytes on the wire.
 */
function collapseIdCheck(request: EmulatorRequest): Rejection | undefined {
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

function registryCheck(token: string, request: EmulatorRequest, context: ValidationContext): Rejection | undefined {
  const device = context.devices.get(token.toLowerCase())
  if (!device) return context.unknownTokens === 'bad-device-token' ? reject(400, 'BadDeviceToken') : undefined
  switch (device.state) {
    case 'bad':
      return reject(400, 'BadDeviceToken')
    case 'unregistered':
      return { ...reject(410, 'Unregistered'), timestamp: device.since }
    case 'active': {
      const topic = header(request, 'apns-topic') ?? ''
      return device.topic !== undefined && appOf(topic) !== appOf(device.topic) ? reject(400, 'DeviceTokenNotForTopic') : undefined
    }
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

function payloadCheck(request: EmulatorRequest): Rejection | undefined {
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
