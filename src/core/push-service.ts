import { randomUUID } from 'node:crypto'
import { diagnose, type Diagnosis, type Finding } from '../shared/diagnosis'
import type { SavedDevice, SendRequest, SendResult } from '../shared/domain'
import type { HistoryEntry } from '../shared/history-types'
import { expirationHeaderValue } from '../shared/expiration'
import { normaliseDeviceToken } from '../shared/device-token'
import { fail, ok, type Result } from '../shared/result'
import { appleEndpoint, displayHost, type ApnsEndpoint } from './apns/endpoint'
import { buildCurlCommand, type CurlCommand } from './apns/curl-command'
import type { DeliveryReport, PushSender } from './apns/push-sender'
import type { CredentialService, SigningIdentity } from './credentials/credential-service'
import type { DeviceService } from './library/device-service'

export type EndpointResolver = (environment: SendRequest['environment']) => Promise<ApnsEndpoint>

export const defaultEndpoints = (emulatorEndpoint: () => Promise<ApnsEndpoint>): EndpointResolver => async (environment) =>
  environment === 'emulator' ? emulatorEndpoint() : appleEndpoint(environment)

/**
 * One send: the same checker the renderer runs live is enforced again here, then the push goes
 * out and the answer comes back explained.
 */
export class PushService {
  constructor(
    private readonly credentials: CredentialService,
    private readonly devices: DeviceService,
    private readonly sender: PushSender,
    private readonly endpoints: EndpointResolver,
    private readonly emulatorCaFile: () => Promise<string>,
    private readonly history: { append(entry: HistoryEntry): void },
    private readonly now: () => Date = () => new Date()
  ) {}

  async send(request: SendRequest): Promise<Result<SendResult>> {
    const prepared = await this.prepare(request)
    if (!prepared.ok) return prepared
    const { diagnosis, identity, endpoint, now } = prepared.value
    const token = diagnosis.token!
    const report = await this.sender.deliver(identity, endpoint, {
      token,
      topic: diagnosis.topic,
      pushType: request.pushType,
      priority: request.priority,
      body: diagnosis.body!,
      apnsId: request.apnsId,
      expiration: expirationHeaderValue(request.expiration, now.getTime()),
      collapseId: request.collapseId
    }, () => (this.credentials.find(request.credentialId) ? null : 'The credential was removed during the send, so Pushdeck did not retry.'))
    // The push went out: what cannot be saved about it now is a warning, never an error, or the
    // user would send it again and deliver it twice.
    const unsaved: string[] = []
    try {
      // A 410 without a readable timestamp still means inactive, as of this send. The device's
      // last answer needs no write of its own: the list reads it from the history entry below.
      if (report.status === 410) this.devices.markUnregistered(new Map([[token, report.unregisteredAt ?? now.toISOString()]]))
    } catch (error) {
      unsaved.push(`the saved device's inactive mark (${(error as Error).message})`)
    }
    const historyId = this.record(request, report, identity.summary.label, endpoint, now, prepared.value.savedDevice)
    if (historyId === null) unsaved.push('its history entry')

    return ok({
      outcome: report.outcome,
      status: report.status,
      reason: report.reason,
      explanation: report.explanation,
      fix: report.fix,
      checklist: report.checklist,
      apnsId: report.apnsId ?? report.request.headers['apns-id'] ?? null,
      apnsUniqueId: report.apnsUniqueId,
      unregisteredAt: report.unregisteredAt,
      latencyMs: report.latencyMs,
      attempts: report.attempts,
      retryNotes: report.retryNotes,
      environment: request.environment,
      credentialLabel: identity.summary.label,
      sentAt: now.toISOString(),
      request: report.request,
      warnings: [...diagnosis.findings.filter((f) => f.severity === 'warning'), ...unsavedWarning(unsaved)],
      historyId
    })
  }

  /** Every send is kept; a history that cannot be written must not turn a sent push into an error. */
  private record(request: SendRequest, report: DeliveryReport, credentialLabel: string, endpoint: ApnsEndpoint, now: Date, device: SavedDevice | null): string | null {
    const entry = historyEntryFor({ request, report, credentialLabel, host: displayHost(endpoint), at: now, device, runId: null })
    try {
      this.history.append(entry)
      return entry.id
    } catch {
      return null
    }
  }

