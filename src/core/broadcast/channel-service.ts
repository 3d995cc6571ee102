import type apn from '@parse/node-apn'
import { randomUUID } from 'node:crypto'
import { checkLiveActivity } from '../../shared/diagnosis/liveactivity-checks'
import type { Finding } from '../../shared/diagnosis/types'
import { bundleIdProblem } from '../../shared/diagnosis'
import { explainChannelReason } from '../../shared/channel-reasons'
import {
  BROADCAST_PAYLOAD_LIMIT,
  type BroadcastRequest,
  type BroadcastResult,
  type ChannelAnswer,
  type ChannelCreateResult,
  type ChannelInfo,
  type ChannelListResult,
  type ChannelScope,
  type StoragePolicy
} from '../../shared/channel-types'
import { renderTemplate } from '../../shared/library/template-variables'
import { analysePayload } from '../../shared/payload'
import { topicSuffixOf } from '../../shared/push-types'
import { fail, ok, type Result } from '../../shared/result'
import { displayHost, type ApnsEndpoint } from '../apns/endpoint'
import { explainTransportError } from '../apns/explain-transport-error'
import type { ProviderPool } from '../apns/provider-pool'
import type { CredentialService, SigningIdentity } from '../credentials/credential-service'
import type { EndpointResolver } from '../push-service'
import { bodyOf, broadcastNote, channelNote, createChannelNote, headersOf } from './channel-notes'

/** Reading every channel's policy costs one request each; beyond this many only IDs are listed. */
export const MAX_CHANNELS_READ = 50
const CHANNEL_ID = /^[A-Za-z0-9+/]+={0,2}$/
/** node-apn's stream timeout covers a silent server; this covers a connect that never completes. */
const OVERALL_TIMEOUT_MS = 15_000

type RawResponses = apn.Responses<apn.BroadcastResponse, apn.BroadcastResponseFailure>
type Sent = apn.BroadcastResponse & Record<string, unknown>

interface Prepared {
  provider: apn.Provider
  endpoint: ApnsEndpoint
  identity: SigningIdentity
}

/**
 * Broadcast channels through node-apn's channel API (manageChannels, broadcast), on the pooled
 * Provider of the credential, so channel requests share its JWT with pushes (C-18).
 */
export class ChannelService {
  constructor(
    private readonly credentials: CredentialService,
    private readonly pool: ProviderPool,
    private readonly endpoints: EndpointResolver,
    private readonly now: () => Date = () => new Date()
  ) {}

  async list(scope: ChannelScope): Promise<Result<ChannelListResult>> {
    const prepared = await this.prepare(scope)
    if (!prepared.ok) return prepared
    const { provider, endpoint } = prepared.value
    const all = await this.call(endpoint, 'management', () => provider.manageChannels(channelNote(null, randomUUID()), scope.bundleId, 'readAll'))
    if (all.answer.outcome !== 'accepted') return ok({ ...all.answer, channels: [], unread: 0 })
    const ids = stringList(all.sent?.channels)
    const detailed = await Promise.all(ids.slice(0, MAX_CHANNELS_READ).map((id) => this.read(provider, endpoint, scope.bundleId, id)))
    const channels = [...detailed, ...ids.slice(MAX_CHANNELS_READ).map((id) => ({ id, policy: null }))]
    return ok({ ...all.answer, channels, unread: Math.max(0, ids.length - MAX_CHANNELS_READ) })
  }

  async create(scope: ChannelScope, policy: StoragePolicy): Promise<Result<ChannelCreateResult>> {
    const prepared = await this.prepare(scope)
    if (!prepared.ok) return prepared
    const { provider, endpoint } = prepared.value
    const result = await this.call(endpoint, 'management', () => provider.manageChannels(createChannelNote(policy, randomUUID()), scope.bundleId, 'create'))
    const id = result.sent?.['apns-channel-id']
    return ok({ ...result.answer, channel: typeof id === 'string' && id !== '' ? { id, policy } : null })
  }

  async remove(scope: ChannelScope, channelId: string): Promise<Result<ChannelAnswer>> {
    const problem = channelIdProblem(channelId)
    if (problem) return problem
    const prepared = await this.prepare(scope)
    if (!prepared.ok) return prepared
    const { provider, endpoint } = prepared.value
    const result = await this.call(endpoint, 'management', () => provider.manageChannels(channelNote(channelId, randomUUID()), scope.bundleId, 'delete'))
    return ok(result.answer)
  }

