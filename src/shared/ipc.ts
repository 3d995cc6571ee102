import { z } from 'zod'
import type { Account, CredentialProfile, CredentialSummary, PushTemplate, SavedDevice, SendResult } from './domain'
import { DEVICE_KINDS } from './domain'
import type { ImportOutcome, ImportPreview } from './library/bundle-types'
import type { HistoryEntry, HistoryStats, HistorySummary } from './history-types'
import type { FanoutSnapshot } from './fanout-types'
import type { EventsApi } from './events'
import type { EmulatorFault, EmulatorRequest, FaultScope } from './emulator-types'
import { ENVIRONMENTS } from './environments'
import { MAX_EXPIRATION_EPOCH_SECONDS, MAX_RELATIVE_EXPIRATION_SECONDS } from './expiration'
import type { Channel } from './ipc-channels'
import { PRIORITIES, PUSH_TYPES } from './push-types'
import type { Result } from './result'
import type { InstalledApp, SimulatorList, SimulatorSendResult } from './simulator'
import { MAX_COLLAPSE_ID_INPUT } from './diagnosis/header-checks'
import { MAX_REGISTRATION_PORT, MIN_REGISTRATION_PORT, type RegistrationStatus } from './registration/types'
import type { TapInfo } from './tap-rate'
import type { BroadcastResult, ChannelAnswer, ChannelCreateResult, ChannelListResult } from './channel-types'
import { settingsPatchSchema, type AppSettings } from './settings'
import { MAX_TAGS_PER_DEVICE } from './library/tags'

/** The whole renderer <-> main contract: every channel's input schema and output type. */

const MAX_PAYLOAD_TEXT = 1_000_000
/** The largest key or certificate file accepted; real ones are a few KB. */
export const MAX_KEY_FILE_BYTES = 64 * 1024

const output = <T>() => undefined as unknown as T
const channel = <I extends z.ZodType, O>(input: I, _output: O) => ({ input, output: _output })

const none = z.undefined()
const id = z.object({ id: z.string().min(1).max(100) }).strict()

/** A file's bytes as base64, at most MAX_KEY_FILE_BYTES. */
const base64File = z
  .string()
  .min(1)
  .max(Math.ceil((MAX_KEY_FILE_BYTES * 4) / 3) + 4)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'the file content is not base64')

export const keySourceSchema = z.union([
  z.object({ text: z.string().min(1).max(MAX_KEY_FILE_BYTES) }).strict(),
  z.object({ fileName: z.string().max(500), base64: base64File }).strict()
])

export const addTokenKeySchema = z
  .object({
    label: z.string().max(200),
    keyId: z.string().max(100),
    teamId: z.string().max(100),
    key: keySourceSchema
  })
  .strict()

export const addCertificateSchema = z
  .object({
    label: z.string().max(200),
    /** A .p12, or a .pem holding both, or a certificate .pem/.cer plus a key .pem. */
    files: z.array(z.object({ fileName: z.string().max(500), base64: base64File }).strict()).min(1).max(2),
    passphrase: z.string().max(1000).nullable()
  })
  .strict()

export const environmentSchema = z.enum(ENVIRONMENTS)

export const expirationSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('none') }).strict(),
  z.object({ mode: z.literal('immediate') }).strict(),
  z.object({ mode: z.literal('at'), epochSeconds: z.number().int().min(0).max(MAX_EXPIRATION_EPOCH_SECONDS) }).strict(),
  z.object({ mode: z.literal('relative'), seconds: z.number().int().min(0).max(MAX_RELATIVE_EXPIRATION_SECONDS) }).strict()
])

const faultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('status'), status: z.union([z.literal(400), z.literal(403), z.literal(410), z.literal(413), z.literal(429), z.literal(500), z.literal(503)]), reason: z.string().min(1).max(100).optional(), retryAfterSeconds: z.number().int().min(0).max(3600).optional() }).strict(),
  z.object({ kind: z.literal('latency'), ms: z.number().int().min(0).max(60_000) }).strict(),
  z.object({ kind: z.literal('hang') }).strict(),
  z.object({ kind: z.literal('goaway'), reason: z.string().max(100).optional() }).strict(),
  z.object({ kind: z.literal('drop-connection') }).strict()
])

