import { join } from 'node:path'
import { PushSender } from './apns/push-sender'
import { ProviderPool, type ProviderFactory } from './apns/provider-pool'
import { ResponseHeaderTap } from './apns/response-header-tap'
import { CredentialService } from './credentials/credential-service'
import { storedCredentialSchema, storedCredentialsSchema } from './credentials/stored-credential'
import { DemoService, demoStateSchema, emptyDemoState } from './demo/demo-service'
import { DeviceService } from './library/device-service'
import { AccountService } from './library/account-service'
import { ApnsFiles } from './library/apns-files'
import { LibraryService } from './library/library-service'
import { ProfileService } from './library/profile-service'
import { deviceMigrations, savedDeviceSchema, savedDevicesSchema } from './library/stored-device'
import { accountSchema, librarySettingsSchema, profileSchema, templateSchema } from './library/stored-library'
import { TemplateService } from './library/template-service'
import { z } from 'zod'
import { EventHub } from './event-hub'
import { FanoutService } from './fanout/fanout-service'
import { HistoryViewService } from './history/history-view-service'
import { openHistory } from './history/open-history'
import { LocalEmulator } from './local-emulator'
import { StoredDocument, validEntries } from './persistence/document'
import { openRecovering } from './persistence/recovering-open'
import type { ChooseSavePath, KeyValueFile, Logger, SecretBox } from './ports'
import { defaultEndpoints, PushService, type EndpointResolver } from './push-service'
import { createRouter, type Router } from './router'
import { RateLimiter, type RateLimitOptions } from './registration/rate-limiter'
import { RegistrationActions } from './registration/registration-actions'
import { RegistrationService } from './registration/registration-service'
import { defaultRegistrationSettings, registrationSettingsSchema, sealedSecretSchema } from './registration/registration-settings'
import { SimctlRunner } from './simulator/simctl-runner'
import { SimulatorService } from './simulator/simulator-service'
import { ChannelService } from './broadcast/channel-service'
import { SettingsService } from './settings/settings-service'
import { appSettingsSchema, DEFAULT_SETTINGS } from '../shared/settings'

export interface AppServicesOptions {
  /** The app-data folder: store files and the emulator's TLS identity live here. */
  dataDir: string
  secrets: SecretBox
  /** Opens (or creates) <dataDir>/<name>.json; throws when the file cannot be parsed. */
  openStore: (name: string) => KeyValueFile
  logger: Logger
  providerFactory?: ProviderFactory
  /** Tests point sandbox and production at loopback servers. */
  endpoints?: EndpointResolver
  /** How long a stream may stay silent before the send fails; tests shorten it. */
  requestTimeoutMs?: number
  /** The self-registration endpoint: tests use port 0 (any free port) and a small rate limit. */
  registration?: { defaultPort?: number; rateLimit?: RateLimitOptions }
  /** The iOS Simulator: tests inject the platform and a fake xcrun. */
  simulator?: { platform?: NodeJS.Platform; xcrunPath?: string; timeoutMs?: number }
  /** Where a history export is saved: Electron's save dialog in the app. */
  chooseSavePath: ChooseSavePath
}

export interface AppServices {
  router: Router
  /** Events for the windows (fan-out progress, library changes). */
  events: EventHub
  fanout: FanoutService
  emulator: LocalEmulator
  registration: RegistrationService
  /** Preferences; main applies the theme from here. */
  settings: SettingsService
  /** After sleep or a network change node-apn keeps dead sessions; drop them (C-22). */
  dropConnections(): void
  shutdown(): Promise<void>
}

