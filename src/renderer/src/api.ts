import type { Api } from '../../shared/ipc'
import { EVENT_NAMES } from '../../shared/events'
import { CHANNELS } from '../../shared/ipc-channels'
import { fail, type Result } from '../../shared/result'

/**
 * The only module that touches window.api (the preload bridge). Every other module imports `api`
 * from here, so the bridge can be swapped or audited in one place.
 *
 * Main returns expected failures as values. A call that throws (the bridge is missing, or IPC
 * itself broke) is turned into a failure value too, so no store is ever left "sending" forever.
 */
async function guard<T>(call: (bridge: Api) => Promise<Result<T>>): Promise<Result<T>> {
  const bridge = (window as Partial<Window>).api
  if (!bridge) {
    return fail('bridge.missing', 'Pushdeck cannot reach its main process.', 'The preload bridge is not loaded; restart Pushdeck.')
  }
  try {
    return await call(bridge)
  } catch (error) {
    return fail('bridge.failed', 'The call to the main process failed.', error instanceof Error ? error.message : String(error))
  }
}

type Bridge = Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>>

/** One guarded method per channel of the contract, in the same shape as window.api. */
function buildApi(): Api {
  const api: Bridge = {}
  for (const channel of CHANNELS) {
    const [domain, verb] = channel.split(':') as [string, string]
    api[domain] ??= {}
    api[domain][verb] = (input?: unknown) => guard((bridge) => (bridge as unknown as Bridge)[domain]![verb]!(input))
  }
  // Subscriptions to main's events; without a bridge they subscribe to nothing rather than throw.
  const events = Object.fromEntries(
    EVENT_NAMES.map((name) => [name, (listener: (payload: unknown) => void) => (window as Partial<Window>).api?.events?.[name]?.(listener as never) ?? (() => {})])
  )
  return { ...api, events } as unknown as Api
}

export const api: Api = buildApi()
