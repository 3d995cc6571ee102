import { api } from '../api'
import { useDevices } from './devices'
import { useHistory } from './history'
import { useTarget } from './target'

/**
 * Main changed the library on its own (a fan-out recorded its sends and marked 410 devices
 * unregistered): read again what the window shows. The history is read only once its view
 * has been opened; it loads fresh when it opens.
 */
export function followLibraryChanges(): () => void {
  return api.events['library:changed'](({ devices, history }) => {
    if (devices) {
      void useDevices.getState().refresh()
      if (useTarget.getState().mode === 'tags') void useTarget.getState().refreshMatching()
    }
    if (history && useHistory.getState().loaded) void useHistory.getState().refresh()
  })
}
