import apn from '@parse/node-apn'
import { explainReason, explainStatus } from '../../shared/apns-reasons'
import type { SentRequest } from '../../shared/domain'
import type { Priority, PushType } from '../../shared/push-types'
import type { TokenSigningKey } from '../credentials/credential-service'
import type { Logger } from '../ports'
import { displayHost, type ApnsEndpoint } from './endpoint'
import { explainTransportError } from './explain-transport-error'
import { normaliseResponse, type NormalisedResponse, type RawFailure, type RawSent } from './normalise-response'
import { REQUEST_TIMEOUT_MS, type ProviderPool } from './provider-pool'

/** A push that passed the checker: normalised token, final topic, the exact body to send. */
export interface PreparedPush {
  token: string
  topic: string
  pushType: PushType
  priority: Priority
  body: string
}

export interface DeliveryReport extends NormalisedResponse {
  explanation: string
  fix: string
  latencyMs: number
  attempts: number
  request: SentRequest
}

/** node-apn's own stream timeout covers a silent server; this covers a connect that never completes. */
const OVERALL_TIMEOUT_MS = REQUEST_TIMEOUT_MS + 5_000

export class PushSender {
  constructor(
    private readonly pool: ProviderPool,
    private readonly logger: Logger,
    private readonly overallTimeoutMs = OVERALL_TIMEOUT_MS
  ) {}

  async deliver(key: TokenSigningKey, endpoint: ApnsEndpoint, push: PreparedPush): Promise<DeliveryReport> {
    const host = displayHost(endpoint)
    const started = performance.now()
    let attempt = await this.attempt(key, endpoint, push)
    let attempts = 1
    if (attempt.response.outcome === 'failed' && attempt.response.transportError) {
      const transport = explainTransportError(attempt.response.transportError, host, endpoint.environment === 'emulator')
      if (transport.retryable) {
        // The connection died under us (sleep, Wi-Fi change, GOAWAY): once more on a fresh one (C-22).
        this.logger.warn(`send to ${host} failed without an answer (${attempt.response.transportError}); reconnecting and retrying once`)
        this.pool.dropSessionOf(this.pool.acquire(key, endpoint))
        attempt = await this.attempt(key, endpoint, push)
        attempts = 2
      }
    }
    return {
      ...attempt.response,
      ...explain(attempt.response, host, endpoint),
      latencyMs: Math.round(performance.now() - started),
      attempts,
      request: attempt.request
    }
  }

  private async attempt(key: TokenSigningKey, endpoint: ApnsEndpoint, push: PreparedPush): Promise<{ response: NormalisedResponse; request: SentRequest }> {
    const provider = this.pool.acquire(key, endpoint)
    const note = buildNotification(push)
    const request = describeRequest(note, endpoint, push)
    let timer: NodeJS.Timeout | undefined
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.overallTimeoutMs)
    })
    try {
      const raw = await Promise.race([provider.send(note, push.token), timedOut])
      if (raw === 'timeout' || isTimeout(raw)) this.pool.dropSessionOf(provider)
      if (raw === 'timeout') {
        return { request, response: { ...normaliseResponse({ sent: [], failed: [] }), transportError: `no answer within ${this.overallTimeoutMs / 1000} s (timeout)` } }
      }
      return { request, response: normaliseResponse(raw as unknown as { sent: RawSent[]; failed: RawFailure[] }) }
    } finally {
      clearTimeout(timer)
    }
  }
}

/**
 * A fresh Notification per send from a fresh parse of the body: node-apn caches compile() and
 * drops "aps" from payload, so rawPayload carries the editor's JSON unchanged (C-13, C-14).
 */
function buildNotification(push: PreparedPush): apn.Notification {
  const note = new apn.Notification()
  note.rawPayload = JSON.parse(push.body)
  note.topic = push.topic
  note.pushType = push.pushType as apn.Notification['pushType']
  note.priority = push.priority
  return note
}

function describeRequest(note: apn.Notification, endpoint: ApnsEndpoint, push: PreparedPush): SentRequest {
  // headers() and compile() exist at runtime but not in node-apn's typings.
  const internals = note as unknown as { headers(): Record<string, unknown>; compile(): string }
  const headers: Record<string, string> = { ':method': 'POST', ':path': `/3/device/${push.token}` }
  for (const [name, value] of Object.entries(internals.headers())) headers[name] = String(value)
  headers.authorization = 'bearer <JWT signed with the selected key; not shown>'
  const body = internals.compile()
  return { host: displayHost(endpoint), path: `/3/device/${push.token}`, headers, body, bytes: Buffer.byteLength(body, 'utf8') }
}

function isTimeout(raw: unknown): boolean {
  const failed = (raw as { failed?: RawFailure[] }).failed ?? []
  return failed.some((f) => String((f.error as Error | undefined)?.message ?? f.error ?? '').includes('timeout'))
}

function explain(response: NormalisedResponse, host: string, endpoint: ApnsEndpoint): { explanation: string; fix: string } {
  if (response.outcome === 'accepted') {
    return {
      explanation: 'APNs stores the push and forwards it when the device is reachable.',
      fix: 'If nothing shows on the device, check that the app is allowed to show notifications and that the token is current.'
    }
  }
  if (response.reason) return explainReason(response.reason)
  if (response.status !== null) return explainStatus(response.status)
  const { explanation, fix } = explainTransportError(response.transportError ?? 'unknown error', host, endpoint.environment === 'emulator')
  return { explanation, fix }
}