  /** The same request as a curl command, checked by the same rules. */
  async curl(request: SendRequest): Promise<Result<CurlCommand>> {
    const prepared = await this.prepare(request)
    if (!prepared.ok) return prepared
    const { diagnosis, identity, endpoint, now } = prepared.value
    const expiration = expirationHeaderValue(request.expiration, now.getTime())
    const headers: Record<string, string> = {
      'apns-topic': diagnosis.topic,
      'apns-push-type': request.pushType,
      'apns-priority': String(request.priority),
      'apns-id': (request.apnsId.trim() || randomUUID()).toLowerCase(),
      ...(expiration !== null ? { 'apns-expiration': String(expiration) } : {}),
      ...(request.collapseId ? { 'apns-collapse-id': request.collapseId } : {})
    }
    const caFile = request.environment === 'emulator' ? await this.emulatorCaFile() : null
    return ok(buildCurlCommand({ endpoint, caFile, token: diagnosis.token!, headers, body: diagnosis.body! }, identity, Math.floor(now.getTime() / 1000)))
  }

  private async prepare(request: SendRequest): Promise<Result<{ diagnosis: Diagnosis; identity: SigningIdentity; endpoint: ApnsEndpoint; now: Date; savedDevice: SavedDevice | null }>> {
    const now = this.now()
    if (request.credentialId !== '' && !this.credentials.find(request.credentialId)) {
      return fail('credential.not-found', 'The selected credential no longer exists.', 'Pick another credential.')
    }
    const token = normaliseDeviceToken(request.deviceToken)
    const savedDevice = token.ok ? this.devices.findByToken(token.token) : null
    const diagnosis = diagnose(request, this.credentials.find(request.credentialId), { now: now.getTime(), savedDevice, uuid: randomUUID })
    const blocking = diagnosis.findings.find((f) => f.severity === 'error')
    if (blocking) return fail(`send.blocked.${blocking.id}`, blocking.message, blocking.fix)
    if (!diagnosis.token || diagnosis.body === null) return fail('send.blocked', 'The push is incomplete.', 'Fill in the token and payload.')
    const identity = this.credentials.signingIdentity(request.credentialId)
    if (!identity.ok) return identity
    try {
      return ok({ diagnosis, identity: identity.value, endpoint: await this.endpoints(request.environment), now, savedDevice })
    } catch (error) {
      return fail('emulator.unavailable', `The local emulator could not start: ${(error as Error).message}`, 'Restart Pushdeck; if it persists, report it with this message.')
    }
  }
}

export interface HistoryEntryInput {
  request: Pick<SendRequest, 'environment' | 'pushType' | 'templateName'>
  report: DeliveryReport
  credentialLabel: string
  host: string
  at: Date
  device: SavedDevice | null
  runId: string | null
}

/**
 * The token the request went to. The saved device's own string when it is the same, so the
 * history's summaries of 10,000 sends to saved devices hold no copies of their tokens.
 */
function sentToken(path: string, device: SavedDevice | null): string {
  const token = path.slice('/3/device/'.length)
  return device !== null && device.token === token ? device.token : token
}

/** The history's record of one send, shared by single sends and fan-outs. */
export function historyEntryFor({ request, report, credentialLabel, host, at, device, runId }: HistoryEntryInput): HistoryEntry {
  return {
    id: randomUUID(),
    at: at.toISOString(),
    runId,
    credentialLabel,
    environment: request.environment,
    host,
    pushType: request.pushType,
    templateName: request.templateName ?? null,
    device: { id: device?.id ?? null, name: device?.name ?? null, token: sentToken(report.request.path, device), tags: device?.tags ?? [] },
    request: report.request,
    response: {
      outcome: report.outcome,
      status: report.status,
      reason: report.reason,
      apnsId: report.apnsId ?? report.request.headers['apns-id'] ?? null,
      apnsUniqueId: report.apnsUniqueId,
      unregisteredAt: report.unregisteredAt,
      latencyMs: report.latencyMs,
      attempts: report.attempts,
      explanation: report.explanation
    }
  }
}

function unsavedWarning(unsaved: string[]): Finding[] {
  if (unsaved.length === 0) return []
  return [{
    id: 'storage.not-saved',
    severity: 'warning',
    field: 'storage',
    message: `The push was sent, but Pushdeck could not save ${unsaved.join(' or ')}.`,
    fix: "Don't send it again to retry the save: check the permissions and free space of Pushdeck's data folder."
  }]
}
