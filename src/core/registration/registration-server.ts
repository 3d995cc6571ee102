import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { MAX_REGISTRATION_BODY_BYTES } from '../../shared/registration/types'
import type { Logger } from '../ports'
import { StorageError } from '../persistence/storage-error'
import { capConnectionsPerAddress } from './connection-cap'
import { carriesSecret } from './pairing-secret'
import type { RateLimiter } from './rate-limiter'
import { readRequestBody } from './read-request-body'
import type { ActionResult, RegistrationActions } from './registration-actions'
import { openedBodySchema, parseBody, registerBodySchema } from './request-bodies'

export interface RegistrationServerOptions {
  /** The current pairing secret; null refuses every request. */
  secret: () => string | null
  actions: RegistrationActions
  limiter: RateLimiter
  logger: Logger
}

type Route = (body: unknown, actions: RegistrationActions) => ActionResult<unknown>

const ROUTES: Record<string, Route> = {
  '/v1/register': (body, actions) => {
    const parsed = parseBody(registerBodySchema, body)
    return parsed.ok ? actions.register(parsed.value) : { ok: false, problem: parsed.problem }
  },
  '/v1/opened': (body, actions) => {
    const parsed = parseBody(openedBodySchema, body)
    return parsed.ok ? actions.opened(parsed.value) : { ok: false, problem: parsed.problem }
  }
}

/**
 * The self-registration endpoint: two POST routes, JSON only, behind the pairing secret.
 * Nothing else is served. No CORS header is ever sent, and a request a browser page makes
 * (it carries an Origin) is refused, so a web page cannot drive it even if it guessed the port.
 */
export function createRegistrationServer(options: RegistrationServerOptions): Server {
  // Node checks the header and request timeouts only this often (30 s by default), so a client
  // trickling bytes would otherwise hold its connection three times longer than the timeout.
  const server = createServer({ connectionsCheckingInterval: 1_000 }, (request, response) => {
    handle(request, response, options).catch((error: unknown) => {
      options.logger.error(`registration endpoint: ${(error as Error)?.stack ?? String(error)}`)
      if (!response.headersSent) answer(response, 500, { error: { message: 'Pushdeck could not handle this request.' } })
    })
  })
  // A client that trickles its headers or body cannot hold a connection open for long, nor hold
  // more than a few at once.
  server.headersTimeout = 10_000
  server.requestTimeout = 15_000
  server.maxConnections = 64
  capConnectionsPerAddress(server)
  return server
}

async function handle(request: IncomingMessage, response: ServerResponse, options: RegistrationServerOptions): Promise<void> {
  const limited = options.limiter.take(request.socket.remoteAddress ?? 'unknown')
  if (!limited.allowed) {
    return answer(response, 429, { error: { message: `Too many requests; try again in ${limited.retryAfterSeconds} s.` } }, { 'Retry-After': String(limited.retryAfterSeconds) })
  }
  const route = ROUTES[pathOf(request.url)]
  if (!route) return answer(response, 404, { error: { message: 'Not found. Pushdeck serves POST /v1/register and POST /v1/opened only.' } })
  if (request.headers.origin !== undefined) return answer(response, 403, { error: { message: 'Requests from web pages are refused.' } })
  if (request.method !== 'POST') return answer(response, 405, { error: { message: `Use POST for ${pathOf(request.url)}.` } }, { Allow: 'POST' })
  // No detail: a wrong secret and a missing one look the same from outside.
  if (!carriesSecret(request.headers.authorization, options.secret())) return answer(response, 401, null, { 'WWW-Authenticate': 'Bearer' })
  if (!isJson(request.headers['content-type'])) {
    return answer(response, 415, { error: { field: '(content-type)', message: 'Send the body as JSON with Content-Type: application/json.' } })
  }
  const tooLarge = { error: { message: `The body is larger than ${MAX_REGISTRATION_BODY_BYTES / 1024} KB.` } }
  if (Number(request.headers['content-length'] ?? 0) > MAX_REGISTRATION_BODY_BYTES) return answer(response, 413, tooLarge)
  const read = await readRequestBody(request, MAX_REGISTRATION_BODY_BYTES)
  if (read.kind === 'gone') return
  if (read.kind === 'too-large') return answer(response, 413, tooLarge)
  let body: unknown
  try {
    body = JSON.parse(read.data.toString('utf8'))
  } catch (error) {
    return answer(response, 400, { error: { field: '(body)', message: `The body is not valid JSON: ${(error as Error).message}` } })
  }
  let result: ActionResult<unknown>
  try {
    result = route(body, options.actions)
  } catch (error) {
    if (!(error instanceof StorageError)) throw error
    options.logger.error(error.message)
    return answer(response, 500, { error: { message: 'Pushdeck could not save this; check the permissions and free space of its data folder.' } })
  }
  if (!result.ok) return answer(response, 400, { error: result.problem })
  answer(response, 200, result.value)
}

function pathOf(url: string | undefined): string {
  return (url ?? '').split('?')[0]!
}

function isJson(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json'
}

function answer(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === null ? '' : JSON.stringify(body)
  response.writeHead(status, {
    ...headers,
    ...(body === null ? {} : { 'Content-Type': 'application/json; charset=utf-8' }),
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff'
  })
  response.end(text)
}
