import type { Finding } from './diagnosis'
import type { PushType } from './push-types'

/**
 * The iOS Simulator as a target (`xcrun simctl push`, apns-reference.md §5). No APNs is involved:
 * simctl hands the payload file to the app on one simulator, identified by its UDID.
 */

/** A booted simulator as `xcrun simctl list devices booted -j` describes it. */
export interface BootedSimulator {
  udid: string
  name: string
  /** Human form of the runtime, e.g. "iOS 18.3". */
  runtime: string
  /** The runtime identifier simctl reports, e.g. "com.apple.CoreSimulator.SimRuntime.iOS-18-3". */
  runtimeId: string
  /** False when simctl says the simulator cannot be used (its runtime is missing, for example). */
  available: boolean
  availabilityError: string | null
}

/** Whether simulators can be used here at all, and if not, why and what to do. */
export type SimulatorAvailability = { usable: true } | { usable: false; code: string; message: string; hint: string }

export interface SimulatorList {
  availability: SimulatorAvailability
  simulators: BootedSimulator[]
}

export interface InstalledApp {
  bundleId: string
  name: string
  /** "User" for apps the developer installed, "System" for Apple's. */
  type: 'user' | 'system'
}

/** One push to one simulator: the payload and push type of any template, and where it goes. */
export interface SimulatorSendRequest {
  udid: string
  bundleId: string
  pushType: PushType
  payloadText: string
  variables?: Record<string, string>
  templateName?: string | null
}

export interface SimulatorSendResult {
  /** accepted: simctl reported the notification sent. failed: simctl ran and refused it. */
  outcome: 'accepted' | 'failed'
  explanation: string
  fix: string
  udid: string
  simulatorName: string
  bundleId: string
  /** The command line as run (xcrun and its arguments, the payload file's temporary path included). */
  command: string[]
  /** The payload file's content, byte for byte. */
  body: string
  bytes: number
  stdout: string
  stderr: string
  latencyMs: number
  sentAt: string
  warnings: Finding[]
  historyId: string | null
}

/** simctl delivers application remote notifications only (its help: "VoIP, Complication, File Provider, and other types are not supported"). */
export const SIMULATOR_PUSH_TYPES: readonly PushType[] = ['alert', 'background']

/**
 * Why simctl cannot deliver a push type, in a sentence. alert and background are the
 * application remote notifications simctl supports. The others are delivered to PushKit,
 * extensions or the system, which simctl never reaches; Live Activities, widgets and controls
 * are updated through ActivityKit and WidgetKit push tokens, which on a simulator need a real
 * sandbox push (Xcode 14+ on Apple silicon or T2 Macs), not simctl.
 */
const UNSUPPORTED_REASON: Record<Exclude<PushType, 'alert' | 'background'>, string> = {
  voip: 'VoIP pushes go to PushKit, which simctl push does not reach.',
  complication: 'Complication pushes go to a watch app, which simctl push does not reach.',
  fileprovider: 'File provider pushes go to a File Provider extension, which simctl push does not reach.',
  mdm: 'MDM pushes go to the device management agent, not to an app.',
  pushtotalk: 'Push to Talk pushes go to PushKit, which simctl push does not reach.',
  location: 'Location query pushes go to a Location Push Service Extension, which simctl push does not reach.',
  liveactivity: 'Live Activity pushes go to ActivityKit through a push token; simctl push delivers only app notifications.',
  widgets: 'Widget pushes go to WidgetKit through a push token; simctl push delivers only app notifications.',
  controls: 'Control pushes go to WidgetKit through a push token; simctl push delivers only app notifications.'
}

export function simulatorPushTypeProblem(pushType: PushType): { message: string; hint: string } | null {
  if (pushType === 'alert' || pushType === 'background') return null
  return {
    message: `A simulator cannot receive this push: ${UNSUPPORTED_REASON[pushType]} simctl push delivers only alert and background pushes.`,
    hint: 'Send it to a real device, or to a simulator registered for remote notifications (Xcode 14 or later on an Apple silicon or T2 Mac) as a sandbox push with its token.'
  }
}

/** Simulator UDIDs are UUIDs; simctl prints them uppercase. */
const UDID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/i

export function isSimulatorUdid(text: string): boolean {
  return UDID.test(text.trim())
}

export function normaliseUdid(text: string): string {
  return text.trim().toUpperCase()
}

/** A saved device is a simulator reached through simctl when it is of kind simulator and holds a UDID (not an APNs token). */
export function isSimctlDevice(device: { kind: string; token: string }): boolean {
  return device.kind === 'simulator' && isSimulatorUdid(device.token)
}

/** The most simctl push accepts ("Be 4096 bytes or less"). */
export const SIMCTL_PAYLOAD_LIMIT = 4096
