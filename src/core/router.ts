import type { ChannelInput, ChannelOutput } from '../shared/ipc'
import type { Channel } from '../shared/ipc-channels'
import { ok, type Result } from '../shared/result'
import type { CredentialService } from './credentials/credential-service'
import type { DemoService } from './demo/demo-service'
import type { AccountService } from './library/account-service'
import type { ApnsFiles } from './library/apns-files'
import type { DeviceService } from './library/device-service'
import type { LibraryService } from './library/library-service'
import type { ProfileService } from './library/profile-service'
import type { TemplateService } from './library/template-service'
import type { FanoutService } from './fanout/fanout-service'
import type { HistoryViewService } from './history/history-view-service'
import type { LocalEmulator } from './local-emulator'
import type { PushService } from './push-service'
import type { TapStore } from './history/tap-store'
import type { RegistrationService } from './registration/registration-service'
import type { SimulatorService } from './simulator/simulator-service'
import type { ChannelService } from './broadcast/channel-service'
import type { SettingsService } from './settings/settings-service'

/** The table channel -> handler that Electron main registers and the end-to-end tests bind to. */
export type Router = {
  [C in Channel]: (input: ChannelInput<C>) => Result<ChannelOutput<C>> | Promise<Result<ChannelOutput<C>>>
}

export interface RouterServices {
  fanout: FanoutService
  historyView: HistoryViewService
  credentials: CredentialService
  devices: DeviceService
  accounts: AccountService
  templates: TemplateService
  apnsFiles: ApnsFiles
  profiles: ProfileService
  library: LibraryService
  demo: DemoService
  push: PushService
  emulator: LocalEmulator
  simulators: SimulatorService
  channels: ChannelService
  settings: SettingsService
  notices: () => string[]
  taps: TapStore
  registration: RegistrationService
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
    'devices:update': (input) => s.devices.update(input.id, input.patch),
    'devices:duplicate': (input) => s.devices.duplicate(input.id, input.token, input.name),
    'devices:remove': (input) => s.devices.remove(input.id),
    'devices:bulk': (input) => s.devices.bulk(input.ids, input.action),
    'devices:matching': (input) => {
      const matching = s.devices.matching(input.expression)
      return matching.ok ? ok({ count: matching.value.length, ids: matching.value.map((d) => d.id) }) : matching
    },
    'accounts:list': () => ok(s.accounts.list()),
    'accounts:save': (input) => s.accounts.save(input),
    'accounts:update': (input) => s.accounts.update(input.id, input),
    'accounts:remove': (input) => s.accounts.remove(input.id),
    'templates:list': () => ok(s.templates.list()),
    'templates:save': (input) => s.templates.save(input),
    'templates:update': (input) => s.templates.update(input.id, input.template),
    'templates:duplicate': (input) => s.templates.duplicate(input.id),
    'templates:remove': (input) => s.templates.remove(input.id),
    'templates:importApns': (input) => s.apnsFiles.import(input.fileName, input.text),
    'templates:exportApns': (input) => s.apnsFiles.export(input.id, input.bundleId),
    'profiles:list': () => ok(s.profiles.list()),
    'profiles:save': (input) => s.profiles.save(input),
    'profiles:remove': (input) => s.profiles.remove(input.id),
    'profiles:activate': (input) => s.profiles.activate(input.id),
    'library:export': () => s.library.export(),
    'library:previewImport': (input) => s.library.preview(input.text),
    'library:applyImport': (input) => s.library.apply(input.text, input.replace),
    'demo:status': () => ok(s.demo.status()),
    'demo:setup': () => s.demo.setup(),
    'demo:dismiss': () => s.demo.dismiss(),
    'push:send': (input) => s.push.send(input),
    'push:curl': (input) => s.push.curl(input),
    'fanout:start': (input) => s.fanout.start(input),
    'fanout:cancel': (input) => s.fanout.cancel(input.runId),
    'fanout:status': (input) => s.fanout.snapshot(input.runId),
    'simulators:list': () => s.simulators.list(),
    'simulators:apps': (input) => s.simulators.apps(input.udid),
    'simulators:send': (input) => s.simulators.send(input),
    'history:query': (input) => s.historyView.query(input),
    'history:get': (input) => s.historyView.get(input.id),
    'history:stats': (input) => s.historyView.stats(input),
    'history:export': (input) => s.historyView.export(input.format, input.query),
    'history:taps': (input) => ok(s.taps.forApnsIds(input.apnsIds)),
    'emulator:inbox': async () => ok({ running: s.emulator.isRunning, requests: await s.emulator.requests(), faults: await s.emulator.pendingFaults() }),
    'emulator:injectFault': (input) => s.emulator.injectFault(input.target, input.fault),
    'emulator:clearFaults': async () => {
      await s.emulator.clearFaults()
      return ok(null)
    },
    'registration:status': () => ok(s.registration.status()),
    'registration:configure': (input) => s.registration.configure(input),
    'registration:regenerateSecret': () => s.registration.regenerateSecret(),
    'channels:list': (input) => s.channels.list(input),
    'channels:create': (input) => s.channels.create(input, input.policy),
    'channels:delete': (input) => s.channels.remove(input, input.channelId),
    'channels:broadcast': (input) => s.channels.broadcast(input),
    'settings:get': () => ok(s.settings.get()),
    'settings:update': (input) => s.settings.update(input)
  }
}
