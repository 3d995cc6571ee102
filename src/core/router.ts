import type { ChannelInput, ChannelOutput } from '../shared/ipc'
import type { Channel } from '../shared/ipc-channels'
import { ok, type Result } from '../shared/result'
import type { CredentialService } from './credentials/credential-service'
import type { DemoService } from './demo/demo-service'
import type { DeviceService } from './library/device-service'
import type { LocalEmulator } from './local-emulator'
import type { PushService } from './push-service'

/** The table channel -> handler that Electron main registers and the end-to-end tests bind to. */
export type Router = {
  [C in Channel]: (input: ChannelInput<C>) => Result<ChannelOutput<C>> | Promise<Result<ChannelOutput<C>>>
}

export interface RouterServices {
  credentials: CredentialService
  devices: DeviceService
  demo: DemoService
  push: PushService
  emulator: LocalEmulator
  notices: () => string[]
}

export function createRouter(s: RouterServices): Router {
  return {
    'app:notices': () => ok(s.notices()),
    'credentials:list': () => ok(s.credentials.list()),
    'credentials:addTokenKey': (input) => s.credentials.addTokenKey(input),
    'credentials:addCertificate': (input) => s.credentials.addCertificate(input),
    'credentials:remove': (input) => s.credentials.remove(input.id),
    'devices:list': () => ok(s.devices.list()),
    'devices:save': (input) => s.devices.save(input),
    'devices:remove': (input) => s.devices.remove(input.id),
    'demo:status': () => ok(s.demo.status()),
    'demo:setup': () => s.demo.setup(),
    'demo:dismiss': () => s.demo.dismiss(),
    'push:send': (input) => s.push.send(input),
    'emulator:inbox': async () => ok({ running: s.emulator.isRunning, requests: await s.emulator.requests(), faults: await s.emulator.pendingFaults() }),
    'emulator:injectFault': (input) => s.emulator.injectFault(input.target, input.fault),
    'emulator:clearFaults': async () => {
      await s.emulator.clearFaults()
      return ok(null)
    }
  }
}
