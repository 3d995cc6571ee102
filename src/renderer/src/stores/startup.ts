import { useAccounts } from './accounts'
import { useCompose } from './compose'
import { useCredentials } from './credentials'
import { useDemo } from './demo'
import { useDevices } from './devices'
import { useNotices } from './notices'
import { useProfiles } from './profiles'
import { useRegistration } from './registration'
import { useSettings } from './settings'
import { useTemplates } from './templates'

/**
 * Fills every cache from main once, when the window opens, then sets compose to the default
 * environment from Settings, and applies the active profile (whose environment wins).
 */
export async function loadEverything(): Promise<void> {
  await Promise.all([
    useNotices.getState().load(),
    useDemo.getState().loadStatus(),
    useCredentials.getState().refresh(),
    useDevices.getState().refresh(),
    useAccounts.getState().refresh(),
    useTemplates.getState().refresh(),
    useProfiles.getState().refresh(),
    useRegistration.getState().load(),
    useSettings.getState().load()
  ])
  useCompose.getState().setEnvironment(useSettings.getState().values.defaultEnvironment)
  useProfiles.getState().applyActive()
}
