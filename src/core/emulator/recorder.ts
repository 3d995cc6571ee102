import type { EmulatorRequest } from '../../shared/emulator-types'
import type { ConnectionState } from './connection-state'
import { bearerTokenOf, decodeJwt } from './jwt-verifier'

/**
 * The inbox: every request the emulator answered (or, under an injected fault, left
 * unanswered), with its verdict, for tests and the app's "Emulator inbox". Credentials never
 * enter it: the authorization header is redacted and only the JWT's header and claims are kept,
 * never its signature.
 *
 * The entry shape is the app's EmulatorRequest (src/shared/emulator-types.ts).
 */
export type RecordedRequest = EmulatorRequest

export const REDACTED_AUTHORIZATION = 'bearer <redacted>'
/** Enough for a long test run or a "try it" session, small enough to never matter for memory. */
export const DEFAULT_INBOX_LIMIT = 500

export interface Recorder {
  /** Store a request; the recorder assigns its id. */
  record(request: Omit<RecordedRequest, 'id'>): RecordedRequest
  /** Newest last. */
  list(): RecordedRequest[]
}

export function createRecorder(limit = DEFAULT_INBOX_LIMIT): Recorder {
  const entries: RecordedRequest[] = []
  let nextId = 1
  return {
    record(request) {
      const entry = { id: nextId++, ...request }
      entries.push(entry)
      if (entries.length > limit) entries.splice(0, entries.length - limit)
      return entry
    },
    list: () => entries.slice()
  }
}

/** Headers as the inbox shows them, with the provider token replaced. */
export function redactHeaders(headers: Readonly<Record<string, readonly string[]>>): Record<string, string> {
  const shown: Record<string, string> = {}
  for (const [name, values] of Object.entries(headers)) {
    shown[name] = name === 'authorization' ? REDACTED_AUTHORIZATION : values.join(', ')
  }
  return shown
}

/** Who sent a request, as the inbox shows it: the same for device pushes and channel requests. */
export function senderFields(connection: ConnectionState, authorization: string | undefined, headers: Readonly<Record<string, readonly string[]>>): Pick<RecordedRequest, 'connectionId' | 'authMode' | 'headers' | 'jwt' | 'certificate'> {
  const { certificate } = connection
  const jwt = bearerTokenOf(authorization)
  return {
    connectionId: connection.id,
    authMode: certificate ? 'certificate' : jwt === null ? 'none' : 'token',
    headers: redactHeaders(headers),
    // Certificate connections ignore authorization, so no token is shown as if it counted.
    jwt: certificate || jwt === null ? null : decodeJwt(jwt),
    certificate: certificate && { subject: certificate.subject, topics: [...certificate.topics], environments: [...certificate.environments] }
  }
}
