import type apn from '@parse/node-apn'
import type { SentRequest } from '../../shared/domain'
import type { SigningIdentity } from '../credentials/credential-service'
import { displayHost, type ApnsEndpoint } from './endpoint'
import type { RawFailure, RawSent } from './normalise-response'
import type { PreparedPush } from './push-sender'

/** What node-apn's client writes: its Provider.send builds the same from a Notification. */
export interface BuiltRequest {
  headers: Record<string, string>
  body: string
}

/**
 * The APNs headers of a push, in the order node-apn's Notification.headers() gives them.
 * Built directly rather than through a Notification: a Notification would parse the checked
 * body only to stringify it back (the checker's body is already compact JSON, C-13), and its
 * compile() caches (C-14), so every attempt gets a fresh request from the push itself.
 */
export function buildRequest(push: PreparedPush): BuiltRequest {
  const headers: Record<string, string> = { 'apns-priority': String(push.priority), 'apns-id': push.apnsId }
  if (push.collapseId !== '') headers['apns-collapse-id'] = push.collapseId
  if (push.expiration !== null) headers['apns-expiration'] = String(push.expiration)
  if (push.topic !== '') headers['apns-topic'] = push.topic
  headers['apns-push-type'] = push.pushType
  return { headers, body: push.body }
}

/** The request as the history and the result panel show it: headers as sent, the JWT withheld. */
export function describeRequest(built: BuiltRequest, endpoint: ApnsEndpoint, token: string, auth: SigningIdentity['kind']): SentRequest {
  const path = `/3/device/${token}`
  const headers: Record<string, string> = { ':method': 'POST', ':path': path, ...built.headers }
  if (auth === 'token') headers.authorization = 'bearer <JWT signed with the selected key; not shown>'
  return { host: displayHost(endpoint), path, headers, body: built.body, bytes: Buffer.byteLength(built.body, 'utf8') }
}

/** node-apn's client: Provider.send is a loop over write() for many recipients (not in its typings). */
interface ProviderClient {
  write(request: BuiltRequest, token: string, type: 'device', method: 'post'): Promise<RawSent & RawFailure>
}

/**
 * One request through the provider's client, answered in Provider.send's shape ({sent, failed}).
 * The client keeps everything node-apn does per request (connecting, the JWT and its refresh,
 * the stream timeout, response parsing); skipped is only Provider.send's per-call wrapping of
 * one recipient in arrays and a fresh compile of the same Notification.
 */
export function writeRequest(provider: apn.Provider, built: BuiltRequest, token: string): Promise<{ sent: RawSent[]; failed: RawFailure[] }> {
  const client = (provider as unknown as { client: ProviderClient }).client
  return client.write(built, token, 'device', 'post').then(
    // As Provider.send: an answer with a status or an error is a failure.
    (answer) => (answer.status || answer.error ? { sent: [], failed: [answer] } : { sent: [answer], failed: [] }),
    (failure: unknown) => ({ sent: [], failed: [failure as RawFailure] })
  )
}