export const injectFaultSchema = z
  .object({
    target: z.discriminatedUnion('scope', [z.object({ scope: z.literal('next') }).strict(), z.object({ scope: z.literal('token'), token: z.string().min(1).max(2000) }).strict()]),
    fault: faultSchema
  })
  .strict()

const tagList = z.array(z.string().max(100)).max(MAX_TAGS_PER_DEVICE)
const entityId = z.string().min(1).max(100)

export const saveDeviceSchema = z
  .object({
    name: z.string().max(200),
    token: z.string().max(2000),
    bundleId: z.string().max(300),
    environment: environmentSchema,
    kind: z.enum(DEVICE_KINDS).optional(),
    tags: tagList.optional(),
    accountId: entityId.nullable().optional(),
    notes: z.string().max(5000).optional()
  })
  .strict()

export const updateDeviceSchema = z.object({ id: entityId, patch: saveDeviceSchema.partial().strict() }).strict()

export const bulkDevicesSchema = z
  .object({
    ids: z.array(entityId).min(1).max(100_000),
    action: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('delete') }).strict(),
      z.object({ kind: z.literal('addTags'), tags: tagList.min(1) }).strict(),
      z.object({ kind: z.literal('removeTags'), tags: tagList.min(1) }).strict(),
      z.object({ kind: z.literal('setAccount'), accountId: entityId.nullable() }).strict()
    ])
  })
  .strict()

const templateInputSchema = z
  .object({
    name: z.string().max(200),
    group: z.string().max(200),
    pushType: z.enum(PUSH_TYPES),
    priority: z.union([z.literal(10), z.literal(5), z.literal(1)]),
    expiration: z.lazy(() => expirationSchema),
    collapseId: z.string().max(1000),
    payloadText: z.string().max(100_000),
    variables: z.array(z.object({ name: z.string().max(64), defaultValue: z.string().max(10_000) }).strict()).max(100)
  })
  .strict()

const profileInputSchema = z.object({ label: z.string().max(200), credentialId: entityId, bundleId: z.string().max(300), environment: environmentSchema }).strict()
const libraryTextSchema = z.string().min(1).max(50_000_000)

export const sendRequestSchema = z
  .object({
    credentialId: z.string().max(100),
    environment: environmentSchema,
    deviceToken: z.string().max(2000),
    bundleId: z.string().max(300),
    pushType: z.enum(PUSH_TYPES),
    priority: z.union(PRIORITIES.map((p) => z.literal(p)) as [z.ZodLiteral<10>, z.ZodLiteral<5>, z.ZodLiteral<1>]),
    payloadText: z.string().max(MAX_PAYLOAD_TEXT),
    topicOverride: z.string().max(300).nullable(),
    expiration: expirationSchema,
    collapseId: z.string().max(MAX_COLLAPSE_ID_INPUT),
    apnsId: z.string().max(100),
    variables: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/).max(64), z.string().max(10_000)).refine((v) => Object.keys(v).length <= 100, 'too many variables')
      .optional(),
    templateName: z.string().max(200).nullable().optional()
  })
  .strict()

export const fanoutRequestSchema = z
  .object({
    target: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('devices'), ids: z.array(entityId).min(1).max(100_000) }).strict(),
      z.object({ kind: z.literal('tags'), expression: z.string().min(1).max(2000) }).strict(),
      z.object({ kind: z.literal('account'), accountId: entityId }).strict()
    ]),
    push: sendRequestSchema.omit({ deviceToken: true, environment: true, bundleId: true, apnsId: true })
  })
  .strict()

const udidSchema = z.string().trim().regex(/^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/, 'not a simulator UDID')

export const simulatorSendSchema = z
  .object({
    udid: udidSchema,
    bundleId: z.string().max(300),
    pushType: z.enum(PUSH_TYPES),
    payloadText: z.string().max(MAX_PAYLOAD_TEXT),
    variables: sendRequestSchema.shape.variables,
    templateName: z.string().max(200).nullable().optional()
  })
  .strict()

/** A date or date and time the history filters by; one that does not parse is refused, not ignored. */
const dateText = z
  .string()
  .max(40)
  .refine((text) => !Number.isNaN(Date.parse(text)), 'not a date: use e.g. 2026-12-04 or 2026-12-04T09:30:00Z')

