import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { bundleIdProblem } from '../../shared/diagnosis'
import type { HistoryEntry } from '../../shared/history-types'
import { fail, ok, type AppError, type Result } from '../../shared/result'
import type { BootedSimulator, InstalledApp, SimulatorList, SimulatorSendRequest, SimulatorSendResult } from '../../shared/simulator'
import { isSimulatorUdid, normaliseUdid, simulatorPushTypeProblem } from '../../shared/simulator'
import { parseBootedDevices } from './booted-list'
import { parseInstalledApps } from './installed-apps'
import { capOutput, firstLines, SIMULATOR_PROBLEMS, toolProblem } from './simctl-problems'
import type { SimctlOutcome, SimctlRunner } from './simctl-runner'
import { simulatorPayload } from './simulator-payload'

export interface SimulatorServiceOptions {
  runner: SimctlRunner
  /** process.platform; injected so Linux tests can play macOS. */
  platform: NodeJS.Platform
  history: { append(entry: HistoryEntry): void }
  now?: () => Date
  /** Where payload files are written (a fresh folder per send, removed after). */
  tempRoot?: string
}

/** Who a send was for, for the history's device column. */
export interface SimulatorTargetInfo {
  deviceId: string | null
  deviceName: string | null
  tags: string[]
  runId: string | null
}

/**
 * The iOS Simulator through `xcrun simctl`: booted simulators, their apps, and pushes. Every call
 * names a simulator by UDID (never `booted`, which is ambiguous with several booted), and every
 * failure comes back as a message with its fix.
 */
export class SimulatorService {
  private readonly now: () => Date

  constructor(private readonly options: SimulatorServiceOptions) {
    this.now = options.now ?? (() => new Date())
  }

  /** Booted simulators, or why there are none to use; never fails, the reason is the answer. */
  async list(): Promise<Result<SimulatorList>> {
    const booted = await this.booted()
    if (!booted.ok) return ok({ availability: { usable: false, code: booted.error.code, message: booted.error.message, hint: booted.error.hint ?? '' }, simulators: [] })
    if (booted.value.length === 0) {
      const none = SIMULATOR_PROBLEMS.noneBooted()
      return ok({ availability: { usable: false, code: none.code, message: none.message, hint: none.hint ?? '' }, simulators: [] })
    }
    return ok({ availability: { usable: true }, simulators: booted.value })
  }

  async apps(udidText: string): Promise<Result<InstalledApp[]>> {
    const target = await this.bootedSimulator(udidText)
    if (!target.ok) return target
    return this.appsOn(target.value)
  }

