import { useAccounts } from './accounts'
import { useCredentials } from './credentials'
import { useDemo } from './demo'
import { useDevices } from './devices'
import { useNotices } from './notices'
import { useProfiles } from './profiles'
import { useTemplates } from './templates'

/** Fills every cache from main once, when the window opens, then applies the active profile. */
export async function loadEverything(): Promise<void> {
  await Promise.all([
    useNotices.getState().load(),
    useDemo.getState().loadStatus(),
    useCredentials.getState().refresh(),
    useDevices.getState().refresh(),
    useAccounts.getState().refresh(),
    useTemplates.getState().refresh(),
    useProfiles.getState().refresh()
  ])
  useProfiles.getState().applyActive()
}
