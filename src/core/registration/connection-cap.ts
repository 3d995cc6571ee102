import type { Server } from 'node:http'

/**
 * Open connections one client address may hold. An iOS app needs one or two; the cap stops one
 * client (on the LAN, say) from taking every connection slot with requests it never finishes,
 * which would lock every other device out until the timeouts fire.
 */
export const MAX_CONNECTIONS_PER_ADDRESS = 16

/** Busy: what a connection past the cap is told, before it is closed unread. */
const BUSY = 'HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n'

/** Connections past the cap get 503 with Retry-After and are closed at once, before a byte of them is read. */
export function capConnectionsPerAddress(server: Server, max = MAX_CONNECTIONS_PER_ADDRESS): void {
  const open = new Map<string, number>()
  server.on('connection', (socket) => {
    const address = socket.remoteAddress ?? 'unknown'
    const count = (open.get(address) ?? 0) + 1
    if (count > max) {
      socket.on('error', () => undefined)
      socket.end(BUSY)
      return
    }
    open.set(address, count)
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1
      if (left > 0) open.set(address, left)
      else open.delete(address)
    })
  })
}
