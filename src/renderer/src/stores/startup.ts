import { useCredentials } from './credentials'
import { useDemo } from './demo'
import { useDevices } from './devices'
import { useNotices } from './notices'

/** Fills every cache from main once, when the window opens. */
export async function loadEverything(): Promise<void> {
  await Promise.all([
    useNotices.getState().load(),
    useDemo.getState().loadStatus(),
    useCredentials.getState().refresh(),
    useDevices.getState().refresh()
  ])
}
