import { randomUUID } from 'node:crypto'
import http2, { type ClientHttp2Session, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http2'
import { performance } from 'node:perf_hooks'
import { Notification, Provider, type ProviderOptions } from '@parse/node-apn'
import { afterEach, describe, expect, it } from 'vitest'
import type { RunningEmulator } from '../../src/core/emulator'
import { bearer, emulatorHarness, expectRejection, hexToken, pushOn, UUID_LOWER } from '../support/emulator-harness'
import { signProviderToken } from '../support/emulator-jwt'

/**
 * Fault injection (apns-reference.md §4.4): every kind, seen from a raw HTTP/2 client and from
 * node-apn, plus the scopes ('next' once, 'token' until cleared).
 */

const TOPIC = 'com.example.pushdeck'
const harness = emulatorHarness()

afterEach(() => harness.cleanUp())

let sharedJwt: string | undefined
/** One token for the run: a new JWT on a connection within 20 minutes would be refused. */
function validHeaders(extra: OutgoingHttpHeaders = {}): OutgoingHttpHeaders {
  sharedJwt ??= signProviderToken(harness.key)
  return { ...bearer(sharedJwt), 'apns-topic': TOPIC, ...extra }
}

/** What happened to one stream, without rejecting: a response, an error, or a reset. */
interface Attempt {
  status: number
  headers: IncomingHttpHeaders
  body: string
  error: (Error & { code?: string }) | null
  rstCode: number | undefined
}

function attempt(session: ClientHttp2Session, token = hexToken(), extra: OutgoingHttpHeaders = {}, timeoutMs?: number): Promise<Attempt> {
  return new Promise((resolve) => {
    const stream = session.request({ ':method': 'POST', ':path': `/3/device/${token}`, ...validHeaders(extra) })
    const result: Attempt = { status: 0, headers: {}, body: '', error: null, rstCode: undefined }
    const chunks: Buffer[] = []
    if (timeoutMs !== undefined) stream.setTimeout(timeoutMs, () => stream.close(http2.constants.NGHTTP2_CANCEL))
    stream.on('response', (headers) => {
      result.headers = headers
      result.status = Number(headers[':status'])
    })
    stream.on('data', (chunk: Buffer) => chunks.push(chunk))
    stream.on('error', (error: Error & { code?: string }) => (result.error = error))
    stream.on('close', () => {
      result.body = Buffer.concat(chunks).toString('utf8')
      result.rstCode = stream.rstCode
      resolve(result)
    })
    stream.end(JSON.stringify({ aps: { alert: 'Fault?' } }))
  })
}

async function freshEmulator(): Promise<{ emulator: RunningEmulator; session: ClientHttp2Session }> {
  const emulator = await harness.emulator()
  const session = await harness.client(emulator)
  // One accepted push first, so the stream limit is raised and the JWT bound like a real client's.
  expect((await pushOn(session, { headers: validHeaders() })).status).toBe(200)
  return { emulator, session }
}

describe('status faults', () => {
  it('answers 429 TooManyRequests with a retry-after header and a JSON body', async () => {
    const { emulator, session } = await freshEmulator()
    emulator.faults.inject({ scope: 'next' }, { kind: 'status', status: 429, retryAfterSeconds: 30 })

    const response = await pushOn(session, { headers: validHeaders() })
    expectRejection(response, 429, 'TooManyRequests')
    expect(response.headers['retry-after']).toBe('30')
    expect(response.headers['apns-unique-id']).toBeUndefined()
  })

  it.each([
    [500, 'InternalServerError'],
    [503, 'ServiceUnavailable']
  ] as const)('answers %i with the reason %s by default and no retry-after', async (status, reason) => {
    const { emulator, session } = await freshEmulator()
    emulator.faults.inject({ scope: 'next' }, { kind: 'status', status })

    const response = await pushOn(session, { headers: validHeaders() })
    expectRejection(response, status, reason)
    expect(response.headers['retry-after']).toBeUndefined()
  })

  it('answers with the given reason, e.g. 503 Shutdown, even to a request that would have been refused', async () => {
    const { emulator, session } = await freshEmulator()
    emulator.faults.inject({ scope: 'next' }, { kind: 'status', status: 503, reason: 'Shutdown' })
    expectRejection(await pushOn(session, { headers: { 'apns-topic': TOPIC } }), 503, 'Shutdown')
    expectRejection(await pushOn(session, { headers: { 'apns-topic': TOPIC } }), 403, 'MissingProviderToken')
  })

  it('records the fault in the inbox', async () => {
    const { emulator, session } = await freshEmulator()
    const apnsId = randomUUID()
    emulator.faults.inject({ scope: 'next' }, { kind: 'status', status: 429, retryAfterSeconds: 5 })
    await pushOn(session, { headers: validHeaders({ 'apns-id': apnsId }) })

    expect(emulator.requests().find((r) => r.apnsId === apnsId)).toMatchObject({
      status: 429,
      reason: 'TooManyRequests',
      apnsUniqueId: null,
      lint: [],
      fault: '429 TooManyRequests, retry-after 5 s (next device push)'
    })
    expect(emulator.requests()[0].fault).toBeNull()
  })
})

describe('fault scopes', () => {
  it("'next' applies to exactly one request, in the order injected", async () => {
    const { emulator, session } = await freshEmulator()
    emulator.faults.inject({ scope: 'next' }, { kind: 'status', status: 500 })
    emulator.faults.inject({ scope: 'next' }, { kind: 'status', status: 503 })
    expect(emulator.faults.pending()).toEqual([
      { scope: { scope: 'next' }, fault: { kind: 'status', status: 500 } },
      { scope: { scope: 'next' }, fault: { kind: 'status', status: 503 } }
    ])

    const statuses = []
    for (let i = 0; i < 3; i++) statuses.push((await pushOn(session, { headers: validHeaders() })).status)
    expect(statuses).toEqual([500, 503, 200])
    expect(emulator.faults.pending()).toEqual([])
  })

  it("'token' applies to every request for that token, and only that token, until cleared", async () => {
    const { emulator, session } = await freshEmulator()
    const token = hexToken()
    emulator.faults.inject({ scope: 'token', token: token.toUpperCase() }, { kind: 'status', status: 503 })

    expectRejection(await pushOn(session, { token, headers: validHeaders() }), 503, 'ServiceUnavailable')
    expectRejection(await pushOn(session, { token, headers: validHeaders() }), 503, 'ServiceUnavailable')
    expect((await pushOn(session, { headers: validHeaders() })).status).toBe(200)
    expect(emulator.faults.pending()).toEqual([{ scope: { scope: 'token', token }, fault: { kind: 'status', status: 503 } }])
    expect(emulator.requests().at(-2)!.fault).toBe(`503 ServiceUnavailable (token ${token.slice(0, 8)}…)`)

    emulator.faults.clear()
    expect(emulator.faults.pending()).toEqual([])
    expect((await pushOn(session, { token, headers: validHeaders() })).status).toBe(200)
  })

  it('replaces the fault of a token injected again', async () => {
    const { emulator, session } = await freshEmulator()
    const token = hexToken()
    emulator.faults.inject({ scope: 'token', token }, { kind: 'status', status: 503 })
    emulator.faults.inject({ scope: 'token', token }, { kind: 'status', status: 429 })
    expect(emulator.faults.pending()).toHaveLength(1)
    expectRejection(await pushOn(session, { token, headers: validHeaders() }), 429, 'TooManyRequests')
  })

  it('refuses faults it cannot play', async () => {
    const emulator = await harness.emulator()
    expect(() => emulator.faults.inject({ scope: 'next' }, { kind: 'status', status: 404 as 429 })).toThrow(RangeError)
    expect(() => emulator.faults.inject({ scope: 'next' }, { kind: 'latency', ms: -1 })).toThrow(RangeError)
    expect(() => emulator.faults.inject({ scope: 'next' }, { kind: 'status', status: 429, retryAfterSeconds: 1.5 })).toThrow(RangeError)
    expect(() => emulator.faults.inject({ scope: 'token', token: ' ' }, { kind: 'hang' })).toThrow(RangeError)
    expect(emulator.faults.pending()).toEqual([])
  })
})

describe('latency', () => {
  it('answers normally, but only after the delay', async () => {
    const { emulator, session } = await freshEmulator()
    emulator.faults.inject({ scope: 'next' }, { kind: 'latency', ms: 300 })

    const started = performance.now()
    const response = await pushOn(session, { headers: validHeaders() })
    const elapsed = performance.now() - started

    expect(response.status).toBe(200)
    expect(response.headers['apns-unique-id']).toMatch(UUID_LOWER)
    expect(elapsed).toBeGreaterThanOrEqual(300)
    expect(emulator.requests().at(-1)).toMatchObject({ status: 200, fault: 'latency 300 ms (next device push)' })

    const quick = performance.now()
    expect((await pushOn(session, { headers: validHeaders() })).status).toBe(200)
    expect(performance.now() - quick).toBeLessThan(300)
  })

  it('keeps the verdict of a refused request', async () => {
    const { emulator, session } = await freshEmulator()
    emulator.faults.inject({ scope: 'next' }, { kind: 'latency', ms: 150 })
    const started = performance.now()
    expectRejection(await pushOn(session, { headers: validHeaders({ 'apns-priority': '7' }) }), 400, 'BadPriority')
    expect(performance.now() - started).toBeGreaterThanOrEqual(150)
  })

  it('does not hold up close()', async () => {
    const { emulator, session } = await freshEmulator()
    const timersBefore = activeTimers()
    emulator.faults.inject({ scope: 'next' }, { kind: 'latency', ms: 60_000 })
    const pending = attempt(session)
    await waitFor(() => emulator.requests().length === 2)
    expect(activeTimers()).toBeGreaterThan(timersBefore)

    const started = performance.now()
    await emulator.close()
    expect(performance.now() - started).toBeLessThan(1000)
    expect((await pending).status).toBe(0)
    // The 60-second timer is gone too, so it cannot keep the host process alive.
    expect(activeTimers()).toBeLessThanOrEqual(timersBefore)
  })
})

describe('hang', () => {
  it('never answers: the stream ends when the client gives up, and the emulator stays healthy', async () => {
    const { emulator, session } = await freshEmulator()
    const token = hexToken()
    emulator.faults.inject({ scope: 'next' }, { kind: 'hang' })

    const started = performance.now()
    const hung = await attempt(session, token, {}, 300)
    expect(hung.status).toBe(0)
    expect(hung.rstCode).toBe(http2.constants.NGHTTP2_CANCEL)
    expect(performance.now() - started).toBeGreaterThanOrEqual(290)
    expect(emulator.requests().at(-1)).toMatchObject({ path: `/3/device/${token}`, status: 0, reason: null, fault: 'hang, no answer (next device push)' })

    expect((await pushOn(session, { headers: validHeaders() })).status).toBe(200)
    expect((await pushOn(await harness.client(emulator), { headers: validHeaders() })).status).toBe(200)
  })

  it('close() resolves with a hung stream open', async () => {
    const { emulator, session } = await freshEmulator()
    emulator.faults.inject({ scope: 'next' }, { kind: 'hang' })
    const hung = attempt(session)
    await waitFor(() => emulator.requests().length === 2)

    await expect(emulator.close()).resolves.toBeUndefined()
    expect((await hung).status).toBe(0)
  })
})

describe('goaway', () => {
  it('sends GOAWAY with {"reason":"Shutdown"}, leaves the stream unanswered and closes the connection', async () => {
    const { emulator, session } = await freshEmulator()
    const goaways: { code: number; lastStreamId: number; data: string | undefined }[] = []
    session.on('goaway', (code: number, lastStreamId: number, data?: Buffer) => goaways.push({ code, lastStreamId, data: data?.toString('utf8') }))
    const closed = new Promise((resolve) => session.once('close', resolve))
    emulator.faults.inject({ scope: 'next' }, { kind: 'goaway' })

    const result = await attempt(session)
    expect(result.status).toBe(0)
    expect(result.error).not.toBeNull()
    // Stream 3 after the accepted stream 1: the GOAWAY's last stream id excludes it, so it was refused, safe to retry.
    expect(result.rstCode).toBe(http2.constants.NGHTTP2_REFUSED_STREAM)
    expect(goaways[0]).toEqual({ code: http2.constants.NGHTTP2_NO_ERROR, lastStreamId: 1, data: '{"reason":"Shutdown"}' })
    await closed
    expect(emulator.requests().at(-1)).toMatchObject({ status: 0, reason: null, fault: 'GOAWAY Shutdown (next device push)' })

    expect((await pushOn(await harness.client(emulator), { headers: validHeaders() })).status).toBe(200)
  })

  it('carries the given reason, e.g. IdleTimeout', async () => {
    const { emulator, session } = await freshEmulator()
    const reason = new Promise<string>((resolve) => session.once('goaway', (_code: number, _last: number, data?: Buffer) => resolve(data?.toString('utf8') ?? '')))
    emulator.faults.inject({ scope: 'next' }, { kind: 'goaway', reason: 'IdleTimeout' })
    await attempt(session)
    expect(JSON.parse(await reason)).toEqual({ reason: 'IdleTimeout' })
  })

  it('releases hung streams of the same connection', async () => {
    const { emulator, session } = await freshEmulator()
    emulator.faults.inject({ scope: 'next' }, { kind: 'hang' })
    const hung = attempt(session)
    await waitFor(() => emulator.requests().length === 2)
    emulator.faults.inject({ scope: 'next' }, { kind: 'goaway' })

    const [first, second] = await Promise.all([hung, attempt(session)])
    expect([first.status, second.status]).toEqual([0, 0])
    expect(first.rstCode).toBe(http2.constants.NGHTTP2_REFUSED_STREAM)
  })
})

describe('drop-connection', () => {
  it('resets the TCP connection mid-request: the client gets a socket error', async () => {
    const { emulator, session } = await freshEmulator()
    const sessionError = new Promise<Error & { code?: string }>((resolve) => session.once('error', resolve))
    emulator.faults.inject({ scope: 'next' }, { kind: 'drop-connection' })

    const result = await attempt(session)
    expect(result.status).toBe(0)
    expect(result.error?.code).toBe('ECONNRESET')
    expect((await sessionError).code).toBe('ECONNRESET')
    expect(emulator.requests().at(-1)).toMatchObject({ status: 0, fault: 'connection dropped (next device push)' })

    expect((await pushOn(await harness.client(emulator), { headers: validHeaders() })).status).toBe(200)
  })
})

describe('with @parse/node-apn as the client', () => {
  function provider(target: RunningEmulator): Provider {
    const options: ProviderOptions & { peerMaxConcurrentStreams: number } = {
      token: { key: harness.key.privateKeyPem, keyId: harness.key.keyId, teamId: harness.key.teamId },
      address: '127.0.0.1',
      port: target.port,
      ca: [target.caPem],
      connectionRetryLimit: 0,
      peerMaxConcurrentStreams: 1
    }
    return new Provider(options)
  }

  function note(): Notification {
    const n = new Notification()
    n.topic = TOPIC
    n.alert = 'Batch'
    return n
  }

  it('a GOAWAY mid-batch of 5 tokens gives each token exactly one result; the next send succeeds on a new session', async () => {
    const emulator = await harness.emulator()
    const tokens = Array.from({ length: 5 }, () => hexToken())
    emulator.faults.inject({ scope: 'token', token: tokens[2] }, { kind: 'goaway' })
    const apn = provider(emulator)
    try {
      const result = await apn.send(note(), tokens)

      const devices = [...result.sent.map((r) => r.device), ...result.failed.map((r) => r.device)]
      expect(devices.sort()).toEqual([...tokens].sort())
      const goawayFailure = result.failed.find((f) => f.device === tokens[2])
      expect(goawayFailure).toBeDefined()
      expect(goawayFailure!.status).toBeUndefined()
      expect(goawayFailure!.error).toBeInstanceOf(Error)
      // Refused, not merely failed: the GOAWAY's last stream id says it was never processed.
      expect(goawayFailure!.error!.message).toMatch(/REFUSED_STREAM/)
      const firstConnection = emulator.requests().find((r) => r.path === `/3/device/${tokens[2]}`)!
      expect(firstConnection.fault).toMatch(/^GOAWAY Shutdown/)
      // The inbox agrees with the client: no token the client saw fail is shown as delivered.
      const delivered = emulator.requests().filter((r) => r.status === 200).map((r) => r.path.split('/').pop())
      expect(delivered.sort()).toEqual(result.sent.map((r) => r.device).sort())

      emulator.faults.clear()
      const again = await apn.send(note(), tokens[2])
      expect(again.failed).toEqual([])
      expect(again.sent).toEqual([expect.objectContaining({ device: tokens[2] })])
      expect(emulator.requests().at(-1)!.connectionId).not.toBe(firstConnection.connectionId)
    } finally {
      await apn.shutdown()
    }
  })

  it('sees the status and reason of a status fault', async () => {
    const emulator = await harness.emulator()
    const token = hexToken()
    emulator.faults.inject({ scope: 'token', token }, { kind: 'status', status: 429, retryAfterSeconds: 60 })
    const apn = provider(emulator)
    try {
      const result = await apn.send(note(), token)
      expect(result.failed).toMatchObject([{ device: token, status: 429, response: { reason: 'TooManyRequests' } }])
    } finally {
      await apn.shutdown()
    }
  })
})

function activeTimers(): number {
  return process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length
}

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
