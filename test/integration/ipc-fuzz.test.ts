import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../src/core/ipc-dispatch'
import { silentLogger } from '../../src/core/ports'
import { contract, type ChannelInput } from '../../src/shared/ipc'
import { CHANNELS, type Channel } from '../../src/shared/ipc-channels'
import { hashFolder } from '../support/data-folder-hash'
import { fuzzSeed, seededRandom } from '../support/seeded-random'
import { createTestApp, type TestApp } from '../support/test-app'

/**
 * 10,000 malformed inputs per channel through the real dispatch, as a compromised or buggy
 * renderer could send them. Every input is malformed by construction (wrong type, missing or
 * unknown key, out of range, oversized), so each must come back as a validation error value:
 * nothing throws, no handler runs, and no file in the data folder changes.
 * Replay a failure with PUSHDECK_FUZZ_SEED=<printed seed>.
 */
const PER_CHANNEL = 10_000
const SEED = fuzzSeed()
console.info(`IPC fuzz seed: ${SEED} (replay with PUSHDECK_FUZZ_SEED=${SEED})`)

const TOKEN = 'ab'.repeat(32)
const sendRequest: ChannelInput<'push:send'> = {
  credentialId: 'c1', environment: 'sandbox', deviceToken: TOKEN, bundleId: 'com.example.app', pushType: 'alert', priority: 10,
  payloadText: '{"aps":{"alert":"Hi"}}', topicOverride: null, expiration: { mode: 'at', epochSeconds: 1_800_000_000 }, collapseId: 'c', apnsId: '',
  variables: { name: 'Ann' }, templateName: 'Welcome'
}
const template: ChannelInput<'templates:save'> = {
  name: 'Welcome', group: 'Onboarding', pushType: 'alert', priority: 5, expiration: { mode: 'relative', seconds: 3600 }, collapseId: '',
  payloadText: '{"aps":{"alert":"{{name}}"}}', variables: [{ name: 'name', defaultValue: 'Ann' }]
}
const query: ChannelInput<'history:query'> = { text: 'x', device: TOKEN, tag: 'qa', template: 'Welcome', status: 200, outcome: 'accepted', reason: 'BadDeviceToken', from: '2026-01-01', to: '2026-12-31', limit: 50, offset: 0 }

const UDID = '4F6E2A5C-1B2D-4E3F-9A8B-7C6D5E4F3A2B'
const channelScope = { credentialId: 'c1', environment: 'sandbox' as const, bundleId: 'com.example.app' }

/** A valid input for each channel that takes one; mutations start from these. */
const SAMPLES: Partial<{ [C in Channel]: ChannelInput<C> }> = {
  'credentials:addTokenKey': { label: 'Key', keyId: 'ABCDE12345', teamId: 'TEAM123456', key: { fileName: 'AuthKey_ABCDE12345.p8', base64: 'QUJD' } },
  'credentials:addCertificate': { label: 'Cert', files: [{ fileName: 'push.p12', base64: 'QUJD' }], passphrase: 'secret' },
  'credentials:remove': { id: 'c1' },
  'devices:save': { name: 'iPhone', token: TOKEN, bundleId: 'com.example.app', environment: 'sandbox', kind: 'regular', tags: ['qa'], accountId: 'a1', notes: 'n' },
  'devices:update': { id: 'd1', patch: { name: 'iPhone', tags: ['qa'] } },
  'devices:duplicate': { id: 'd1', token: TOKEN, name: 'Copy' },
  'devices:remove': { id: 'd1' },
  'devices:bulk': { ids: ['d1', 'd2'], action: { kind: 'addTags', tags: ['qa'] } },
  'devices:matching': { expression: 'qa and not beta' },
  'accounts:save': { name: 'Ann', notes: 'n' },
  'accounts:update': { id: 'a1', name: 'Ann', notes: 'n' },
  'accounts:remove': { id: 'a1' },
  'templates:save': template,
  'templates:update': { id: 't1', template },
  'templates:duplicate': { id: 't1' },
  'templates:remove': { id: 't1' },
  'templates:importApns': { fileName: 'a.apns', text: '{"aps":{}}' },
  'templates:exportApns': { id: 't1', bundleId: 'com.example.app' },
  'profiles:save': { label: 'Prod', credentialId: 'c1', bundleId: 'com.example.app', environment: 'production' },
  'profiles:remove': { id: 'p1' },
  'profiles:activate': { id: 'p1' },
  'library:previewImport': { text: '{}' },
  'library:applyImport': { text: '{}', replace: ['device:d1'] },
  'push:send': sendRequest,
  'push:curl': sendRequest,
  'fanout:start': { target: { kind: 'devices', ids: ['d1'] }, push: { credentialId: 'c1', pushType: 'alert', priority: 10, payloadText: '{}', topicOverride: null, expiration: { mode: 'none' }, collapseId: '', variables: {}, templateName: null } },
  'fanout:cancel': { runId: 'r1' },
  'fanout:status': { runId: 'r1' },
  'history:query': query,
  'history:get': { id: 'h1' },
  'history:export': { format: 'csv', query },
  'emulator:injectFault': { target: { scope: 'token', token: TOKEN }, fault: { kind: 'status', status: 429, reason: 'TooManyRequests', retryAfterSeconds: 5 } },
  'settings:update': { theme: 'dark', defaultEnvironment: 'production', historyLimitMb: 1000 },
  'simulators:apps': { udid: UDID },
  'simulators:send': { udid: UDID, bundleId: 'com.example.app', pushType: 'alert', payloadText: '{"aps":{"alert":"Hi"}}', variables: { name: 'Ann' }, templateName: 'Welcome' },
  'history:taps': { apnsIds: ['123e4567-e89b-12d3-a456-426655440000'] },
  'registration:configure': { enabled: false, port: 47801, lan: false },
  'channels:list': channelScope,
  'channels:create': { ...channelScope, policy: 1 },
  'channels:delete': { ...channelScope, channelId: 'dHN0LXU3Nw==' },
  'channels:broadcast': { ...channelScope, channelId: 'dHN0LXU3Nw==', payloadText: '{"aps":{"event":"update"}}', priority: 10, expirationSeconds: 1_800_000_000, variables: { name: 'Ann' } }
}