export const historyQuerySchema = z
  .object({
    text: z.string().max(500).optional(),
    runId: z.string().max(100).optional(),
    device: z.string().max(2000).optional(),
    tag: z.string().max(100).optional(),
    template: z.string().max(200).optional(),
    status: z.number().int().min(100).max(599).optional(),
    outcome: z.enum(['accepted', 'rejected', 'failed', 'cancelled']).optional(),
    reason: z.string().max(200).optional(),
    from: dateText.optional(),
    to: dateText.optional(),
    limit: z.number().int().min(1).max(1000).optional(),
    offset: z.number().int().min(0).max(10_000_000).optional()
  })
  .strict()

export const registrationConfigureSchema = z
  .object({
    enabled: z.boolean().optional(),
    port: z.number().int().min(MIN_REGISTRATION_PORT, `use a port from ${MIN_REGISTRATION_PORT} up`).max(MAX_REGISTRATION_PORT).optional(),
    lan: z.boolean().optional()
  })
  .strict()

/** Broadcast channels: one app (bundle ID, trimmed: it goes into the request path), one credential, one environment. */
export const channelScopeSchema = z.object({ credentialId: entityId, environment: environmentSchema, bundleId: z.string().max(300).trim() }).strict()
/** APNs channel IDs are base64 of unspecified length; the service explains a malformed one. */
const channelIdSchema = z.string().min(1).max(200)

export const broadcastRequestSchema = channelScopeSchema
  .extend({
    channelId: channelIdSchema,
    payloadText: z.string().max(MAX_PAYLOAD_TEXT),
    priority: z.union(PRIORITIES.map((p) => z.literal(p)) as [z.ZodLiteral<10>, z.ZodLiteral<5>, z.ZodLiteral<1>]),
    expirationSeconds: z.number().int().min(0).max(MAX_EXPIRATION_EPOCH_SECONDS),
    variables: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/).max(64), z.string().max(10_000)).optional()
  })
  .strict()

