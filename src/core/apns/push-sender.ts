import type apn from '@parse/node-apn'
import { randomUUID } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import { explainReason, explainStatus, type ReasonExplanation } from '../../shared/apns-reasons'
import type { SentRequest } from '../../shared/domain'
import type { Priority, PushType } from '../../shared/push-types'
import type { SigningIdentity } from '../credentials/credential-service'
import type { Logger } from '../ports'
import { buildRequest, describeRequest, writeRequest } from './apns-request'
import { displayHost, type ApnsEndpoint } from './endpoint'
import { explainTransportError } from './explain-transport-error'
import { normaliseResponse, type NormalisedResponse, type RawFailure } from './normalise-response'
import type { ProviderPool } from './provider-pool'
import type { ResponseHeaderTap, TappedResponse } from './response-header-tap'
import { decideRetry } from './retry-policy'

/** A push that passed the checker: normalised token, final topic, the exact body and headers. */
export interface PreparedPush {
  token: string
  topic: string
  pushType: PushType
  priority: Priority
  body: string
  /** apns-id to send; empty to make one. */
  apnsId: string
  /** apns-expiration in UNIX seconds, or null for no header. */
  expiration: number | null
  collapseId: string
}

export interface DeliveryReport extends NormalisedResponse {
  explanation: string
  fix: string
  checklist: string[]
  latencyMs: number
  attempts: number
  retryNotes: string[]
  request: SentRequest
}

/** node-apn's own stream timeout covers a silent server; this covers a connect that never completes. */
const CONNECT_GRACE_MS = 5_000

interface Attempt {
  response: NormalisedResponse
  request: SentRequest
  retryAfterSeconds: number | null
}

export class PushSender {
  constructor(
    private readonly pool: ProviderPool,
    private readonly tap: ResponseHeaderTap,
    private readonly logger: Logger,
    private readonly wait: (ms: number) => Promise<unknown> = sleep,
    private readonly overallTimeoutMs = pool.requestTimeoutMs + CONNECT_GRACE_MS
  ) {}

  /**
   * stopRetrying says why no further attempt may be made, or null: a credential removed or a
   * fan-out cancelled while a send is in flight must not be retried (nor get a new connection).
   */
  async deliver(identity: SigningIdentity, endpoint: ApnsEndpoint, push: PreparedPush, stopRetrying: () => string | null = () => null): Promise<DeliveryReport> {
    const host = displayHost(endpoint)
    const isEmulator = endpoint.environment === 'emulator'
    // The id is fixed before the first attempt, so every retry and the history share it.
    const prepared = { ...push, apnsId: (push.apnsId.trim() || randomUUID()).toLowerCase() }
    const started = performance.now()
    const retryNotes: string[] = []
    let attempts = 0
    let attempt: Attempt
    for (;;) {
      attempt = await this.attempt(identity, endpoint, prepared)
      attempts++
      const transport = attempt.response.transportError ? explainTransportError(attempt.response.transportError, host, isEmulator) : null
      const decision = decideRetry({ response: attempt.response, retriesSoFar: attempts - 1, retryAfterSeconds: attempt.retryAfterSeconds, connectionLost: transport?.retryable ?? false })
      if (!decision.retry) {
        if (decision.note) retryNotes.push(decision.note)
        break
      }
      await this.wait(decision.delayMs)
      const stop = stopRetrying()
      if (stop) {
        retryNotes.push(stop)
        break
      }
      retryNotes.push(decision.note)
      this.logger.warn(`retrying a send to ${host}: ${decision.note}`)
      // No session is dropped here: node-apn opens a new one after GOAWAY or a reset by itself,
      // and dropping it would kill the retries of every other send sharing the connection.
    }
    return {
      ...attempt.response,
      ...explain(attempt.response, host, isEmulator),
      latencyMs: Math.round(performance.now() - started),
      attempts,
      retryNotes,
      request: attempt.request
    }
  }