// Hostile values, built once (the huge and deep ones are shared, so 440,000 inputs stay cheap).
/** Longer than any string the contract accepts; its first character is not base64, so no pattern scans it whole. */
const HUGE = '!' + 'x'.repeat(50_000_001)
const deepArray = (depth: number): unknown => {
  let v: unknown = []
  for (let i = 0; i < depth; i++) v = [v]
  return v
}
const deepObject = (depth: number): unknown => {
  let v: unknown = {}
  for (let i = 0; i < depth; i++) v = { a: v }
  return v
}
const DEEP_ARRAY = deepArray(10_000)
const DEEP_OBJECT = deepObject(10_000)
const LONE_SURROGATES = '\uD800\uDFFF\uDC00x\uD83D'
const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', '', LONE_SURROGATES, 'x'.repeat(10_000)]

type Kind = 'string' | 'number' | 'boolean' | 'array' | 'object' | 'null' | 'other'
const kindOf = (v: unknown): Kind =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype ? 'object' : (['string', 'number', 'boolean'] as const).find((t) => typeof v === t) ?? 'other'

/** Values of every shape, tagged with their kind; null is left out (some fields are nullable). */
const HOSTILE: [Kind, () => unknown][] = [
  ['string', () => HUGE],
  ['string', () => LONE_SURROGATES],
  ['string', () => '10'],
  ['string', () => 'NaN'],
  ['string', () => ''],
  ['number', () => Number.NaN],
  ['number', () => Number.POSITIVE_INFINITY],
  ['number', () => Number.NEGATIVE_INFINITY],
  ['number', () => -1],
  ['number', () => -1e308],
  ['number', () => 0.5],
  ['number', () => Number.MAX_VALUE],
  ['boolean', () => true],
  ['boolean', () => false],
  ['array', () => DEEP_ARRAY],
  ['array', () => []],
  ['array', () => [HUGE, Number.NaN, null]],
  ['object', () => DEEP_OBJECT],
  ['object', () => ({})],
  ['object', () => JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}')],
  ['other', () => 10n ** 30n],
  ['other', () => new Date(Number.NaN)],
  ['other', () => new Map([['id', 'x']])],
  ['other', () => new Set(['x'])],
  ['other', () => new Uint8Array(16)],
  ['other', () => /x/g]
]

type Path = (string | number)[]
function paths(value: unknown, prefix: Path = []): { path: Path; kind: Kind }[] {
  const here = prefix.length ? [{ path: prefix, kind: kindOf(value) }] : []
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => paths(v, [...prefix, i]))]
  if (kindOf(value) === 'object') return [...here, ...Object.entries(value as object).flatMap(([k, v]) => paths(v, [...prefix, k]))]
  return here
}
function setAt(root: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>
  let node = copy
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>
  node[path[path.length - 1]!] = value
  return copy
}
/** Sets an own key, even __proto__, the way a structured clone from the renderer delivers it. */
function withOwnKey(root: object, key: string, value: unknown): object {
  const copy = structuredClone(root) as object
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true })
  return copy
}

