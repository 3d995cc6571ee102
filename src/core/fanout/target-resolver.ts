import type { SavedDevice } from '../../shared/domain'
import type { FanoutTarget } from '../../shared/fanout-types'
import { fail, ok, type Result } from '../../shared/result'
import type { DeviceService } from '../library/device-service'

/** The saved devices a fan-out goes to, each once. */
export function resolveTargets(target: FanoutTarget, devices: DeviceService): Result<SavedDevice[]> {
  switch (target.kind) {
    case 'devices': {
      const wanted = new Set(target.ids)
      const found = devices.list().filter((d) => wanted.has(d.id))
      if (found.length < wanted.size) return fail('fanout.devices-gone', `${wanted.size - found.length} of the selected devices no longer exist.`, 'Select the devices again.')
      return ok(found)
    }
    case 'tags':
      return devices.matching(target.expression)
    case 'account':
      return ok(devices.list().filter((d) => d.accountId === target.accountId))
  }
}
