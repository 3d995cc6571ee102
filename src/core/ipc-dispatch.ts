import { contract } from '../shared/ipc'
import { CHANNELS, type Channel } from '../shared/ipc-channels'
import { fail, type Result } from '../shared/result'
import { plainDataProblem } from './ipc-plain-data'
import { StorageError } from './persistence/storage-error'
import type { Logger } from './ports'
import type { Router } from './router'

const KNOWN = new Set<string>(CHANNELS)

/**
 * Every call from a window goes through here: unknown channels and inputs that fail the
 * channel's schema are answered with a validation error, and a handler bug becomes a generic
 * error value instead of a crashed main process. Inputs are never logged: they may hold keys.
 */
export async function dispatch(router: Router, channel: unknown, rawInput: unknown, logger: Logger): Promise<Result<unknown>> {
  if (typeof channel !== 'string' || !KNOWN.has(channel)) return fail('ipc.unknown-channel', `Unknown request "${String(channel).slice(0, 60)}".`)
  const name = channel as Channel
  const shapeProblem = plainDataProblem(rawInput)
  if (shapeProblem) return fail('ipc.invalid-input', `Invalid input for ${name}: ${shapeProblem.slice(0, 200)}.`)
  const parsed = contract[name].input.safeParse(rawInput)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.length ? issue.path.join('.').slice(0, 80) : 'input'
    return fail('ipc.invalid-input', `Invalid ${where} for ${name}: ${(issue?.message ?? 'does not match the expected shape').slice(0, 200)}.`)
  }
  try {
    const handler = router[name] as (input: unknown) => Result<unknown> | Promise<Result<unknown>>
    return await handler(parsed.data)
  } catch (error) {
    if (error instanceof StorageError) return fail('storage.write-failed', error.message, 'Check the permissions and free space of that folder; nothing else was changed.')
    logger.error(`handler ${name} failed: ${(error as Error)?.stack ?? String(error)}`)
    return fail('internal', 'Something went wrong inside Pushdeck; nothing was changed.', 'Try again. If it repeats, report it with the log file.')
  }
}
