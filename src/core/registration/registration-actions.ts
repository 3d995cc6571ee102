import { normaliseDeviceToken } from '../../shared/device-token'
import { DEFAULT_TAP_ACTION, NOTIFICATION_ID_PAYLOAD_KEY, type OpenedResponse, type RegisterResponse } from '../../shared/registration/types'
import type { HistorySummary } from '../../shared/history-types'
import type { EventSink } from '../../shared/events'
import type { HistoryStore } from '../history/history-store'
import type { TapStore } from '../history/tap-store'
import type { AccountService } from '../library/account-service'
import type { DeviceService } from '../library/device-service'
import type { BodyProblem, OpenedBody, RegisterBody } from './request-bodies'

/** A refusal names the request field it is about, for the 400 answer. */
export type ActionResult<T> = { ok: true; value: T } | { ok: false; problem: BodyProblem & { hint?: string } }

const ok = <T>(value: T): ActionResult<T> => ({ ok: true, value })
const refuse = (field: string, message: string, hint?: string): ActionResult<never> => ({ ok: false, problem: hint ? { field, message, hint } : { field, message } })

/** How far back a notificationId is looked for among one device's sends. */
const NOTIFICATION_ID_SEARCH_DEPTH = 500

/** What the two endpoints do, once a request is authorised and its body parsed. */
export class RegistrationActions {
  constructor(
    private readonly devices: DeviceService,
    private readonly accounts: AccountService,
    private readonly history: HistoryStore,
    private readonly taps: TapStore,
    private readonly emit: EventSink,
    private readonly now: () => Date = () => new Date()
  ) {}

  register(body: RegisterBody): ActionResult<RegisterResponse> {
    // Everything checked first: an account must not be created for a registration that is then refused.
    const token = normaliseDeviceToken(body.token)
    if (!token.ok) return refuse('token', token.problem.message, token.problem.fix)
    const fields = { name: body.deviceName ?? '', token: token.token, bundleId: body.bundleId, environment: body.environment, tags: body.tags ?? [] }
    const problem = this.devices.registrationProblem(fields)
    if (problem && !problem.ok) return refuse(fieldOf(problem.error.code), problem.error.message, problem.error.hint)
    let accountId: string | null = null
    if (body.account !== undefined && body.account.trim() !== '') {
      const account = this.accounts.findOrCreate(body.account)
      if (!account.ok) return refuse('account', account.error.message)
      accountId = account.value.id
    }
    const registered = this.devices.register({ ...fields, accountId })
    if (!registered.ok) return refuse(fieldOf(registered.error.code), registered.error.message, registered.error.hint)
    this.emit('library:changed', { devices: true, history: false })
    return ok({ deviceId: registered.value.device.id, created: registered.value.created })
  }

  opened(body: OpenedBody): ActionResult<OpenedResponse> {
    const token = normaliseDeviceToken(body.token)
    if (!token.ok) return refuse('token', token.problem.message, token.problem.fix)
    // The apns-id first; the payload's notificationId when that finds nothing (or was not sent).
    const entry = (body.apnsId !== undefined ? this.byApnsId(body.apnsId) : null) ?? (body.notificationId !== undefined ? this.byNotificationId(body.notificationId, token.token) : null)
    // The push went to the token it was sent to: that device opened it, whichever token the app
    // now reports (a stray or reused apns-id must not mark another device).
    const device = this.devices.findByToken(entry?.token ?? token.token)
    if (!entry && !device) return ok({ recorded: false, historyId: null, deviceId: null })
    const tap = { at: this.now().toISOString(), action: body.action ?? DEFAULT_TAP_ACTION }
    this.taps.record({ ...tap, historyId: entry?.id ?? null, apnsId: entry?.apnsId ?? body.apnsId ?? null, deviceId: device?.id ?? null, token: entry?.token ?? token.token })
    if (device) this.devices.recordTap(device.token, tap)
    this.emit('library:changed', { devices: device !== null, history: entry !== null })
    return ok({ recorded: true, historyId: entry?.id ?? null, deviceId: device?.id ?? null })
  }

  /** iOS reports the identifier in upper case; APNs and the history keep it in lower case. */
  private byApnsId(apnsId: string): HistorySummary | null {
    const wanted = apnsId.toLowerCase()
    return this.history.summaries().find((s) => s.apnsId?.toLowerCase() === wanted) ?? null
  }

  /** The newest send to this token whose payload carries this top-level notificationId. */
  private byNotificationId(notificationId: string, token: string): HistorySummary | null {
    let looked = 0
    for (const summary of this.history.summaries()) {
      if (summary.token !== token) continue
      if (++looked > NOTIFICATION_ID_SEARCH_DEPTH) break
      const body = this.history.get(summary.id)?.request.body
      if (body && payloadNotificationId(body) === notificationId) return summary
    }
    return null
  }
}

function payloadNotificationId(body: string): string | null {
  try {
    const payload = JSON.parse(body) as Record<string, unknown>
    const value = payload[NOTIFICATION_ID_PAYLOAD_KEY]
    return typeof value === 'string' || typeof value === 'number' ? String(value) : null
  } catch {
    return null
  }
}

/** Which request field a DeviceService refusal is about, for the 400 answer. */
function fieldOf(code: string): string {
  if (code.startsWith('token')) return 'token'
  if (code === 'device.bad-bundle-id') return 'bundleId'
  if (code === 'device.bad-tag') return 'tags'
  if (code.startsWith('account')) return 'account'
  return '(body)'
}
