import type { ServerHttp2Stream } from 'node:http2'

/**
 * Far above any APNs limit (5120 bytes), so every real verdict is still reachable, yet small
 * enough that a hostile or broken client cannot make the emulator buffer without bound.
 */
export const MAX_BUFFERED_BODY_BYTES = 64 * 1024

export interface CappedBody {
  /** What was buffered: the whole body, or the first `cap` bytes when it was cut off. */
  data: Buffer
  /** Bytes received when reading stopped. */
  bytes: number
  /** True when the body passed the cap and the rest was (and will be) discarded. */
  truncated: boolean
}

/**
 * Read a request body, but stop as soon as it passes `cap` so the caller can answer (413)
 * without waiting for the rest. Bytes that keep arriving after that are read and dropped, so
 * flow control never stalls the connection.
 *
 * Resolves null when the client reset or abandoned the stream: there is nobody to answer.
 */
export function readCappedBody(stream: ServerHttp2Stream, cap = MAX_BUFFERED_BODY_BYTES): Promise<CappedBody | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let bytes = 0
    let settled = false
    const settle = (result: CappedBody | null): void => {
      if (settled) return
      settled = true
      resolve(result)
    }

    stream.on('data', (chunk: Buffer) => {
      if (settled) return // past the cap: drop
      bytes += chunk.length
      if (bytes > cap) {
        chunks.push(chunk.subarray(0, chunk.length - (bytes - cap)))
        settle({ data: Buffer.concat(chunks), bytes, truncated: true })
      } else {
        chunks.push(chunk)
      }
    })
    stream.on('end', () => settle({ data: Buffer.concat(chunks), bytes, truncated: false }))
    stream.on('aborted', () => settle(null))
    stream.on('close', () => settle(null))
    stream.on('error', () => settle(null))
  })
}
