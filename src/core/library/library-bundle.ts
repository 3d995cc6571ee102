import { z } from 'zod'
import { normaliseDeviceToken } from '../../shared/device-token'
import type { Account, PushTemplate, SavedDevice } from '../../shared/domain'
import { DEVICE_KINDS } from '../../shared/domain'
import { ENVIRONMENTS } from '../../shared/environments'
import { expirationSchema } from '../../shared/ipc'
import type { ImportPreview, LibraryConflict } from '../../shared/library/bundle-types'
import { PUSH_TYPES } from '../../shared/push-types'
import { MAX_TAGS_PER_DEVICE } from '../../shared/library/tags'
import { fail, ok, type Result } from '../../shared/result'

/**
 * The library as one JSON file a team keeps in git: devices, accounts and templates, with no
 * secrets, no ids and no timestamps, keys in a stable order and lists sorted, so a diff shows
 * only what a person changed.
 */
export const BUNDLE_FORMAT = 'pushdeck-library'
export const BUNDLE_VERSION = 1

const bundleDevice = z.object({
  name: z.string().max(200),
  token: z.string().max(2000),
  bundleId: z.string().max(300),
  environment: z.enum(ENVIRONMENTS),
  kind: z.enum(DEVICE_KINDS).default('regular'),
  tags: z.array(z.string().max(40)).max(MAX_TAGS_PER_DEVICE).default([]),
  account: z.string().max(200).nullable().default(null),
  notes: z.string().max(2000).default('')
})
const bundleAccount = z.object({ name: z.string().min(1).max(200), notes: z.string().max(2000).default('') })
const bundleTemplate = z.object({
  name: z.string().min(1).max(200),
  group: z.string().max(200).default(''),
  pushType: z.enum(PUSH_TYPES),
  priority: z.union([z.literal(10), z.literal(5), z.literal(1)]),
  expiration: expirationSchema.default({ mode: 'none' }),
  collapseId: z.string().max(1000).default(''),
  payloadText: z.string().max(100_000),
  variables: z.array(z.object({ name: z.string().max(64), defaultValue: z.string().max(10_000) })).max(100).default([])
})
export const bundleSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  accounts: z.array(bundleAccount).max(10_000).default([]),
  devices: z.array(bundleDevice).max(100_000).default([]),
  templates: z.array(bundleTemplate).max(10_000).default([])
})
export type LibraryBundle = z.infer<typeof bundleSchema>
export type BundleDevice = z.infer<typeof bundleDevice>
export type BundleTemplate = z.infer<typeof bundleTemplate>
export type BundleAccount = z.infer<typeof bundleAccount>

export function exportBundle(devices: SavedDevice[], accounts: Account[], templates: PushTemplate[]): string {
  const accountName = new Map(accounts.map((a) => [a.id, a.name]))
  const bundle: LibraryBundle = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    accounts: sortBy(accounts.map(({ name, notes }) => ({ name, notes })), (a) => a.name),
    devices: sortBy(
      devices.map((d) => ({ name: d.name, token: d.token, bundleId: d.bundleId, environment: d.environment, kind: d.kind, tags: [...d.tags].sort(), account: d.accountId ? (accountName.get(d.accountId) ?? null) : null, notes: d.notes })),
      (d) => `${d.name}\u0000${d.token}`
    ),
    templates: sortBy(
      templates.map(({ name, group, pushType, priority, expiration, collapseId, payloadText, variables }) => ({ name, group, pushType, priority, expiration, collapseId, payloadText, variables })),
      (t) => `${t.group}\u0000${t.name}`
    )
  }
  return stableStringify(bundle) + '\n'
}

