import { api } from '../api'
import { useAccounts } from './accounts'
import { useDevices } from './devices'
import { useFanout } from './fanout'
import { useHistory } from './history'
import { useResult } from './result'
import { useTarget } from './target'

/**
 * Main changed the library on its own (a fan-out recorded its sends and marked 410 devices
 * unregistered, an app registered or reported a tap): read again what the window shows. The
 * history is read only once its view has been opened; it loads fresh when it opens.
 */
export function followLibraryChanges(): () => void {
  return api.events['library:changed'](({ devices, history }) => {
    if (devices) {
      void useDevices.getState().refresh()
      // A registering app may name an account that did not exist yet.
      void useAccounts.getState().refresh()
      if (useTarget.getState().mode === 'tags') void useTarget.getState().refreshMatching()
    }
    if (history) {
      if (useHistory.getState().loaded) void useHistory.getState().refresh()
      // A reported tap shows on the shown send and on a finished group send's tap rate.
      void useResult.getState().refreshTap()
      void useFanout.getState().refreshTaps()
    }
  })
}
