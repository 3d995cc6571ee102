import type { OutgoingHttpHeaders, ServerHttp2Stream } from 'node:http2'

/**
 * Writing APNs-shaped responses (apns-reference.md §1.4). Every function tolerates a stream the
 * client already reset, since the emulator must never crash because a client went away.
 */

/** An error answer: a verdict's rejection, or the status an injected fault dictates. */
export interface ErrorAnswer {
  status: number
  reason: string
  /** Epoch ms; sent only with 410. */
  timestamp?: number
}

/** 200, no body: `apns-id` always, `apns-unique-id` because the emulator plays the Development environment. */
export function sendAcceptance(stream: ServerHttp2Stream, apnsId: string, apnsUniqueId: string): boolean {
  if (!isWritable(stream)) return false
  stream.respond({ ':status': 200, 'apns-id': apnsId, 'apns-unique-id': apnsUniqueId }, { endStream: true })
  return true
}

/**
 * Error status with a JSON body, always: node-apn reads the status only together with a body and
 * reports an empty-bodied error as "stream ended unexpectedly" without it.
 */
export function sendRejection(stream: ServerHttp2Stream, rejection: ErrorAnswer, apnsId: string, extraHeaders: OutgoingHttpHeaders = {}): boolean {
  if (!isWritable(stream)) return false
  stream.respond({ ':status': rejection.status, 'content-type': 'application/json', 'apns-id': apnsId, ...extraHeaders })
  stream.end(rejectionBody(rejection))
  return true
}

/** `{"reason": …}`, plus `"timestamp"` (epoch ms) only for 410, as APNs sends it. */
export function rejectionBody(rejection: ErrorAnswer): string {
  return rejection.status === 410 && rejection.timestamp !== undefined
    ? JSON.stringify({ reason: rejection.reason, timestamp: rejection.timestamp })
    : JSON.stringify({ reason: rejection.reason })
}

function isWritable(stream: ServerHttp2Stream): boolean {
  return !stream.destroyed && !stream.closed && !stream.headersSent
}
