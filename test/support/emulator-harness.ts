import { randomBytes } from 'node:crypto'
import type { ClientHttp2Session, OutgoingHttpHeaders } from 'node:http2'
import { expect } from 'vitest'
import { createEmulatorTlsIdentity, startEmulator, type EmulatorOptions, type EmulatorTlsIdentity, type RunningEmulator } from '../../src/core/emulator'
import { destroyClient, openClient, send, type ClientCredentials, type RawResponse } from './emulator-client'
import { createTestSigningKey, resolverFor, type TestSigningKey } from './emulator-jwt'

/**
 * Shared set-up for the emulator test files: emulators and clients that are cleaned up after
 * each test, and a push helper that sends exactly the headers it is given.
 */

export const UUID_LOWER = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
export const ALERT = JSON.stringify({ aps: { alert: 'Hello' } })

export function hexToken(hexDigits = 64): string {
  return randomBytes(hexDigits / 2).toString('hex')
}

export interface EmulatorHarness {
  tls: EmulatorTlsIdentity
  /** A key the emulators started here know (team TEAM123456, kid KEY1234567) unless resolveKey is overridden. */
  key: TestSigningKey
  /** A fresh emulator, closed after the test. */
  emulator(options?: Partial<EmulatorOptions>): Promise<RunningEmulator>
  /** A connected client, destroyed after the test; with credentials it is a certificate connection. */
  client(target: RunningEmulator, credentials?: ClientCredentials): Promise<ClientHttp2Session>
  /** For afterEach. */
  cleanUp(): Promise<void>
}

/** Call once per file, at module level; the TLS identity and key are made lazily and shared. */
export function emulatorHarness(): EmulatorHarness {
  let tls: EmulatorTlsIdentity | undefined
  let key: TestSigningKey | undefined
  const emulators: RunningEmulator[] = []
  const clients: ClientHttp2Session[] = []
  const harness: EmulatorHarness = {
    get tls() {
      return (tls ??= createEmulatorTlsIdentity())
    },
    get key() {
      return (key ??= createTestSigningKey('KEY1234567', 'TEAM123456'))
    },
    async emulator(options = {}) {
      const started = await startEmulator({ tls: harness.tls, resolveKey: resolverFor(harness.key), ...options })
      emulators.push(started)
      return started
    },
    async client(target, credentials) {
      const session = await openClient(target, credentials)
      clients.push(session)
      return session
    },
    async cleanUp() {
      clients.splice(0).forEach(destroyClient)
      await Promise.all(emulators.splice(0).map((e) => e.close()))
    }
  }
  return harness
}

export interface PushRequest {
  token?: string
  /** Sent as given: no authorization or topic is added. */
  headers?: OutgoingHttpHeaders
  body?: string
  path?: string
}

/** POST /3/device/<token> on an open session, with exactly the headers given. */
export function pushOn(session: ClientHttp2Session, request: PushRequest = {}): Promise<RawResponse> {
  return send(session, {
    path: request.path ?? `/3/device/${request.token ?? hexToken()}`,
    headers: request.headers,
    body: request.body ?? ALERT
  })
}

export function expectRejection(response: RawResponse, status: number, reason: string): void {
  expect({ status: response.status, body: JSON.parse(response.body || 'null') as unknown }).toEqual({ status, body: { reason } })
  expect(response.headers['content-type']).toBe('application/json')
  expect(response.headers['apns-id']).toMatch(UUID_LOWER)
}

/** A bearer header for a compact JWT. */
export function bearer(jwt: string): OutgoingHttpHeaders {
  return { authorization: `bearer ${jwt}` }
}
