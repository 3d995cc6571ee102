import http2, { type IncomingHttpHeaders, type ServerHttp2Session, type ServerHttp2Stream } from 'node:http2'
import type { AddressInfo } from 'node:net'
import { clientCertificateOf } from './certificate-auth'
import { answerChannelRequest, type ChannelContext } from './channel-transport'
import { createConnectionState, RAISED_CONNECTION_STREAMS } from './connection-state'
import { trackOpenConnections } from './open-connections'
import { readCappedBody } from './read-body'
import type { EmulatorTlsIdentity } from './tls-identity'

/**
 * The management listener: stands in for api-manage-broadcast[.sandbox].push.apple.com:2195/2196
 * (apns-reference.md §2.1, §4.4), a separate host from the push listener, as with APNs, so a
 * client that forgets to point its management address at it fails as it would against Apple.
 */
export interface ManagementListener {
  port: number
  close(): Promise<void>
}

export async function startManagementListener(tls: EmulatorTlsIdentity, host: string, context: ChannelContext): Promise<ManagementListener> {
  let nextConnectionId = 1_000_000 // distinct from push-listener connection ids in the shared inbox

  const server = http2.createSecureServer({
    key: tls.keyPem,
    cert: tls.certPem,
    allowHTTP1: false,
    minVersion: 'TLSv1.2',
    requestCert: true,
    rejectUnauthorized: false,
    // Management requests are few; the one-stream rule is Apple's for the push host only.
    settings: { maxConcurrentStreams: RAISED_CONNECTION_STREAMS }
  })
  const open = trackOpenConnections(server)
  server.on('session', (session: ServerHttp2Session) => {
    const connection = createConnectionState(nextConnectionId++, clientCertificateOf(session))
    session.on('stream', (stream: ServerHttp2Stream, headers: IncomingHttpHeaders, _flags: number, rawHeaders: string[]) => {
      stream.on('error', () => undefined)
      void (async () => {
        try {
          const body = await readCappedBody(stream)
          if (!body) return
          const request = { method: String(headers[':method'] ?? ''), path: String(headers[':path'] ?? ''), headers: regularHeaders(rawHeaders), body: body.data, bytes: body.bytes }
          answerChannelRequest('management', stream, request, connection, context)
        } catch {
          if (!stream.destroyed && !stream.headersSent) {
            stream.respond({ ':status': 500, 'content-type': 'application/json' })
            stream.end(JSON.stringify({ reason: 'InternalServerError' }))
          }
        }
      })()
    })
  })
  server.on('sessionError', () => undefined)
  server.on('tlsClientError', () => undefined)

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  server.on('error', () => undefined)

  let closing: Promise<void> | undefined
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve())
        open.destroyAll()
      }))
  }
}

/** Regular headers with every value, from the raw list (DuplicateHeaders needs the repeats). */
export function regularHeaders(rawHeaders: string[]): Record<string, string[]> {
  const result: Record<string, string[]> = {}
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!.toLowerCase()
    if (name.startsWith(':')) continue
    ;(result[name] ??= []).push(rawHeaders[i + 1]!)
  }
  return result
}
