import { join } from 'node:path'
import { PushSender } from './apns/push-sender'
import { ProviderPool, type ProviderFactory } from './apns/provider-pool'
import { RetryAfterTap } from './apns/retry-after-tap'
import { CredentialService } from './credentials/credential-service'
import { storedCredentialsSchema } from './credentials/stored-credential'
import { DemoService, demoStateSchema, emptyDemoState } from './demo/demo-service'
import { DeviceService } from './library/device-service'
import { savedDevicesSchema } from './library/stored-device'
import { LocalEmulator } from './local-emulator'
import { StoredDocument } from './persistence/document'
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
  const open = (name: string): KeyValueFile => {
    const opened = openRecovering(() => options.openStore(name), join(options.dataDir, `${name}.json`))
    if (opened.recoveredTo) {
      notices.push(`Your ${name} file could not be read, so it was moved to ${opened.recoveredTo} and a new one was started. Nothing was deleted.`)
      options.logger.warn(`moved unreadable store ${name} to ${opened.recoveredTo}`)
    }
    return opened.store
  }
  const report = (message: string) => {
    notices.push(message)
    options.logger.warn(message)
  }

  const credentialFile = open('credentials')
  const deviceFile = open('devices')
  const settingsFile = open('settings')

  const credentials = new CredentialService(new StoredDocument(credentialFile, 'credentials', storedCredentialsSchema, () => [], report), options.secrets)
  const devices = new DeviceService(new StoredDocument(deviceFile, 'devices', savedDevicesSchema, () => [], report))
  const emulator = new LocalEmulator(join(options.dataDir, 'emulator-tls.json'), (keyId, teamId) => credentials.publicKey(keyId, teamId))
  const demo = new DemoService(new StoredDocument(settingsFile, 'demo', demoStateSchema, emptyDemoState, report), credentials, devices, emulator)
  const tap = new RetryAfterTap()
  const pool = new ProviderPool(options.logger, options.providerFactory, (provider) => tap.attach(provider))
  const sender = new PushSender(pool, tap, options.logger)
  const push = new PushService(credentials, devices, sender, options.endpoints ?? defaultEndpoints(() => emulator.endpoint()))

  credentials.onChange((id) => void pool.releaseCredential(id))

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
