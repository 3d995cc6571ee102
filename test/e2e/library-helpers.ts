import { randomBytes } from 'node:crypto'
import type { SavedDevice } from '../../src/shared/domain'
import type { TestApp } from '../support/test-app'

export const randomToken = () => randomBytes(32).toString('hex')

type SaveInput = Parameters<TestApp['router']['devices:save']>[0]

/** Saves a device straight through the router (for tests whose subject is not the editor). */
export async function seedDevice(app: TestApp, input: Partial<SaveInput> & { name: string }): Promise<SavedDevice> {
  const saved = await app.router['devices:save']({ token: randomToken(), bundleId: 'com.example.pushdemo', environment: 'sandbox', ...input })
  if (!saved.ok) throw new Error(saved.error.message)
  return saved.value
}

/** The router's answer, or the test fails with main's message. */
export function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}
