import { randomUUID } from 'node:crypto'
import type { SavedDevice } from '../../shared/domain'
import { expirationHeaderValue } from '../../shared/expiration'
import type { EventSink } from '../../shared/events'
import type { FanoutRequest, FanoutSnapshot, FanoutTargetResult } from '../../shared/fanout-types'
import type { HistoryEntry } from '../../shared/history-types'
import { fail, ok, type Result } from '../../shared/result'
import { displayHost, type ApnsEndpoint } from '../apns/endpoint'
import type { PushSender } from '../apns/push-sender'
import type { CredentialService, SigningIdentity } from '../credentials/credential-service'
import type { DeviceService } from '../library/device-service'
import type { ProfileService } from '../library/profile-service'
import type { Logger } from '../ports'
import { historyEntryFor, type EndpointResolver } from '../push-service'
import { FanoutChecks } from './fanout-checks'
import { FanoutSigners } from './fanout-signers'
import { FanoutRun } from './fanout-run'
import { resolveTargets } from './target-resolver'
import { sendToSimulator, type SimulatorTargetSender } from './simulator-target'
import { isSimctlDevice } from '../../shared/simulator'

/** How many sends are in flight at once; HTTP/2 multiplexes them, and the server's stream limit still applies. */
export const FANOUT_CONCURRENCY = 64
/** Progress goes to the window at most this often, so 10,000 results do not flood IPC. */
const PROGRESS_INTERVAL_MS = 100
const MAX_RUNS_KEPT = 20

/**
 * One payload to many devices: each target gets exactly one final result (accepted, rejected,
 * failed, cancelled or skipped with its reason), whatever fails along the way. Each device
 * keeps its own environment and bundle ID; each environment gets its own provider.
 */
export class FanoutService {
  private readonly runs = new Map<string, FanoutRun>()

  constructor(
    private readonly credentials: CredentialService,
    /** Credential profiles name which credential signs for which app and environment. */
    private readonly profiles: ProfileService,
    private readonly devices: DeviceService,
    private readonly sender: PushSender,
    private readonly endpoints: EndpointResolver,
    /** Entries are queued and written in batches: at every progress tick and at the end of the run. */
    private readonly history: { appendBuffered(entry: HistoryEntry): void; flush(): void },
    private readonly emit: EventSink,
    private readonly logger: Logger,
    private readonly concurrency = FANOUT_CONCURRENCY,
    private readonly now: () => Date = () => new Date(),
    /** Saved simulators (kind simulator, saved by UDID) go through simctl instead of APNs. */
    private readonly simulators: SimulatorTargetSender | null = null
  ) {}

  /** Starts the run and returns at once; results arrive as fanout:progress events. */
  start(request: FanoutRequest): Result<{ runId: string; total: number }> {
    const targets = resolveTargets(request.target, this.devices)
    if (!targets.ok) return targets
    if (targets.value.length === 0) return fail('fanout.no-targets', 'No saved device matches this target.', 'Check the tag expression or the account.')
    // Simulators need no credential: a tag of simulators alone sends without one.
    const needsApns = targets.value.some((d) => !isSimctlDevice(d))
    const identity = needsApns ? this.credentials.signingIdentity(request.push.credentialId) : ok(null)
    if (!identity.ok) return identity
    const run = new FanoutRun(randomUUID(), this.now().toISOString(), targets.value.length)
    this.runs.set(run.runId, run)
    this.forgetOldRuns()
    void this.execute(run, request, targets.value, identity.value).catch((error: unknown) => this.logger.error(`fan-out ${run.runId} failed: ${(error as Error).stack ?? String(error)}`))
    return ok({ runId: run.runId, total: targets.value.length })
  }

  /** Stops new requests; those not yet sent end as cancelled. */
  cancel(runId: string): Result<null> {
    const run = this.runs.get(runId)
    if (!run) return fail('fanout.not-found', 'That fan-out is no longer known.')
    run.cancelRequested = true
    return ok(null)
  }

  snapshot(runId: string): Result<FanoutSnapshot> {
    const run = this.runs.get(runId)
    return run ? ok(run.snapshot()) : fail('fanout.not-found', 'That fan-out is no longer known.')
  }

  /** Resolves when the run has a final result for every target (tests and benchmarks wait on it). */
  async finished(runId: string): Promise<FanoutSnapshot | null> {
    const run = this.runs.get(runId)
    if (!run) return null
    await run.finished()
    return run.snapshot()
  }

