import { randomUUID } from 'node:crypto'
import { normaliseDeviceToken } from '../../shared/device-token'
import { bundleIdProblem } from '../../shared/diagnosis'
import type { DeviceKind, LastResult, SavedDevice } from '../../shared/domain'
import type { Environment } from '../../shared/environments'
import { isSimulatorUdid, normaliseUdid } from '../../shared/simulator'
import { matchesTags, parseTagExpression } from '../../shared/library/tag-expression'
import { MAX_TAGS_PER_DEVICE, tagProblem, tidyTags, tooManyTagsProblem } from '../../shared/library/tags'
import { fail, ok, type Result } from '../../shared/result'
import type { StoredDocument } from '../persistence/document'

export interface SaveDeviceInput {
  name: string
  token: string
  bundleId: string
  environment: Environment
  kind?: DeviceKind
  tags?: string[]
  accountId?: string | null
  notes?: string
}

export type DevicePatch = Partial<Omit<SaveDeviceInput, 'token'>> & { token?: string }

export type BulkAction = { kind: 'delete' } | { kind: 'addTags'; tags: string[] } | { kind: 'removeTags'; tags: string[] } | { kind: 'setAccount'; accountId: string | null }

const MAX_NOTES = 2000

export class DeviceService {
  constructor(
    private readonly document: StoredDocument<SavedDevice[]>,
    private readonly accountExists: (id: string) => boolean = () => true,
    private readonly now: () => Date = () => new Date(),
    /** The newest answer a token got, from the delivery history (which records every send). */
    private readonly lastResultOf: (token: string) => LastResult | null = () => null
  ) {}

  /** Saved devices, each with the newest answer it got. */
  list(): SavedDevice[] {
    return this.document.read().map((d) => withNewestResult(d, this.lastResultOf(d.token)))
  }

  findByToken(token: string): SavedDevice | null {
    return this.document.read().find((d) => d.token === token) ?? null
  }

  /** Tokens are saved normalised, so case or bracket variants of one token are one device (C-04). */
  save(input: SaveDeviceInput): Result<SavedDevice> {
    const checked = this.check(input, null)
    if (!checked.ok) return checked
    const stamp = this.now().toISOString()
    const device: SavedDevice = {
      id: randomUUID(),
      name: input.name.trim() || `Device ${checked.value.token.slice(0, 8)}`,
      token: checked.value.token,
      bundleId: input.bundleId.trim(),
      environment: input.environment,
      kind: input.kind ?? 'regular',
      tags: checked.value.tags,
      accountId: input.accountId ?? null,
      notes: (input.notes ?? '').slice(0, MAX_NOTES),
      createdAt: stamp,
      updatedAt: stamp,
      unregisteredAt: null,
      lastResult: null
    }
    this.document.write([...this.document.read(), device])
    return ok(device)
  }

  update(id: string, patch: DevicePatch): Result<SavedDevice> {
    const all = this.document.read()
    const existing = all.find((d) => d.id === id)
    if (!existing) return fail('device.not-found', 'That device no longer exists.')
    const merged = { ...existing, ...patch, tags: patch.tags ?? existing.tags, accountId: patch.accountId === undefined ? existing.accountId : patch.accountId }
    const checked = this.check(merged, id)
    if (!checked.ok) return checked
    const tokenChanged = checked.value.token !== existing.token
    const stamp = this.now().toISOString()
    const updated: SavedDevice = {
      ...merged,
      name: merged.name.trim() || existing.name,
      bundleId: merged.bundleId.trim(),
      notes: merged.notes.slice(0, MAX_NOTES),
      token: checked.value.token,
      tags: checked.value.tags,
      updatedAt: stamp,
      // A new token has no history with APNs yet: answers it got before now are not this device's.
      ...(tokenChanged ? { tokenSetAt: stamp } : {}),
      unregisteredAt: tokenChanged ? null : existing.unregisteredAt,
      lastResult: tokenChanged ? null : existing.lastResult
    }
    this.document.write(all.map((d) => (d.id === id ? updated : d)))
    return ok(updated)
  }

