import { request as httpRequest } from 'node:http'
import type { TestApp } from './test-app'

/** Turns the endpoint on (port 0 in tests) and returns its loopback URL and secret. */
export async function enableRegistration(app: TestApp, patch: { lan?: boolean } = {}): Promise<{ url: string; secret: string }> {
  const result = await app.router['registration:configure']({ enabled: true, ...patch })
  if (!result.ok) throw new Error(result.error.message)
  const { urls, secret, state, error } = result.value
  if (state !== 'listening') throw new Error(`registration endpoint is ${state}: ${error?.message}`)
  return { url: urls.find((u) => u.includes('127.0.0.1'))!, secret: secret! }
}

export interface RawAnswer {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
}

/** A request with full control of method, headers and body chunks (fetch adds headers of its own). */
export function rawRequest(url: string, options: { method?: string; headers?: Record<string, string>; chunks?: (string | Buffer)[] }): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: options.method ?? 'POST', headers: options.headers }, (response) => {
      const parts: Buffer[] = []
      response.on('data', (chunk: Buffer) => parts.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, text: Buffer.concat(parts).toString('utf8') }))
    })
    request.on('error', reject)
    for (const chunk of options.chunks ?? []) request.write(chunk)
    request.end()
  })
}

export function post(url: string, secret: string | null, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret === null ? {} : { authorization: `Bearer ${secret}` }), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body)
  })
}
