import { join } from 'node:path'
import { PushSender } from './apns/push-sender'
import { ProviderPool, type ProviderFactory } from './apns/provider-pool'
import { ResponseHeaderTap } from './apns/response-header-tap'
import { CredentialService } from './credentials/credential-service'
import { storedCredentialSchema, storedCredentialsSchema } from './credentials/stored-credential'
import { DemoService, demoStateSchema, emptyDemoState } from './demo/demo-service'
import { DeviceService } from './library/device-service'
import { savedDeviceSchema, savedDevicesSchema } from './library/stored-device'
import { LocalEmulator } from './local-emulator'
import { StoredDocument, validEntries } from './persistence/document'
import { openRecovering } from './persistence/recovering-open'
import type { KeyValueFile, Logger, SecretBox } from './ports'
import { defaultEndpoints, PushService, type EndpointResolver } from './push-service'
import { createRouter, type Router } from './router'

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
}

export interface AppServices {
  router: Router
  emulator: LocalEmulator
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
  const settingsFile = open('settings', 'settings')

  const credentials = new CredentialService(new StoredDocument(credentialFile, 'credentials', storedCredentialsSchema, () => [], report, validEntries(storedCredentialSchema)), options.secrets)
  const devices = new DeviceService(new StoredDocument(deviceFile, 'devices', savedDevicesSchema, () => [], report, validEntries(savedDeviceSchema)))
  const emulator = new LocalEmulator(join(options.dataDir, 'emulator-tls.json'), (keyId, teamId) => credentials.publicKey(keyId, teamId))
  const demo = new DemoService(new StoredDocument(settingsFile, 'demo', demoStateSchema, emptyDemoState, report), credentials, devices, emulator)
  const tap = new ResponseHeaderTap()
  const pool = new ProviderPool(options.logger, options.providerFactory, (provider) => tap.attach(provider), options.requestTimeoutMs)
  const sender = new PushSender(pool, tap, options.logger)
  const push = new PushService(credentials, devices, sender, options.endpoints ?? defaultEndpoints(() => emulator.endpoint()))

  credentials.onChange((id) => void pool.releaseCredential(id))
  // Read every document now, so a damaged one is reported before the window asks for notices.
  credentials.list()
  devices.list()
  demo.status()

  return {
    router: createRouter({ credentials, devices, demo, push, emulator, notices: () => [...notices] }),
    emulator,
    dropConnections: () => pool.dropSessions(),
    shutdown: async () => {
      await pool.shutdown()
      await emulator.stop()
    }
  }
}
