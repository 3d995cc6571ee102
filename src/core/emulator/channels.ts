import { randomBytes, randomUUID } from 'node:crypto'
import { checkLiveActivity } from '../../shared/diagnosis/liveactivity-checks'
import type { Finding } from '../../shared/diagnosis/types'
import { PRIORITIES, topicSuffixOf } from '../../shared/push-types'

/**
 * Broadcast channels as APNs serves them (apns-reference.md §2.1–2.3): the channel registry, the
 * management API (create / read / delete / list on the management host) and the validation of
 * broadcast sends (POST /4/broadcasts/apps/<bundleId> on the push host). Pure apart from the
 * registry, like validate-request.ts; authentication is decided by the caller and passed in.
 */

export const MESSAGE_STORAGE_POLICIES = [0, 1] as const
export type MessageStoragePolicy = (typeof MESSAGE_STORAGE_POLICIES)[number]

/** Apple: up to 10,000 channels per app and environment. */
export const MAX_CHANNELS_PER_APP = 10_000
/** Apple: broadcast payloads up to 5 KB. */
export const BROADCAST_PAYLOAD_LIMIT = 5120

export type ChannelReason =
  | 'MethodNotAllowed'
  | 'BadPath'
  | 'DuplicateHeaders'
  | 'BadMessageId'
  | 'FeatureNotEnabled'
  | 'TopicMismatch'
  | 'TopicDisallowed'
  | 'MissingChannelId'
  | 'BadChannelId'
  | 'ChannelNotRegistered'
  | 'BadRequestParams'
  | 'BadRequestPayload'
  | 'PayloadEmpty'
  | 'MissingPushType'
  | 'InvalidPushType'
  | 'CannotCreateChannelConfig'
  | 'BadExpirationDate'
  | 'BadPriority'
  | 'PayloadTooLarge'

export interface ChannelRules {
  /** Channels per app; Apple's limit unless a test lowers it. */
  limit: number
  /** Whether the App ID has the broadcast capability; FeatureNotEnabled otherwise. */
  featureEnabled: (bundleId: string) => boolean
  /**
   * Apple documents "push-type": "LiveActivity" for create; node-apn sends "liveactivity". Whether
   * APNs minds the case is unverified [U], so this is a switch; 'exact' follows Apple's text.
   */
  createPushTypeCase: 'exact' | 'insensitive'
}

export const DEFAULT_CHANNEL_RULES: ChannelRules = { limit: MAX_CHANNELS_PER_APP, featureEnabled: () => true, createPushTypeCase: 'exact' }

export interface ChannelRecord {
  id: string
  policy: MessageStoragePolicy
  createdAt: number
}

export interface ChannelRegistry {
  create(bundleId: string, policy: MessageStoragePolicy): ChannelRecord
  get(bundleId: string, channelId: string): ChannelRecord | undefined
  delete(bundleId: string, channelId: string): boolean
  list(bundleId: string): ChannelRecord[]
  count(bundleId: string): number
}

export function createChannelRegistry(now: () => number = Date.now): ChannelRegistry {
  const apps = new Map<string, Map<string, ChannelRecord>>()
  const of = (bundleId: string) => apps.get(bundleId) ?? new Map<string, ChannelRecord>()
  return {
    create(bundleId, policy) {
      const channels = of(bundleId)
      // Apple: channel IDs are random base64; "don't make assumptions on the channel ID size".
      const record = { id: randomBytes(16).toString('base64'), policy, createdAt: now() }
      channels.set(record.id, record)
      apps.set(bundleId, channels)
      return record
    },
    get: (bundleId, channelId) => apps.get(bundleId)?.get(channelId),
    delete: (bundleId, channelId) => apps.get(bundleId)?.delete(channelId) ?? false,
    list: (bundleId) => [...of(bundleId).values()],
    count: (bundleId) => of(bundleId).size
  }
}

/** A request as the transport read it (regular header names lowercase, every value kept). */
export interface ChannelRequest {
  method: string
  path: string
  headers: Readonly<Record<string, readonly string[]>>
  body: Buffer
  bytes: number
}

/** What the caller's authentication decided: null when the credential is fine. */
export interface ChannelAuth {
  problem: { status: number; reason: string } | null
  /** For certificate connections: the topics the certificate may push to (TopicMismatch). */
  certificateTopics: readonly string[] | null
}