export const contract = {
  'app:notices': channel(none, output<string[]>()),
  'credentials:list': channel(none, output<CredentialSummary[]>()),
  'credentials:addTokenKey': channel(addTokenKeySchema, output<CredentialSummary>()),
  'credentials:addCertificate': channel(addCertificateSchema, output<CredentialSummary>()),
  'credentials:remove': channel(id, output<null>()),
  'devices:list': channel(none, output<SavedDevice[]>()),
  'devices:save': channel(saveDeviceSchema, output<SavedDevice>()),
  'devices:update': channel(updateDeviceSchema, output<SavedDevice>()),
  'devices:duplicate': channel(z.object({ id: entityId, token: z.string().max(2000), name: z.string().max(200).optional() }).strict(), output<SavedDevice>()),
  'devices:remove': channel(id, output<null>()),
  'devices:bulk': channel(bulkDevicesSchema, output<{ changed: number }>()),
  'devices:matching': channel(z.object({ expression: z.string().max(2000) }).strict(), output<{ count: number; ids: string[] }>()),
  'accounts:list': channel(none, output<Account[]>()),
  'accounts:save': channel(z.object({ name: z.string().max(200), notes: z.string().max(5000).optional() }).strict(), output<Account>()),
  'accounts:update': channel(z.object({ id: entityId, name: z.string().max(200).optional(), notes: z.string().max(5000).optional() }).strict(), output<Account>()),
  'accounts:remove': channel(id, output<null>()),
  'templates:list': channel(none, output<PushTemplate[]>()),
  'templates:save': channel(templateInputSchema, output<PushTemplate>()),
  'templates:update': channel(z.object({ id: entityId, template: templateInputSchema }).strict(), output<PushTemplate>()),
  'templates:duplicate': channel(id, output<PushTemplate>()),
  'templates:remove': channel(id, output<null>()),
  'templates:importApns': channel(z.object({ fileName: z.string().max(500), text: z.string().min(1).max(200_000) }).strict(), output<{ template: PushTemplate; bundleId: string | null }>()),
  'templates:exportApns': channel(z.object({ id: entityId, bundleId: z.string().max(300) }).strict(), output<{ fileName: string; text: string }>()),
  'profiles:list': channel(none, output<{ profiles: CredentialProfile[]; activeId: string | null }>()),
  'profiles:save': channel(profileInputSchema, output<CredentialProfile>()),
  'profiles:remove': channel(id, output<null>()),
  'profiles:activate': channel(z.object({ id: entityId.nullable() }).strict(), output<CredentialProfile | null>()),
  'library:export': channel(none, output<{ fileName: string; text: string }>()),
  'library:previewImport': channel(z.object({ text: libraryTextSchema }).strict(), output<ImportPreview>()),
  'library:applyImport': channel(z.object({ text: libraryTextSchema, replace: z.array(z.string().max(3000)).max(100_000) }).strict(), output<ImportOutcome>()),
  'demo:status': channel(none, output<{ offered: boolean }>()),
  'demo:setup': channel(none, output<{ credential: CredentialSummary; devices: SavedDevice[] }>()),
  'demo:dismiss': channel(none, output<null>()),
  'push:send': channel(sendRequestSchema, output<SendResult>()),
  'push:curl': channel(sendRequestSchema, output<{ command: string; containsSecret: boolean; warning: string }>()),
  'fanout:start': channel(fanoutRequestSchema, output<{ runId: string; total: number }>()),
  'fanout:cancel': channel(z.object({ runId: entityId }).strict(), output<null>()),
  'fanout:status': channel(z.object({ runId: entityId }).strict(), output<FanoutSnapshot>()),
  'simulators:list': channel(none, output<SimulatorList>()),
  'simulators:apps': channel(z.object({ udid: udidSchema }).strict(), output<InstalledApp[]>()),
  'simulators:send': channel(simulatorSendSchema, output<SimulatorSendResult>()),
  'history:query': channel(historyQuerySchema, output<{ total: number; items: HistorySummary[] }>()),
  'history:get': channel(id, output<HistoryEntry>()),
  'history:stats': channel(historyQuerySchema, output<HistoryStats>()),
  'history:export': channel(z.object({ format: z.enum(['csv', 'json']), query: historyQuerySchema }).strict(), output<{ fileName: string; path: string | null; count: number }>()),
  'history:taps': channel(z.object({ apnsIds: z.array(z.string().max(100)).max(100_000) }).strict(), output<Record<string, TapInfo>>()),
  'emulator:inbox': channel(none, output<{ running: boolean; requests: EmulatorRequest[]; faults: { scope: FaultScope; fault: EmulatorFault }[] }>()),
  'emulator:injectFault': channel(injectFaultSchema, output<null>()),
  'emulator:clearFaults': channel(none, output<null>()),
  'registration:status': channel(none, output<RegistrationStatus>()),
  'registration:configure': channel(registrationConfigureSchema, output<RegistrationStatus>()),
  'registration:regenerateSecret': channel(none, output<RegistrationStatus>()),
  'channels:list': channel(channelScopeSchema, output<ChannelListResult>()),
  'channels:create': channel(channelScopeSchema.extend({ policy: z.union([z.literal(0), z.literal(1)]) }).strict(), output<ChannelCreateResult>()),
  'channels:delete': channel(channelScopeSchema.extend({ channelId: channelIdSchema }).strict(), output<ChannelAnswer>()),
  'channels:broadcast': channel(broadcastRequestSchema, output<BroadcastResult>()),
  'settings:get': channel(none, output<AppSettings>()),
  'settings:update': channel(settingsPatchSchema, output<AppSettings>())
} satisfies Record<Channel, { input: z.ZodType; output: unknown }>

// Both directions: every contract key is a listed channel and every listed channel has a schema.
type MissingFromContract = Exclude<Channel, keyof typeof contract>
type MissingFromList = Exclude<keyof typeof contract, Channel>
const _inSync: [MissingFromContract, MissingFromList] extends [never, never] ? true : never = true
void _inSync

export type Contract = typeof contract
export type ChannelInput<C extends Channel> = z.infer<Contract[C]['input']>
export type ChannelOutput<C extends Channel> = Contract[C]['output']

type DomainOf<C> = C extends `${infer D}:${string}` ? D : never
type Domain = DomainOf<Channel>
type MethodArgs<C extends Channel> = ChannelInput<C> extends undefined ? [] : [input: ChannelInput<C>]

/** window.api: one named method per channel, grouped by domain (api.push.send(...)), and api.events. */
export type Api = { events: EventsApi } & {
  [D in Domain]: {
    [C in Channel as C extends `${D}:${infer Verb}` ? Verb : never]: (...args: MethodArgs<C>) => Promise<Result<ChannelOutput<C>>>
  }
}