  private async execute(run: FanoutRun, request: FanoutRequest, targets: SavedDevice[], identity: SigningIdentity | null): Promise<void> {
    const endpoints = new Map<string, Promise<ApnsEndpoint>>()
    const endpointFor = (environment: SavedDevice['environment']) => {
      if (!endpoints.has(environment)) endpoints.set(environment, this.endpoints(environment))
      return endpoints.get(environment)!
    }
    const ticker = setInterval(() => {
      this.flushHistory()
      this.report(run, false)
    }, PROGRESS_INTERVAL_MS)
    // Tokens APNs called inactive (410), with the time it gave: marked on the saved devices in one
    // write at the end. Every other answer reaches the device list through the history.
    const unregistered = new Map<string, string>()
    // A fan-out to simulators alone has no credential, and no APNs checks to run.
    const signers = identity ? new FanoutSigners({ identity, checks: new FanoutChecks(request.push, identity.summary) }, request.push, this.credentials, this.profiles) : null
    let next = 0
    const worker = async () => {
      while (next < targets.length) {
        const device = targets[next++]!
        const result = run.cancelRequested
          ? this.cancelled(device)
          : isSimctlDevice(device)
            ? await sendToSimulator(this.simulators, run.runId, request.push, device)
            : await this.sendTo(run, request, device, signers!, endpointFor, unregistered)
        run.add(result)
      }
    }
    try {
      await Promise.all(Array.from({ length: Math.min(this.concurrency, targets.length) }, worker))
    } finally {
      clearInterval(ticker)
      this.flushHistory()
      try {
        this.devices.markUnregistered(unregistered)
      } catch (error) {
        this.logger.warn(`could not mark the fan-out's inactive devices: ${(error as Error).message}`)
      }
      run.finish(this.now().toISOString())
      this.report(run, true)
      this.emit('library:changed', { devices: true, history: true })
    }
  }

  private async sendTo(
    run: FanoutRun,
    request: FanoutRequest,
    device: SavedDevice,
    signers: FanoutSigners,
    endpointFor: (environment: SavedDevice['environment']) => Promise<ApnsEndpoint>,
    unregistered: Map<string, string>
  ): Promise<FanoutTargetResult> {
    const now = this.now()
    const signer = signers.for(device, now.getTime())
    if ('problem' in signer) return { ...base(device), outcome: 'skipped', reason: signer.problem.code, explanation: [signer.problem.message, signer.problem.hint].filter(Boolean).join(' ') }
    const { identity, checks } = signer
    // Removed while the group was being sent: nothing more is signed with it (nor a connection reopened for it).
    if (!this.credentials.has(identity.summary.id)) {
      return { ...base(device), outcome: 'skipped', reason: 'credential.removed', explanation: `The credential "${identity.summary.label}" was removed during the send, so Pushdeck did not send to this device.` }
    }
    const { draft, diagnosis } = checks.check(device, now.getTime())
    const blocking = diagnosis.findings.find((f) => f.severity === 'error')
    if (blocking || !diagnosis.token || diagnosis.body === null) {
      // A bad row is skipped with its reason; the batch goes on (C-06).
      return { ...base(device), outcome: 'skipped', reason: blocking?.id ?? 'incomplete', explanation: blocking ? `${blocking.message} ${blocking.fix}` : 'The push is incomplete.' }
    }
    let endpoint: ApnsEndpoint
    try {
      endpoint = await endpointFor(device.environment)
    } catch (error) {
      return { ...base(device), outcome: 'failed', explanation: `The ${device.environment} endpoint is unavailable: ${(error as Error).message}` }
    }
    const report = await this.sender.deliver(identity, endpoint, {
      token: diagnosis.token,
      topic: diagnosis.topic,
      pushType: request.push.pushType,
      priority: request.push.priority,
      body: diagnosis.body,
      apnsId: '',
      expiration: expirationHeaderValue(request.push.expiration, now.getTime()),
      collapseId: request.push.collapseId
    }, () =>
      run.cancelRequested ? 'The fan-out was cancelled, so Pushdeck did not retry.' : this.credentials.find(identity.summary.id) ? null : 'The credential was removed during the send, so Pushdeck did not retry.'
    )
    let historyId: string | null = null
    try {
      const entry = historyEntryFor({ request: draft, report, credentialLabel: identity.summary.label, host: displayHost(endpoint), at: now, device, runId: run.runId })
      this.history.appendBuffered(entry)
      historyId = entry.id
    } catch {
      // The result still counts; the history is best effort when the disk refuses.
    }
    if (report.status === 410) unregistered.set(diagnosis.token, report.unregisteredAt ?? now.toISOString())
    return { ...base(device), outcome: report.outcome, status: report.status, reason: report.reason, explanation: report.explanation, apnsId: report.apnsId ?? report.request.headers['apns-id'] ?? null, latencyMs: report.latencyMs, historyId, otherSigner: identity.summary.id === request.push.credentialId ? null : identity.summary.label }
  }

  /** The history is best effort when the disk refuses; the results still count. */
  private flushHistory(): void {
    try {
      this.history.flush()
    } catch (error) {
      this.logger.warn(`could not write the fan-out's history entries: ${(error as Error).message}`)
    }
  }

  private cancelled(device: SavedDevice): FanoutTargetResult {
    return { ...base(device), outcome: 'cancelled', explanation: 'Cancelled before it was sent.' }
  }

  private report(run: FanoutRun, finished: boolean): void {
    const newResults = run.unreported()
    if (newResults.length === 0 && !finished) return
    this.emit('fanout:progress', { runId: run.runId, totals: { ...run.totals }, newResults, finished })
  }

  private forgetOldRuns(): void {
    const finished = [...this.runs.values()].filter((r) => r.finishedAt)
    for (const run of finished.slice(0, Math.max(0, this.runs.size - MAX_RUNS_KEPT))) this.runs.delete(run.runId)
  }
}

function base(device: SavedDevice): Omit<FanoutTargetResult, 'outcome' | 'explanation'> {
  return { deviceId: device.id, deviceName: device.name, token: device.token, environment: device.environment, status: null, reason: null, apnsId: null, latencyMs: 0, historyId: null, otherSigner: null }
}