  /** One push to one simulator, recorded in the history like a device send. */
  async send(request: SimulatorSendRequest, target: SimulatorTargetInfo = { deviceId: null, deviceName: null, tags: [], runId: null }): Promise<Result<SimulatorSendResult>> {
    if (this.options.platform !== 'darwin') return failWith(SIMULATOR_PROBLEMS.notMac(this.options.platform))
    const typeProblem = simulatorPushTypeProblem(request.pushType)
    if (typeProblem) return fail('simulator.push-type-unsupported', typeProblem.message, typeProblem.hint)
    const bundleId = request.bundleId.trim()
    const bundleProblem = bundleIdProblem(bundleId)
    if (bundleProblem) return fail('simulator.bad-bundle-id', bundleProblem, 'Pick one of the apps installed on the simulator.')
    const now = this.now()
    const payload = simulatorPayload(request.payloadText, request.variables ?? {}, bundleId, now)
    if (!payload.ok) return payload
    const simulator = await this.bootedSimulator(request.udid)
    if (!simulator.ok) return simulator
    const apps = await this.appsOn(simulator.value)
    if (!apps.ok) return apps
    if (!apps.value.some((a) => a.bundleId === bundleId)) return failWith(SIMULATOR_PROBLEMS.appNotInstalled(bundleId, simulator.value.name))

    const folder = await mkdtemp(join(this.options.tempRoot ?? tmpdir(), 'pushdeck-simctl-'))
    const file = join(folder, 'payload.apns')
    const args = ['push', simulator.value.udid, bundleId, file]
    const started = Date.now()
    let outcome: SimctlOutcome
    try {
      await writeFile(file, payload.value.text, { encoding: 'utf8', mode: 0o600 })
      outcome = await this.options.runner.run(args)
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
    const latencyMs = Date.now() - started
    const tool = toolProblem(outcome)
    if (tool) return failWith(tool)
    const accepted = outcome.kind === 'ok'
    const problem = outcome.kind === 'ok' ? null : SIMULATOR_PROBLEMS.failed(args.slice(0, 3).join(' '), outcome)
    const stdout = capOutput(outcome.kind === 'ok' || outcome.kind === 'exit' ? outcome.stdout : '')
    const stderr = capOutput(outcome.kind === 'ok' || outcome.kind === 'exit' ? outcome.stderr : '')
    const result: SimulatorSendResult = {
      outcome: accepted ? 'accepted' : 'failed',
      explanation: accepted ? `simctl handed the notification to ${bundleId} on "${simulator.value.name}"${stdout.trim() ? `: ${firstLines(stdout)}` : '.'}` : problem!.message,
      fix: accepted ? 'If nothing shows, allow notifications for the app on the simulator (Settings > Notifications), and remember that a foreground app shows alerts only if it asks to.' : (problem!.hint ?? ''),
      udid: simulator.value.udid,
      simulatorName: simulator.value.name,
      bundleId,
      command: this.options.runner.commandLine(args),
      body: payload.value.text,
      bytes: payload.value.bytes,
      stdout,
      stderr,
      latencyMs,
      sentAt: now.toISOString(),
      warnings: payload.value.warnings,
      historyId: null
    }
    result.historyId = this.record(request, result, target)
    return ok(result)
  }

  private async booted(): Promise<Result<BootedSimulator[]>> {
    if (this.options.platform !== 'darwin') return failWith(SIMULATOR_PROBLEMS.notMac(this.options.platform))
    const outcome = await this.options.runner.run(['list', 'devices', 'booted', '-j'])
    const tool = toolProblem(outcome)
    if (tool) return failWith(tool)
    if (outcome.kind !== 'ok') return failWith(SIMULATOR_PROBLEMS.failed('list devices booted -j', outcome))
    const parsed = parseBootedDevices(outcome.stdout)
    return parsed.ok ? ok(parsed.value) : failWith(SIMULATOR_PROBLEMS.malformed('list devices booted -j', parsed.problem))
  }

  private async bootedSimulator(udidText: string): Promise<Result<BootedSimulator>> {
    if (!isSimulatorUdid(udidText)) return fail('simulator.bad-udid', `"${udidText.slice(0, 80)}" is not a simulator UDID.`, 'Pick a booted simulator from the list.')
    const udid = normaliseUdid(udidText)
    const booted = await this.booted()
    if (!booted.ok) return booted
    if (booted.value.length === 0) return failWith(SIMULATOR_PROBLEMS.noneBooted())
    const found = booted.value.find((s) => s.udid === udid)
    if (!found) return failWith(SIMULATOR_PROBLEMS.notBooted(udid, null))
    if (!found.available) return fail('simulator.unavailable', `simctl reports "${found.name}" as unavailable${found.availabilityError ? `: ${found.availabilityError}` : '.'}`, 'Install its runtime in Xcode (Settings > Platforms), or pick another simulator.')
    return ok(found)
  }

  private async appsOn(simulator: BootedSimulator): Promise<Result<InstalledApp[]>> {
    const outcome = await this.options.runner.run(['listapps', simulator.udid])
    const tool = toolProblem(outcome)
    if (tool) return failWith(tool)
    if (outcome.kind !== 'ok') return failWith(SIMULATOR_PROBLEMS.failed(`listapps ${simulator.udid}`, outcome))
    const parsed = parseInstalledApps(outcome.stdout)
    return parsed.ok ? ok(parsed.value) : failWith(SIMULATOR_PROBLEMS.malformed(`listapps ${simulator.udid}`, parsed.problem))
  }

  /** Every send is kept; a history that cannot be written must not turn a sent push into an error. */
  private record(request: SimulatorSendRequest, result: SimulatorSendResult, target: SimulatorTargetInfo): string | null {
    const entry = simulatorHistoryEntry(request, result, target)
    try {
      this.options.history.append(entry)
      return entry.id
    } catch {
      return null
    }
  }
}

/** The history's record of a simulator push: the environment is "simulator", the host the command. */
export function simulatorHistoryEntry(request: SimulatorSendRequest, result: SimulatorSendResult, target: SimulatorTargetInfo): HistoryEntry {
  return {
    id: randomUUID(),
    at: result.sentAt,
    runId: target.runId,
    credentialLabel: 'None (xcrun simctl)',
    environment: 'simulator',
    host: 'xcrun simctl',
    pushType: request.pushType,
    templateName: request.templateName ?? null,
    device: { id: target.deviceId, name: target.deviceName ?? result.simulatorName, token: result.udid, tags: target.tags },
    request: { host: 'xcrun simctl', path: `push ${result.udid} ${result.bundleId}`, headers: {}, body: result.body, bytes: result.bytes },
    response: {
      outcome: result.outcome,
      status: null,
      reason: result.outcome === 'accepted' ? null : 'SimctlFailed',
      apnsId: null,
      apnsUniqueId: null,
      unregisteredAt: null,
      latencyMs: result.latencyMs,
      attempts: 1,
      explanation: result.outcome === 'accepted' ? result.explanation : [result.explanation, result.stderr.trim()].filter(Boolean).join('\n')
    }
  }
}

function failWith<T>(error: AppError): Result<T> {
  return fail(error.code, error.message, error.hint)
}