  private async attempt(identity: SigningIdentity, endpoint: ApnsEndpoint, push: PreparedPush): Promise<Attempt> {
    const built = buildRequest(push)
    const request = describeRequest(built, endpoint, push.token, identity.kind)
    let provider: apn.Provider
    try {
      provider = this.pool.acquire(identity, endpoint)
    } catch (error) {
      return { request, retryAfterSeconds: null, response: { ...normaliseResponse({ sent: [], failed: [] }), transportError: `credential refused before sending: ${(error as Error).message}` } }
    }
    const sentAt = Date.now()
    // One promise settled by whichever comes first, the answer or the timer (a race of two
    // promises per send costs more, and a fan-out makes thousands).
    const raw = await new Promise<Awaited<ReturnType<typeof writeRequest>> | 'timeout'>((resolve) => {
      const timer = setTimeout(resolve, this.overallTimeoutMs, 'timeout')
      void writeRequest(provider, built, push.token).then((answer) => {
        clearTimeout(timer)
        resolve(answer)
      })
    })
    // node-apn never notices a dead connection (C-22). A timeout on a connection that has not
    // answered anything since this request went out means it is dead: drop it. One that still
    // answers other requests is alive, and dropping it would fail every send sharing it.
    if ((raw === 'timeout' || isTimeout(raw)) && this.tap.lastAnswerAt(provider) < sentAt) this.pool.dropSessionOf(provider)
    if (raw === 'timeout') {
      return { request, retryAfterSeconds: null, response: { ...normaliseResponse({ sent: [], failed: [] }), transportError: `no answer within ${this.overallTimeoutMs / 1000} s (timeout)` } }
    }
    const tapped = this.tap.take(push.apnsId)
    const response = withTappedStatus(normaliseResponse(raw), tapped)
    return { request, retryAfterSeconds: tapped?.retryAfterSeconds ?? null, response }
  }
}

/**
 * node-apn reports an answer whose body is not JSON as a failure without status; the tap saw
 * the status, so it is an answer after all, just not one from APNs.
 */
function withTappedStatus(response: NormalisedResponse, tapped: TappedResponse | null): NormalisedResponse {
  if (response.outcome !== 'failed' || !tapped?.status || !/processing APNs response|empty body/i.test(response.transportError ?? '')) return response
  const body = tapped.contentType && !tapped.contentType.includes('json') ? `a ${tapped.contentType.split(';')[0]} page` : 'an answer without an APNs reason'
  return { ...response, outcome: 'rejected', status: tapped.status, transportError: `HTTP ${tapped.status} with ${body}` }
}

function isTimeout(raw: unknown): boolean {
  const failed = (raw as { failed?: RawFailure[] }).failed ?? []
  return failed.some((f) => String((f.error as Error | undefined)?.message ?? f.error ?? '').includes('timeout'))
}

function explain(response: NormalisedResponse, host: string, isEmulator: boolean): { explanation: string; fix: string; checklist: string[] } {
  const { explanation, fix, checklist } = explainWithoutChecklist(response, host, isEmulator)
  return { explanation, fix, checklist: checklist ?? [] }
}

function explainWithoutChecklist(response: NormalisedResponse, host: string, isEmulator: boolean): ReasonExplanation {
  if (response.outcome === 'accepted' && isEmulator) {
    return {
      explanation: 'The local emulator accepted it: the credential checked out and APNs would accept this request. Nothing is delivered to a device.',
      fix: 'To reach a device, send the same push to Sandbox or Production with your own key or certificate.'
    }
  }
  if (response.outcome === 'accepted') {
    return {
      explanation: 'APNs stores the push and forwards it when the device is reachable.',
      fix: 'If nothing shows on the device, check that the app is allowed to show notifications and that the token is current.'
    }
  }
  if (response.reason) return explainReason(response.reason)
  if (response.status !== null && response.transportError) {
    return { explanation: `${host} answered ${response.transportError} instead of an APNs answer: something between you and APNs (a proxy, firewall or captive portal) replied.`, fix: 'Send from a network without the proxy, or ask IT to allow api.push.apple.com.' }
  }
  if (response.status !== null) return explainStatus(response.status)
  const { explanation, fix } = explainTransportError(response.transportError ?? 'unknown error', host, isEmulator)
  return { explanation, fix }
}
