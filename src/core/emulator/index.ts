/**
 * The local APNs emulator: public API. Plain Node (never electron), used by integration tests
 * and by the app's offline "local emulator" environment. Import from here, not from the files
 * behind it.
 */
export { createEmulatorTlsIdentity, type EmulatorTlsIdentity } from './tls-identity'
export type { DeviceRegistry, DeviceState } from './device-registry'
export type { RecordedRequest } from './recorder'
export type { EmulatorFaults } from './faults'
export type { EnvironmentKeyReasonSpelling, KeyEnvironment } from './token-connection'
export type { EmulatorFault, EmulatorRequest, FaultScope } from '../../shared/emulator-types'
export { startEmulator, type EmulatorOptions, type RunningEmulator } from './server'
export { BROADCAST_PAYLOAD_LIMIT, MAX_CHANNELS_PER_APP, type ChannelRecord, type ChannelRegistry, type ChannelRules, type MessageStoragePolicy } from './channels'