  async broadcast(request: BroadcastRequest): Promise<Result<BroadcastResult>> {
    const problem = channelIdProblem(request.channelId)
    if (problem) return problem
    const now = this.now()
    const checked = checkBroadcastPayload(request, now.getTime())
    if (!checked.ok) return checked
    const prepared = await this.prepare(request)
    if (!prepared.ok) return prepared
    const { provider, endpoint, identity } = prepared.value
    if (identity.kind !== 'token') {
      return fail('channels.needs-token-auth', 'Broadcasts carry Live Activity updates, which APNs accepts only with token (.p8) authentication.', 'Choose a .p8 key for this app.')
    }
    const note = broadcastNote({ channelId: request.channelId, requestId: randomUUID(), payload: checked.value.payload, priority: request.priority, expirationSeconds: request.expirationSeconds })
    const headers: Record<string, string> = { ...headersOf(note), authorization: 'bearer <JWT signed with the selected key; not shown>' }
    const body = bodyOf(note)
    const result = await this.call(endpoint, 'push', () => provider.broadcast(note, request.bundleId))
    const uniqueId = result.sent?.['apns-unique-id']
    return ok({
      ...result.answer,
      requestId: result.answer.requestId ?? headers['apns-request-id'] ?? null,
      uniqueId: typeof uniqueId === 'string' ? uniqueId : null,
      sentAt: now.toISOString(),
      request: { method: 'POST', path: `/4/broadcasts/apps/${request.bundleId}`, headers, body, bytes: Buffer.byteLength(body, 'utf8') },
      warnings: checked.value.warnings
    })
  }

  private async read(provider: apn.Provider, endpoint: ApnsEndpoint, bundleId: string, id: string): Promise<ChannelInfo> {
    const result = await this.call(endpoint, 'management', () => provider.manageChannels(channelNote(id, randomUUID()), bundleId, 'read'))
    const policy = result.sent?.['message-storage-policy']
    return { id, policy: policy === 0 || policy === 1 ? policy : null }
  }

  private async prepare(scope: ChannelScope): Promise<Result<Prepared>> {
    const bundleProblem = bundleIdProblem(scope.bundleId)
    if (bundleProblem) return fail('channels.bad-bundle-id', bundleProblem, 'Enter the bare bundle ID of the app, e.g. com.example.app.')
    const suffix = topicSuffixOf(scope.bundleId)
    if (suffix) return fail('channels.topic-suffix', `Channels belong to the app itself; "${suffix}" is a push-type suffix (APNs: TopicDisallowed).`, `Remove "${suffix}" from the bundle ID.`)
    if (!this.credentials.find(scope.credentialId)) return fail('credential.not-found', 'No credential is selected, or it was removed.', 'Pick a .p8 key (or a certificate for this app).')
    const identity = this.credentials.signingIdentity(scope.credentialId)
    if (!identity.ok) return identity
    if (identity.value.summary.demo && scope.environment !== 'emulator') {
      return fail('channels.demo-outside-emulator', 'The demo key was made by Pushdeck; only the local emulator accepts it.', 'Choose the local emulator, or add your own key for Apple.')
    }
    let endpoint: ApnsEndpoint
    try {
      endpoint = await this.endpoints(scope.environment)
    } catch (error) {
      return fail('emulator.unavailable', `The local emulator could not start: ${(error as Error).message}`, 'Restart Pushdeck; if it persists, report it with this message.')
    }
    if (!endpoint.manageAddress) return fail('channels.no-management-host', `No channel-management host is known for ${scope.environment}.`, 'Use Sandbox, Production or the local emulator.')
    try {
      return ok({ provider: this.pool.acquire(identity.value, endpoint), endpoint, identity: identity.value })
    } catch (error) {
      return fail('credential.refused', `The credential could not be used: ${(error as Error).message}`, 'Check that the certificate is for this environment, or use a .p8 key.')
    }
  }

  /** One node-apn call, normalised: the first sent or failed entry, explained, with its request id. */
  private async call(endpoint: ApnsEndpoint, host: 'management' | 'push', run: () => Promise<RawResponses>): Promise<{ answer: ChannelAnswer; sent: Sent | null }> {
    const shownHost = host === 'management' ? `${endpoint.manageAddress}:${endpoint.managePort}` : displayHost(endpoint)
    const isEmulator = endpoint.environment === 'emulator'
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), OVERALL_TIMEOUT_MS)
    })
    let raw: RawResponses | 'timeout'
    try {
      raw = await Promise.race([run(), timeout])
    } catch (error) {
      // manageChannels rejects only for an unknown action, i.e. a bug here.
      raw = { sent: [], failed: [{ bundleId: '', error: new Error(describeThrown(error)) }] }
    } finally {
      clearTimeout(timer)
    }
    if (raw === 'timeout') return { answer: transportAnswer(`no answer within ${OVERALL_TIMEOUT_MS / 1000} s (timeout)`, shownHost, isEmulator, null), sent: null }
    const sent = raw.sent[0] as Sent | undefined
    if (sent) {
      return { answer: { outcome: 'accepted', status: null, reason: null, explanation: '', fix: '', requestId: sent['apns-request-id'] ?? null, host: shownHost }, sent }
    }
    const failure = raw.failed[0] as (apn.BroadcastResponseFailure & { 'apns-request-id'?: string }) | undefined
    const requestId = failure?.['apns-request-id'] ?? null
    const status = typeof failure?.status === 'number' ? failure.status : null
    // node-apn puts the reason in response.reason, except for 403 ExpiredProviderToken and 500 (error.message).
    const reason = failure?.response?.reason ?? (status !== null ? failure?.error?.message ?? null : null)
    if (status !== null && reason) {
      const { explanation, fix } = explainChannelReason(reason)
      return { answer: { outcome: 'rejected', status, reason, explanation, fix, requestId, host: shownHost }, sent: null }
    }
    return { answer: transportAnswer(failure?.error?.message ?? 'node-apn returned no result', shownHost, isEmulator, requestId), sent: null }
  }
}