export interface ChannelAnswer {
  status: number
  /** Response headers besides :status; apns-request-id is always among them. */
  headers: Record<string, string>
  /** JSON text, or '' for an empty body. */
  body: string
  reason: string | null
  /** For accepted broadcasts: what iOS would do badly with the payload (the inbox shows it). */
  lint: string[]
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/
const MANAGEMENT_PATH = /^\/1\/apps\/([^/]+)\/(channels|all-channels)$/
const BROADCAST_PATH = /^\/4\/broadcasts\/apps\/([^/]+)$/
const CREATE_KEYS = new Set(['message-storage-policy', 'push-type'])

export function isBroadcastPath(path: string): boolean {
  return path.startsWith('/4/broadcasts/')
}

/** The request id APNs answers with: the client's when it is a valid UUID, else a fresh one. */
export function requestIdOf(request: ChannelRequest): string {
  const sent = first(request, 'apns-request-id')
  return sent !== undefined && UUID.test(sent) ? sent : randomUUID()
}

/** The management host: /1/apps/<bundleId>/channels (POST, GET, DELETE) and /all-channels (GET). */
export function answerManagement(request: ChannelRequest, auth: ChannelAuth, registry: ChannelRegistry, rules: ChannelRules): ChannelAnswer {
  const requestId = requestIdOf(request)
  const no = (status: number, reason: ChannelReason) => rejection(status, reason, requestId)
  const route = MANAGEMENT_PATH.exec(request.path)
  if (!route) return no(404, 'BadPath')
  const bundleId = decodeURIComponent(route[1]!)
  const action = actionOf(request.method, route[2] as 'channels' | 'all-channels')
  if (!action) return no(405, 'MethodNotAllowed')

  const early = common(request, auth, bundleId, rules)
  if (early) return no(early.status, early.reason as ChannelReason)

  const ok = (status: number, extra: Record<string, string> = {}, body = ''): ChannelAnswer => ({
    status, headers: { 'apns-request-id': requestId, ...(body ? { 'content-type': 'application/json' } : {}), ...extra }, body, reason: null, lint: []
  })

  if (action === 'list') return ok(200, {}, JSON.stringify({ channels: registry.list(bundleId).map((c) => c.id) }))
  if (action === 'create') {
    const parsed = createBody(request, rules)
    if (typeof parsed === 'string') return no(400, parsed)
    if (registry.count(bundleId) >= rules.limit) return no(400, 'CannotCreateChannelConfig')
    const channel = registry.create(bundleId, parsed)
    return ok(201, { 'apns-channel-id': channel.id })
  }
  const channelId = channelIdOf(request)
  if (typeof channelId !== 'string') return no(400, channelId.reason)
  const channel = registry.get(bundleId, channelId)
  if (!channel) return no(400, 'ChannelNotRegistered')
  if (action === 'read') return ok(200, {}, JSON.stringify({ 'message-storage-policy': channel.policy, 'push-type': 'LiveActivity' }))
  registry.delete(bundleId, channelId)
  return ok(204)
}

/** POST /4/broadcasts/apps/<bundleId> on the push host, in APNSwift's order where Apple is silent. */
export function answerBroadcast(request: ChannelRequest, auth: ChannelAuth, registry: ChannelRegistry, rules: ChannelRules, nowMs: number): ChannelAnswer {
  const requestId = requestIdOf(request)
  const no = (status: number, reason: ChannelReason) => rejection(status, reason, requestId)
  if (request.method !== 'POST') return no(405, 'MethodNotAllowed')
  const route = BROADCAST_PATH.exec(request.path)
  if (!route) return no(404, 'BadPath')
  const bundleId = decodeURIComponent(route[1]!)
  // Apple's TopicDisallowed text for broadcasts: "no push type suffix is added to the bundle ID".
  if (topicSuffixOf(bundleId)) return no(400, 'TopicDisallowed')

  const early = common(request, auth, bundleId, rules)
  if (early) return no(early.status, early.reason as ChannelReason)

  const channelId = channelIdOf(request)
  if (typeof channelId !== 'string') return no(400, channelId.reason)
  const pushType = first(request, 'apns-push-type')
  if (pushType === undefined || pushType === '') return no(400, 'MissingPushType')
  // Apple's samples send "liveactivity", its text says "LiveActivity": the case is not the point.
  if (pushType.toLowerCase() !== 'liveactivity') return no(400, 'InvalidPushType')
  const expiration = first(request, 'apns-expiration')
  if (expiration === undefined || !/^\d+$/.test(expiration)) return no(400, 'BadExpirationDate')
  const priority = first(request, 'apns-priority')
  if (priority === undefined || !(PRIORITIES.map(String) as string[]).includes(priority)) return no(400, 'BadPriority')
  const channel = registry.get(bundleId, channelId)
  if (!channel) return no(400, 'ChannelNotRegistered')
  // No Message Stored channels keep nothing, so anything but "deliver now or never" is refused.
  if (channel.policy === 0 && expiration !== '0') return no(400, 'BadExpirationDate')
  if (request.bytes === 0) return no(400, 'PayloadEmpty')
  if (request.bytes > BROADCAST_PAYLOAD_LIMIT) return no(413, 'PayloadTooLarge')
  const payload = parseJson(request.body.toString('utf8'))
  if (payload === undefined || payload === null || typeof payload !== 'object' || Array.isArray(payload)) return no(400, 'BadRequestPayload')

  return {
    status: 200,
    headers: { 'apns-request-id': requestId, 'apns-unique-id': randomUUID() },
    body: '',
    reason: null,
    lint: broadcastLint(payload as Record<string, unknown>, nowMs)
  }
}

/** Checks shared by both hosts: duplicate headers, the request id, authentication, the app. */
function common(request: ChannelRequest, auth: ChannelAuth, bundleId: string, rules: ChannelRules): { status: number; reason: string } | null {
  if (Object.values(request.headers).some((values) => values.length > 1)) return { status: 400, reason: 'DuplicateHeaders' }
  const requestId = first(request, 'apns-request-id')
  if (requestId !== undefined && !UUID.test(requestId)) return { status: 400, reason: 'BadMessageId' }
  if (auth.problem) return auth.problem
  // The path's app must be one the certificate covers (a token key covers its team's apps).
  if (auth.certificateTopics && !auth.certificateTopics.includes(bundleId)) return { status: 403, reason: 'TopicMismatch' }
  if (!rules.featureEnabled(bundleId)) return { status: 400, reason: 'FeatureNotEnabled' }
  return null
}

function actionOf(method: string, resource: 'channels' | 'all-channels'): 'create' | 'read' | 'delete' | 'list' | null {
  if (resource === 'all-channels') return method === 'GET' ? 'list' : null
  if (method === 'POST') return 'create'
  if (method === 'GET') return 'read'
  if (method === 'DELETE') return 'delete'
  return null
}

function channelIdOf(request: ChannelRequest): string | { reason: ChannelReason } {
  const channelId = first(request, 'apns-channel-id')
  if (channelId === undefined || channelId === '') return { reason: 'MissingChannelId' }
  return BASE64.test(channelId) && channelId.length % 4 === 0 ? channelId : { reason: 'BadChannelId' }
}

function createBody(request: ChannelRequest, rules: ChannelRules): MessageStoragePolicy | ChannelReason {
  if (request.bytes === 0) return 'PayloadEmpty'
  const body = parseJson(request.body.toString('utf8'))
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) return 'BadRequestPayload'
  const fields = body as Record<string, unknown>
  if (Object.keys(fields).some((k) => !CREATE_KEYS.has(k))) return 'BadRequestParams'
  const pushType = fields['push-type']
  if (pushType === undefined) return 'MissingPushType'
  const wanted = rules.createPushTypeCase === 'exact' ? pushType === 'LiveActivity' : typeof pushType === 'string' && pushType.toLowerCase() === 'liveactivity'
  if (!wanted) return 'InvalidPushType'
  // A number, as Apple documents; node-apn's README example sends the string "1".
  const policy = fields['message-storage-policy']
  return policy === 0 || policy === 1 ? policy : 'BadRequestParams'
}

function broadcastLint(payload: Record<string, unknown>, nowMs: number): string[] {
  const aps = payload.aps
  if (aps === null || typeof aps !== 'object' || Array.isArray(aps)) return ['The broadcast has no "aps" dictionary, so no Live Activity can use it.']
  const findings: Finding[] = []
  checkLiveActivity(aps as Record<string, unknown>, nowMs, 'channel', findings)
  return findings.filter((f) => f.severity !== 'info').map((f) => f.message)
}

function rejection(status: number, reason: ChannelReason, requestId: string): ChannelAnswer {
  return { status, headers: { 'apns-request-id': requestId, 'content-type': 'application/json' }, body: JSON.stringify({ reason }), reason, lint: [] }
}

function first(request: ChannelRequest, name: string): string | undefined {
  return request.headers[name]?.[0]
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}
