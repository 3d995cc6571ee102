import type { Http2SecureServer, ServerHttp2Session } from 'node:http2'
import type { Socket } from 'node:net'

/**
 * The sockets and HTTP/2 sessions a listener has open. Tracked so close() can cut off clients
 * that would otherwise keep server.close() waiting, including sockets still in the TLS handshake
 * that have no session yet.
 */
export interface OpenConnections {
  readonly sockets: ReadonlySet<Socket>
  destroyAll(): void
}

export function trackOpenConnections(server: Http2SecureServer): OpenConnections {
  const sockets = new Set<Socket>()
  const sessions = new Set<ServerHttp2Session>()
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  server.on('session', (session: ServerHttp2Session) => {
    sessions.add(session)
    session.once('close', () => sessions.delete(session))
    // A client that misbehaves at the HTTP/2 level only loses its own connection.
    session.on('error', () => undefined)
  })
  return {
    sockets,
    destroyAll() {
      for (const session of sessions) session.destroy()
      for (const socket of sockets) socket.destroy()
    }
  }
}
