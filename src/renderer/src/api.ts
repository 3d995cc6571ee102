import type { Api } from '../../shared/ipc'
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

// Typed as Api so a channel added to the contract fails to compile here until it is wired.
export const api: Api = {
  app: {
    notices: () => guard((b) => b.app.notices())
  },
  credentials: {
    list: () => guard((b) => b.credentials.list()),
    addTokenKey: (input) => guard((b) => b.credentials.addTokenKey(input)),
    addCertificate: (input) => guard((b) => b.credentials.addCertificate(input)),
    remove: (input) => guard((b) => b.credentials.remove(input))
  },
  devices: {
    list: () => guard((b) => b.devices.list()),
    save: (input) => guard((b) => b.devices.save(input)),
    remove: (input) => guard((b) => b.devices.remove(input))
  },
  demo: {
    status: () => guard((b) => b.demo.status()),
    setup: () => guard((b) => b.demo.setup()),
    dismiss: () => guard((b) => b.demo.dismiss())
  },
  push: {
    send: (input) => guard((b) => b.push.send(input))
  },
  emulator: {
    inbox: () => guard((b) => b.emulator.inbox()),
    injectFault: (input) => guard((b) => b.emulator.injectFault(input)),
    clearFaults: () => guard((b) => b.emulator.clearFaults())
  }
}