  /**
   * A copy for another token: same app, environment, kind, tags, account and notes. A token is
   * saved once, so the copy needs its own (a second phone of the same QA setup).
   */
  duplicate(id: string, token: string, name?: string): Result<SavedDevice> {
    const existing = this.document.read().find((d) => d.id === id)
    if (!existing) return fail('device.not-found', 'That device no longer exists.')
    return this.save({
      name: name?.trim() || `${existing.name} (copy)`,
      token,
      bundleId: existing.bundleId,
      environment: existing.environment,
      kind: existing.kind,
      tags: existing.tags,
      accountId: existing.accountId,
      notes: existing.notes
    })
  }

  remove(id: string): Result<null> {
    const all = this.document.read()
    if (!all.some((d) => d.id === id)) return fail('device.not-found', 'That device no longer exists.')
    this.document.write(all.filter((d) => d.id !== id))
    return ok(null)
  }

  bulk(ids: string[], action: BulkAction): Result<{ changed: number }> {
    const targets = new Set(ids)
    const all = this.document.read()
    if (action.kind === 'delete') {
      const kept = all.filter((d) => !targets.has(d.id))
      this.document.write(kept)
      return ok({ changed: all.length - kept.length })
    }
    if (action.kind === 'setAccount' && action.accountId !== null && !this.accountExists(action.accountId)) {
      return fail('account.not-found', 'That account no longer exists.')
    }
    if (action.kind !== 'setAccount') {
      const bad = action.tags.map(tagProblem).find((p) => p !== null)
      if (bad) return fail('device.bad-tag', bad)
    }
    if (action.kind === 'addTags') {
      const crowded = all.find((d) => targets.has(d.id) && tidyTags([...d.tags, ...action.tags]).length > MAX_TAGS_PER_DEVICE)
      if (crowded) return fail('device.bad-tag', `${tooManyTagsProblem(tidyTags([...crowded.tags, ...action.tags]).length)} ("${crowded.name}")`, 'Add fewer tags, or remove some from that device first.')
    }
    const stamp = this.now().toISOString()
    let changed = 0
    const next = all.map((d) => {
      if (!targets.has(d.id)) return d
      changed++
      switch (action.kind) {
        case 'addTags':
          return { ...d, tags: tidyTags([...d.tags, ...action.tags]), updatedAt: stamp }
        case 'removeTags': {
          const drop = new Set(tidyTags(action.tags))
          return { ...d, tags: d.tags.filter((t) => !drop.has(t)), updatedAt: stamp }
        }
        case 'setAccount':
          return { ...d, accountId: action.accountId, updatedAt: stamp }
      }
    })
    this.document.write(next)
    return ok({ changed })
  }

  /** Devices a tag expression selects, for the preview before a send. */
  matching(expressionText: string): Result<SavedDevice[]> {
    const parsed = parseTagExpression(expressionText)
    if (!parsed.ok) return fail('tags.bad-expression', `${parsed.message} (at character ${parsed.position + 1})`)
    return ok(this.document.read().filter((d) => matchesTags(parsed.expression, new Set(d.tags))))
  }

  /**
   * A device that registered itself (POST /v1/register): added, or updated when its normalised
   * token is saved already. Tags are merged, never dropped; an absent name or account keeps the
   * saved one. Synchronous from read to write, so two registrations of one token cannot both add.
   */
  register(input: SaveDeviceInput): Result<{ device: SavedDevice; created: boolean }> {
    const problem = this.registrationProblem(input)
    if (problem) return problem
    const token = normaliseDeviceToken(input.token)
    if (!token.ok) return fail(token.problem.code, token.problem.message, token.problem.fix)
    const existing = this.findByToken(token.token)
    if (!existing) {
      const saved = this.save({ ...input, token: token.token })
      return saved.ok ? ok({ device: saved.value, created: true }) : saved
    }
    const patch: DevicePatch = {
      bundleId: input.bundleId,
      environment: input.environment,
      tags: tidyTags([...existing.tags, ...(input.tags ?? [])]),
      ...(input.name.trim() ? { name: input.name } : {}),
      ...(input.accountId ? { accountId: input.accountId } : {})
    }
    // APNs' 410 timestamp says when the token stopped being valid; the app handing us the same
    // token after that moment means it is valid again (Apple's guidance for providers).
    const revived = existing.unregisteredAt !== null && this.now().getTime() > Date.parse(existing.unregisteredAt)
    if (revived) this.patchByToken(existing.token, (d) => ({ ...d, unregisteredAt: null }))
    const unchanged =
      patch.bundleId!.trim() === existing.bundleId &&
      patch.environment === existing.environment &&
      patch.tags!.join(' ') === existing.tags.join(' ') &&
      (patch.name === undefined || patch.name.trim() === existing.name) &&
      (patch.accountId === undefined || patch.accountId === existing.accountId)
    if (unchanged) return ok({ device: revived ? { ...existing, unregisteredAt: null } : existing, created: false })
    const updated = this.update(existing.id, patch)
    return updated.ok ? ok({ device: updated.value, created: false }) : updated
  }

