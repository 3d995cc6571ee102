import http2, { type ClientHttp2Session, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http2'

/**
 * A raw HTTP/2 client for emulator tests. TLS verification stays on: the emulator's certificate
 * is trusted through `ca`, exactly as the app trusts it, so a certificate mistake fails the test.
 */

export interface EmulatorAddress {
  host: string
  port: number
  caPem: string
}

export interface RawResponse {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

export interface RawRequest {
  method?: string
  path: string
  headers?: OutgoingHttpHeaders
  body?: string | Buffer
}

/** A client certificate for certificate-authenticated connections (PEM), or a .p12 in `pfx`. */
export interface ClientCredentials {
  cert?: string
  key?: string
  pfx?: Buffer
  passphrase?: string
}

/**
 * Open a verified TLS + HTTP/2 connection and wait until it is up: connected, and the server's
 * first SETTINGS received (until then `remoteSettings` shows Node's defaults, not the server's).
 * With `credentials` the client presents a certificate: a certificate connection.
 */
export function openClient(emulator: EmulatorAddress, credentials: ClientCredentials = {}): Promise<ClientHttp2Session> {
  const session = http2.connect(`https://${emulator.host}:${emulator.port}`, { ca: [emulator.caPem], ...credentials })
  const connected = new Promise<void>((resolve) => session.once('connect', () => resolve()))
  const settled = new Promise<void>((resolve) => session.once('remoteSettings', () => resolve()))
  const failed = new Promise<never>((_resolve, reject) => session.once('error', reject))
  return Promise.race([Promise.all([connected, settled]), failed]).then(
    () => {
      // Later errors (e.g. the emulator closing) are asserted by the tests that cause them.
      session.on('error', () => undefined)
      return session
    },
    (error: unknown) => {
      session.destroy()
      throw error
    }
  )
}

export function send(session: ClientHttp2Session, request: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const body = request.body ?? ''
    const stream = session.request(
      { ':method': request.method ?? 'POST', ':path': request.path, ...request.headers },
      // Node ends GET/DELETE streams up front unless told otherwise; be explicit either way.
      { endStream: body.length === 0 }
    )
    let status = 0
    let headers: IncomingHttpHeaders = {}
    const chunks: Buffer[] = []
    stream.on('response', (h) => {
      headers = h
      status = Number(h[':status'])
    })
    stream.on('data', (chunk: Buffer) => chunks.push(chunk))
    stream.on('end', () => resolve({ status, headers, body: Buffer.concat(chunks).toString('utf8') }))
    stream.on('error', reject)
    if (body.length > 0) stream.end(body)
  })
}

/** Wait for the next SETTINGS frame from the server (or time out, so a test fails instead of hanging). */
export function nextRemoteSettings(session: ClientHttp2Session, timeoutMs = 2000): Promise<http2.Settings> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no SETTINGS from the server')), timeoutMs)
    session.once('remoteSettings', (settings) => {
      clearTimeout(timer)
      resolve(settings)
    })
  })
}

/** Tear a client down without waiting for its streams (cleanup must not hang on a broken test). */
export function destroyClient(session: ClientHttp2Session): void {
  if (!session.destroyed) session.destroy()
}

/** A payload `{"aps":{"alert":"xxx…"}}` of exactly `bytes` UTF-8 bytes. */
export function payloadOfBytes(bytes: number): string {
  const empty = JSON.stringify({ aps: { alert: '' } })
  if (bytes < empty.length) throw new Error(`a payload needs at least ${empty.length} bytes`)
  const payload = JSON.stringify({ aps: { alert: 'x'.repeat(bytes - empty.length) } })
  if (Buffer.byteLength(payload) !== bytes) throw new Error('payloadOfBytes miscounted')
  return payload
}
