import type { IncomingMessage } from 'node:http'

/** Bytes read and dropped after the cap, so a client gets its 413 before the socket closes. */
const MAX_DISCARDED_BYTES = 1024 * 1024

export type BodyRead = { kind: 'body'; data: Buffer } | { kind: 'too-large' } | { kind: 'gone' }

/**
 * Reads a request body up to `cap` bytes. Past the cap nothing more is kept: the caller answers
 * 413 at once, and what still arrives is read and dropped (up to a megabyte, then the socket is
 * closed) so the client is not reset before it can read the answer.
 */
export function readRequestBody(request: IncomingMessage, cap: number): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let bytes = 0
    let settled = false
    const settle = (result: BodyRead) => {
      if (settled) return
      settled = true
      resolve(result)
    }
    request.on('data', (chunk: Buffer) => {
      bytes += chunk.length
      if (bytes > cap + MAX_DISCARDED_BYTES) request.socket.destroy()
      if (settled) return
      if (bytes > cap) settle({ kind: 'too-large' })
      else chunks.push(chunk)
    })
    request.on('end', () => settle({ kind: 'body', data: Buffer.concat(chunks) }))
    request.on('aborted', () => settle({ kind: 'gone' }))
    request.on('error', () => settle({ kind: 'gone' }))
    request.on('close', () => settle({ kind: 'gone' }))
  })
}