  /**
   * Why a registration would be refused, checked before anything is written (the account it
   * names is created only for a registration that will be saved). The same rules on a first
   * registration and a repeat one; the merged tags must stay within the per-device limit.
   */
  registrationProblem(input: SaveDeviceInput): Result<never> | null {
    const problem = fieldsProblem(input)
    if (problem) return problem
    const token = deviceToken(input)
    const merged = tidyTags([...(token.ok ? (this.findByToken(token.token)?.tags ?? []) : []), ...(input.tags ?? [])])
    const tooMany = tooManyTagsProblem(merged.length)
    return tooMany ? fail('device.bad-tag', tooMany, 'Remove tags the device no longer needs in Pushdeck, or send fewer.') : null
  }


  /** The app reported a push to this device opened. */
  recordTap(token: string, tap: { at: string; action: string }): SavedDevice | null {
    this.patchByToken(token, (d) => ({ ...d, lastTap: tap }))
    return this.findByToken(token)
  }

  /**
   * 410s mark saved devices, never delete them (C-23): the user decides. sinceByToken maps each
   * token to the time APNs gave; one write for a whole fan-out, none when no saved device is named.
   */
  markUnregistered(sinceByToken: ReadonlyMap<string, string>): void {
    const all = this.document.read()
    if (sinceByToken.size === 0 || !all.some((d) => sinceByToken.has(d.token))) return
    this.document.write(all.map((d) => (sinceByToken.has(d.token) ? { ...d, unregisteredAt: sinceByToken.get(d.token)! } : d)))
  }

  /**
   * Last answers the history no longer keeps (its oldest files were deleted): devices keep them,
   * so a device sent to long ago never reads "not sent yet". One write, only when one is kept.
   */
  keepLastResults(answers: ReadonlyMap<string, LastResult>): void {
    const all = this.document.read()
    let changed = false
    const kept = all.map((d) => {
      const answer = answers.get(d.token)
      if (!answer || !isNewer(answer, d)) return d
      changed = true
      return { ...d, lastResult: answer }
    })
    if (changed) this.document.write(kept)
  }

  clearAccount(accountId: string): void {
    const all = this.document.read()
    if (!all.some((d) => d.accountId === accountId)) return
    this.document.write(all.map((d) => (d.accountId === accountId ? { ...d, accountId: null } : d)))
  }

  /**
   * Adds and replaces many devices in one write (library import); tokens already saved are
   * replaced only when listed in replaceTokens. Returns how many were added and replaced.
   */
  importMany(entries: SaveDeviceInput[], replaceTokens: ReadonlySet<string>): { added: number; replaced: number; skipped: string[] } {
    const stamp = this.now().toISOString()
    const byToken = new Map(this.document.read().map((d) => [d.token, d]))
    let added = 0
    let replaced = 0
    const skipped: string[] = []
    for (const entry of entries) {
      const token = deviceToken(entry)
      const problem = !token.ok ? token.problem.message : (bundleIdProblem(entry.bundleId) ?? (entry.tags ?? []).map(tagProblem).find((p) => p !== null) ?? null)
      if (!token.ok || problem) {
        skipped.push(`Device "${entry.name}": ${problem}`)
        continue
      }
      const existing = byToken.get(token.token)
      if (existing && !replaceTokens.has(token.token)) continue
      const fields = { name: entry.name.trim() || `Device ${token.token.slice(0, 8)}`, bundleId: entry.bundleId.trim(), environment: entry.environment, kind: entry.kind ?? 'regular', tags: tidyTags(entry.tags ?? []), accountId: entry.accountId ?? null, notes: (entry.notes ?? '').slice(0, MAX_NOTES) }
      if (existing) {
        byToken.set(token.token, { ...existing, ...fields, updatedAt: stamp })
        replaced++
      } else {
        byToken.set(token.token, { ...fields, id: randomUUID(), token: token.token, createdAt: stamp, updatedAt: stamp, unregisteredAt: null, lastResult: null })
        added++
      }
    }
    this.document.write([...byToken.values()])
    return { added, replaced, skipped }
  }