function makeFuzzer(random: () => number) {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const hostileNot = (excluded: Kind): unknown => pick(HOSTILE.filter(([kind]) => kind !== excluded))[1]()

  /** One malformed input for a channel, and what was done to it (for the failure message). */
  return function malformed(channel: Channel): { input: unknown; mutation: string } {
    const schema = contract[channel].input
    const sample = SAMPLES[channel as keyof typeof SAMPLES] as Record<string, unknown> | undefined
    if (schema.safeParse(undefined).success) {
      // The channel takes no input: anything at all is malformed, null included.
      return random() < 0.1 ? { input: null, mutation: 'null' } : { input: hostileNot('null'), mutation: 'a value where none is taken' }
    }
    const base = sample ?? {}
    const roll = random()
    if (roll < 0.2 || !sample) {
      if (!sample && random() < 0.5) return { input: withOwnKey({}, pick(POLLUTING_KEYS), hostileNot('null')), mutation: 'an object with only an unknown key' }
      return { input: random() < 0.1 ? null : hostileNot('object'), mutation: 'not an object' }
    }
    if (roll < 0.4) {
      const key = pick(POLLUTING_KEYS)
      return { input: withOwnKey(base, key, hostileNot('null')), mutation: `unknown key ${JSON.stringify(key.slice(0, 20))}` }
    }
    if (roll < 0.5) {
      const shape = (schema as unknown as { shape?: Record<string, { safeParse(v: unknown): { success: boolean } }> }).shape ?? {}
      const required = Object.keys(base).filter((k) => shape[k] && !shape[k].safeParse(undefined).success)
      if (required.length) {
        const key = pick(required)
        const copy = structuredClone(base)
        delete copy[key]
        return { input: copy, mutation: `missing ${key}` }
      }
    }
    // Anywhere in the input, a value of another kind, or a number out of every allowed range.
    const target = pick(paths(base).filter((p) => p.kind !== 'null'))
    const numberOutOfRange = target.kind === 'number' && random() < 0.5
    const value = numberOutOfRange ? pick([-1, Number.NaN, Number.POSITIVE_INFINITY, -1e308, 1e308, 0.5]) : hostileNot(target.kind)
    return { input: setAt(base, target.path, value), mutation: `${target.path.join('.')} := ${kindOf(value)}${numberOutOfRange ? ` ${value}` : ''}` }
  }
}

let app: TestApp
let before: string
beforeAll(async () => {
  app = createTestApp()
  // Something on disk to protect: a device, a template and a credential-free library.
  const saved = await app.router['devices:save']({ name: 'Keep me', token: TOKEN, bundleId: 'com.example.app', environment: 'sandbox' })
  expect(saved.ok).toBe(true)
  expect((await app.router['templates:save'](template)).ok).toBe(true)
  before = hashFolder(app.dataDir)
})
afterAll(async () => {
  await app?.dispose()
})

describe(`IPC fuzz (seed ${SEED})`, () => {
  it('every sample input is valid, so each mutation is what makes an input malformed', () => {
    for (const [channel, sample] of Object.entries(SAMPLES)) {
      expect(contract[channel as Channel].input.safeParse(sample).success, channel).toBe(true)
    }
  })

  it.each(CHANNELS.map((c) => [c]))(`%s: ${PER_CHANNEL} malformed inputs are each refused as invalid, with nothing thrown or written`, async (channel) => {
    const malformed = makeFuzzer(seededRandom(SEED ^ hashChannel(channel)))
    for (let i = 0; i < PER_CHANNEL; i++) {
      const { input, mutation } = malformed(channel)
      let result: Awaited<ReturnType<typeof dispatch>>
      try {
        result = await dispatch(app.router, channel, input, silentLogger)
      } catch (error) {
        throw new Error(`${channel} #${i} (${mutation}) threw ${String(error)}; seed ${SEED}`)
      }
      if (result.ok || result.error.code !== 'ipc.invalid-input') {
        throw new Error(`${channel} #${i} (${mutation}) was not refused as invalid: ${JSON.stringify(result).slice(0, 300)}; seed ${SEED}`)
      }
      // The message names the channel and stays short: it never echoes a huge input back.
      if (!result.error.message.includes(channel) || result.error.message.length > 400) {
        throw new Error(`${channel} #${i} (${mutation}) gave an unhelpful message: ${result.error.message.slice(0, 500)}`)
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false)
  })

  it('no file in the data folder changed, and the saved data still reads back', async () => {
    expect(hashFolder(app.dataDir)).toBe(before)
    const devices = await app.router['devices:list'](undefined)
    expect(devices.ok && devices.value.map((d) => d.name)).toEqual(['Keep me'])
  })
})

function hashChannel(channel: string): number {
  let h = 0
  for (const ch of channel) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0
  return h
}