/** The composition root shared by Electron main and the tests. */
export function createAppServices(options: AppServicesOptions): AppServices {
  const notices: string[] = []
  const open = (name: string, label: string): KeyValueFile => {
    const opened = openRecovering(() => options.openStore(name), join(options.dataDir, `${name}.json`), label)
    if (opened.notice) {
      notices.push(opened.notice)
      options.logger.warn(opened.notice)
    }
    return opened.store
  }
  const report = (message: string) => {
    notices.push(message)
    options.logger.warn(message)
  }

  const credentialFile = open('credentials', 'credentials')
  const deviceFile = open('devices', 'saved devices')
  const libraryFile = open('library', 'templates, accounts and profiles')
  const settingsFile = open('settings', 'settings')
  const registrationFile = open('registration', 'device registration settings')

  const { history, taps, notices: historyNotices } = openHistory(options.dataDir)
  for (const notice of historyNotices) report(notice)
  const credentials = new CredentialService(
    new StoredDocument(credentialFile, 'credentials', { schema: storedCredentialsSchema, empty: () => [], onInvalid: report, salvage: validEntries(storedCredentialSchema) }),
    options.secrets
  )
  const accounts = new AccountService(new StoredDocument(libraryFile, 'accounts', { schema: z.array(accountSchema), empty: () => [], onInvalid: report, salvage: validEntries(accountSchema) }))
  const devices = new DeviceService(
    new StoredDocument(deviceFile, 'devices', { schema: savedDevicesSchema, empty: () => [], onInvalid: report, salvage: validEntries(savedDeviceSchema), migrations: deviceMigrations }),
    (id) => accounts.exists(id),
    undefined,
    (token) => history.lastResultFor(token)
  )
  history.onAnswersRotatedOut((answers) => {
    try {
      devices.keepLastResults(answers)
    } catch (error) {
      options.logger.warn(`could not keep the last answers of devices whose history was rotated out: ${(error as Error).message}`)
    }
  })
  const templates = new TemplateService(new StoredDocument(libraryFile, 'templates', { schema: z.array(templateSchema), empty: () => [], onInvalid: report, salvage: validEntries(templateSchema) }))
  const librarySettings = new StoredDocument(settingsFile, 'library', { label: 'library settings', schema: librarySettingsSchema, empty: () => ({ activeProfileId: null, startersSeeded: false }), onInvalid: report })
  const profiles = new ProfileService(
    new StoredDocument(libraryFile, 'profiles', { schema: z.array(profileSchema), empty: () => [], onInvalid: report, salvage: validEntries(profileSchema) }),
    librarySettings,
    (id) => credentials.find(id) !== null
  )
  const emulator = new LocalEmulator(join(options.dataDir, 'emulator-tls.json'), (keyId, teamId) => credentials.publicKey(keyId, teamId))
  const demo = new DemoService(new StoredDocument(settingsFile, 'demo', { label: 'demo setup', schema: demoStateSchema, empty: emptyDemoState, onInvalid: report }), credentials, devices, emulator)
  const tap = new ResponseHeaderTap()
  const pool = new ProviderPool(options.logger, options.providerFactory, (provider) => tap.attach(provider), options.requestTimeoutMs)
  const sender = new PushSender(pool, tap, options.logger)
  const settings = new SettingsService(new StoredDocument(settingsFile, 'app', { label: 'settings', schema: appSettingsSchema, empty: () => ({ ...DEFAULT_SETTINGS }), onInvalid: report }))
  settings.apply((current) => history.limitTotalBytes(current.historyLimitMb * 1024 * 1024))
  const endpoints = options.endpoints ?? defaultEndpoints(() => emulator.endpoint())
  const push = new PushService(credentials, devices, sender, endpoints, () => emulator.caFile(), history)
  const events = new EventHub()
  const simulators = new SimulatorService({
    runner: new SimctlRunner({ xcrunPath: options.simulator?.xcrunPath, timeoutMs: options.simulator?.timeoutMs }),
    platform: options.simulator?.platform ?? process.platform,
    history
  })
  const fanout = new FanoutService(credentials, profiles, devices, sender, endpoints, history, events.emit, options.logger, undefined, undefined, simulators)
  const registration = new RegistrationService(
    new StoredDocument(registrationFile, 'endpoint', { label: 'pairing endpoint settings', schema: registrationSettingsSchema, empty: () => defaultRegistrationSettings(options.registration?.defaultPort), onInvalid: report }),
    new StoredDocument(registrationFile, 'secret', { label: 'pairing secret', schema: sealedSecretSchema, empty: () => ({ sealed: null }), onInvalid: report }),
    options.secrets,
    new RegistrationActions(devices, accounts, history, taps, events.emit),
    options.logger,
    { limiter: options.registration?.rateLimit ? new RateLimiter(options.registration.rateLimit) : undefined, onNotice: report }
  )

  if (!librarySettings.read().startersSeeded) {
    templates.seedStarters()
    librarySettings.write({ ...librarySettings.read(), startersSeeded: true })
  }
  accounts.onRemoved((id) => devices.clearAccount(id))
  credentials.onChange((id) => profiles.dropForCredential(id))
  credentials.onChange((id) => void pool.releaseCredential(id))
  // Read every document now, so a damaged one is reported before the window asks for notices.
  credentials.list()
  devices.list()
  accounts.list()
  profiles.list()
  demo.status()
  registration.status()
  // Listening again if the user left it on; a port now taken shows in the pairing panel.
  void registration.start()

  return {
    router: createRouter({ fanout, historyView: new HistoryViewService(history, taps, options.chooseSavePath), credentials, devices, accounts, templates, apnsFiles: new ApnsFiles(templates), profiles, library: new LibraryService(devices, accounts, templates), demo, push, emulator, simulators, channels: new ChannelService(credentials, pool, endpoints), settings, notices: () => [...notices], taps, registration }),
    emulator,
    registration,
    settings,
    events,
    fanout,
    dropConnections: () => pool.dropSessions(),
    shutdown: async () => {
      await registration.stop()
      history.close()
      await pool.shutdown()
      await emulator.stop()
    }
  }
}