  /** Adds devices the app itself made (the demo), skipping tokens already saved. */
  addMany(devices: SaveDeviceInput[]): SavedDevice[] {
    return devices.flatMap((d) => {
      const saved = this.save(d)
      return saved.ok ? [saved.value] : []
    })
  }

  private patchByToken(token: string, change: (device: SavedDevice) => SavedDevice): void {
    const all = this.document.read()
    if (!all.some((d) => d.token === token)) return
    this.document.write(all.map((d) => (d.token === token ? change(d) : d)))
  }

  private check(input: SaveDeviceInput, selfId: string | null): Result<{ token: string; tags: string[] }> {
    const problem = fieldsProblem(input)
    if (problem) return problem
    const token = deviceToken(input)
    if (!token.ok) return fail(token.problem.code, token.problem.message, token.problem.fix)
    if (input.accountId && !this.accountExists(input.accountId)) return fail('account.not-found', 'That account no longer exists.')
    const twin = this.document.read().find((d) => d.token === token.token && d.id !== selfId)
    if (twin) return fail('device.duplicate', `This ${isSimulatorUdid(token.token) ? 'simulator' : 'token'} is already saved as "${twin.name}".`, 'Select that device in the list instead.')
    return ok({ token: token.token, tags: tidyTags(input.tags ?? []) })
  }
}

/** What is wrong with a device's own fields (token, bundle ID, tags), before any saved state is consulted. */
function fieldsProblem(input: SaveDeviceInput): Result<never> | null {
  const token = deviceToken(input)
  if (!token.ok) return fail(token.problem.code, token.problem.message, token.problem.fix)
  const bundleProblem = bundleIdProblem(input.bundleId)
  if (bundleProblem) return fail('device.bad-bundle-id', bundleProblem, "Enter the app's bundle ID; the device's pushes go to it.")
  const tagIssue = (input.tags ?? []).map(tagProblem).find((p) => p !== null)
  return tagIssue ? fail('device.bad-tag', tagIssue) : null
}

/**
 * A simulator reached through simctl is saved with its UDID where a device keeps its APNs token;
 * a simulator registered with APNs (Xcode 14+) is saved with its hex token like any device.
 */
function deviceToken(input: { token: string; kind?: DeviceKind }): ReturnType<typeof normaliseDeviceToken> {
  if (input.kind === 'simulator' && isSimulatorUdid(input.token)) return { ok: true, token: normaliseUdid(input.token), notes: [] }
  return normaliseDeviceToken(input.token)
}

/**
 * The history's answer when it is the newer one and was given to this device: an answer from
 * before the device was saved with its token (a deleted device added again, a token edited
 * back) belongs to an earlier device. A device saved by an older Pushdeck may hold an answer of
 * its own (kept on the device then), which stays until a newer send replaces it.
 */
function withNewestResult(device: SavedDevice, fromHistory: LastResult | null): SavedDevice {
  if (!fromHistory || !isNewer(fromHistory, device)) return device
  return { ...device, lastResult: fromHistory }
}

/** Compared as times, not as text: a hand-edited history may hold dates in other formats. */
function isNewer(answer: LastResult, device: SavedDevice): boolean {
  const at = Date.parse(answer.at)
  if (Number.isNaN(at) || at < Date.parse(device.tokenSetAt ?? device.createdAt)) return false
  return !device.lastResult || !(Date.parse(device.lastResult.at) >= at)
}