function transportAnswer(message: string, host: string, isEmulator: boolean, requestId: string | null): ChannelAnswer {
  const { explanation, fix } = explainTransportError(message, host, isEmulator)
  return { outcome: 'failed', status: null, reason: null, explanation: `${explanation} (${message})`, fix, requestId, host }
}

function channelIdProblem(channelId: string): Result<never> | null {
  return CHANNEL_ID.test(channelId) && channelId.length % 4 === 0
    ? null
    : fail('channels.bad-channel-id', 'That is not a channel ID: APNs channel IDs are base64 strings (APNs: BadChannelId).', 'Pick the channel from the list, or paste its ID exactly, including any "=" at the end.')
}

/**
 * The broadcast payload, rendered ({{now}} in seconds) and checked as a channel Live Activity
 * update: JSON object, at most 5120 bytes, no "start" (channels cannot start activities).
 */
export function checkBroadcastPayload(request: Pick<BroadcastRequest, 'payloadText' | 'variables' | 'expirationSeconds'>, nowMs: number): Result<{ payload: object; warnings: Finding[] }> {
  const rendered = renderTemplate(request.payloadText, { values: request.variables ?? {}, defaults: [], nowSeconds: Math.floor(nowMs / 1000), uuid: randomUUID })
  if (!rendered.ok) return fail('channels.variable-missing', `The payload uses ${rendered.missing.map((n) => `{{${n}}}`).join(', ')} without a value.`, 'Replace the variables with values.')
  const analysis = analysePayload(rendered.text)
  if (analysis.syntaxError) return fail('channels.payload-syntax', `Invalid JSON at line ${analysis.syntaxError.line}, column ${analysis.syntaxError.column}: ${analysis.syntaxError.message}.`, 'Fix the JSON at that position.')
  const value = analysis.value
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return fail('channels.payload-not-object', 'The payload must be a JSON object with "aps".', 'Write {"aps": {"event": "update", "timestamp": {{now}}, "content-state": {...}}}.')
  if ((analysis.bytes ?? 0) > BROADCAST_PAYLOAD_LIMIT) return fail('channels.payload-too-large', `The payload is ${analysis.bytes} bytes; broadcasts allow ${BROADCAST_PAYLOAD_LIMIT}.`, `Remove ${(analysis.bytes ?? 0) - BROADCAST_PAYLOAD_LIMIT} bytes.`)
  const aps = (value as Record<string, unknown>).aps
  if (aps === null || typeof aps !== 'object' || Array.isArray(aps)) return fail('channels.aps-missing', 'A broadcast carries a Live Activity update in "aps"; this payload has no "aps" object.', 'Write {"aps": {"event": "update", "timestamp": {{now}}, "content-state": {...}}}.')
  const findings: Finding[] = []
  checkLiveActivity(aps as Record<string, unknown>, nowMs, 'channel', findings)
  const blocking = findings.find((f) => f.severity === 'error')
  if (blocking) return fail(`channels.${blocking.id}`, blocking.message, blocking.fix)
  if (!Number.isInteger(request.expirationSeconds) || request.expirationSeconds < 0) return fail('channels.bad-expiration', 'apns-expiration must be 0 or a time in seconds.', 'Choose "0" or a time within the next 8 hours.')
  return ok({ payload: value, warnings: [...findings.filter((f) => f.severity === 'warning'), ...expirationWarnings(request.expirationSeconds, Math.floor(nowMs / 1000))] })
}

/** A Most-Recent-Message-Stored channel keeps a broadcast at most this long (apns-reference.md §2). */
const MAX_BROADCAST_STORAGE_SECONDS = 8 * 3600

/** An expiration APNs accepts but that does not do what it seems to. */
function expirationWarnings(expirationSeconds: number, nowSeconds: number): Finding[] {
  const warn = (id: string, message: string, fix: string): Finding => ({ id, severity: 'warning', field: 'headers', message, fix })
  if (expirationSeconds !== 0 && expirationSeconds < nowSeconds) {
    return [warn('channels.expiration-past', `apns-expiration ${expirationSeconds} is already past (${new Date(expirationSeconds * 1000).toISOString()}): APNs tries once and stores nothing, as with 0.`, 'Send 0 for one attempt, or a time within the next 8 hours to have it stored.')]
  }
  if (expirationSeconds > nowSeconds + MAX_BROADCAST_STORAGE_SECONDS) {
    return [warn('channels.expiration-beyond-storage', `apns-expiration is more than 8 hours away; a channel stores a broadcast at most 8 hours, so it is dropped sooner than that.`, 'Choose a time within the next 8 hours.')]
  }
  return []
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}

function describeThrown(error: unknown): string {
  const inner = (error as { error?: unknown })?.error
  return inner instanceof Error ? inner.message : error instanceof Error ? error.message : String(error)
}