export function parseBundle(text: string): Result<LibraryBundle> {
  let raw: unknown
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    return fail('bundle.not-json', `The file is not JSON: ${(error as Error).message.slice(0, 200)}`, 'Choose a file exported by Pushdeck (Library > Export).')
  }
  if ((raw as { format?: unknown })?.format !== BUNDLE_FORMAT) return fail('bundle.not-pushdeck', 'This JSON is not a Pushdeck library export.', 'Choose a file exported by Pushdeck (Library > Export).')
  if ((raw as { version?: unknown }).version !== BUNDLE_VERSION) return fail('bundle.version', `This library export is version ${String((raw as { version?: unknown }).version)}; this Pushdeck reads version ${BUNDLE_VERSION}.`, 'Update Pushdeck.')
  const parsed = bundleSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    return fail('bundle.invalid', `The export has an invalid entry at ${issue.path.join('.')}: ${issue.message}.`, 'Fix that entry in the file, or export it again.')
  }
  return ok(parsed.data)
}

/** What an import would do, entry by entry, before anything is written. */
export function previewImport(bundle: LibraryBundle, devices: SavedDevice[], accounts: Account[], templates: PushTemplate[]): ImportPreview {
  const preview: ImportPreview = { added: { devices: 0, accounts: 0, templates: 0 }, unchanged: 0, conflicts: [], invalid: [] }
  const accountName = new Map(accounts.map((a) => [a.id, a.name]))
  for (const incoming of bundle.accounts) {
    const existing = accounts.find((a) => a.name.toLowerCase() === incoming.name.toLowerCase())
    if (!existing) preview.added.accounts++
    else if (existing.notes === incoming.notes) preview.unchanged++
    else preview.conflicts.push(conflict('account', incoming.name, incoming.name, { notes: existing.notes }, { notes: incoming.notes }))
  }
  for (const incoming of bundle.devices) {
    const token = normaliseDeviceToken(incoming.token)
    if (!token.ok) {
      preview.invalid.push(`Device "${incoming.name}": ${token.problem.message}`)
      continue
    }
    const existing = devices.find((d) => d.token === token.token)
    const theirs = { name: incoming.name, bundleId: incoming.bundleId, environment: incoming.environment, kind: incoming.kind, tags: [...incoming.tags].sort().join(', '), account: incoming.account ?? '', notes: incoming.notes }
    if (!existing) {
      preview.added.devices++
      continue
    }
    const ours = { name: existing.name, bundleId: existing.bundleId, environment: existing.environment, kind: existing.kind, tags: existing.tags.join(', '), account: existing.accountId ? (accountName.get(existing.accountId) ?? '') : '', notes: existing.notes }
    if (stableStringify(ours) === stableStringify(theirs)) preview.unchanged++
    else preview.conflicts.push(conflict('device', `device:${token.token}`, `${existing.name} (${token.token.slice(0, 8)}…)`, ours, theirs))
  }
  for (const incoming of bundle.templates) {
    const existing = templates.find((t) => t.group === incoming.group && t.name.toLowerCase() === incoming.name.toLowerCase())
    if (!existing) {
      preview.added.templates++
      continue
    }
    const pick = (t: BundleTemplate | PushTemplate) => ({ pushType: t.pushType, priority: t.priority, expiration: JSON.stringify(t.expiration), collapseId: t.collapseId, payloadText: t.payloadText, variables: JSON.stringify(t.variables) })
    if (stableStringify(pick(existing)) === stableStringify(pick(incoming))) preview.unchanged++
    else preview.conflicts.push(conflict('template', `template:${incoming.group}/${incoming.name}`, `${incoming.group ? `${incoming.group} / ` : ''}${incoming.name}`, pick(existing), pick(incoming)))
  }
  return preview
}

function conflict(kind: LibraryConflict['kind'], key: string, label: string, ours: Record<string, unknown>, theirs: Record<string, unknown>): LibraryConflict {
  const fields = Object.keys(theirs).filter((k) => stableStringify(ours[k]) !== stableStringify(theirs[k]))
  return { kind, key: kind === 'account' ? `account:${key.toLowerCase()}` : key, label, fields: fields.map((field) => ({ field, ours: String(ours[field] ?? ''), theirs: String(theirs[field] ?? '') })) }
}

function sortBy<T>(items: T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
}

/** JSON with object keys in a fixed order (the order they are listed in, sorted), two-space indent. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v), 2)
}
