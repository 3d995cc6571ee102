import { APPLE_HOSTS, type Environment } from '../../shared/environments'

/** Where a Provider connects. Every address is overridable so tests point at loopback servers. */
export interface ApnsEndpoint {
  environment: Environment
  address: string
  port: number
  /** Only for the emulator: passing ca replaces the system roots, so never for Apple. */
  ca?: string
  production: boolean
  /**
   * The channel-management host (broadcast channels), a separate host and port from pushes.
   * Always set: node-apn derives it from `production`, which it forces to false whenever
   * `address` is overridden (apns-reference.md §0 fact 4).
   */
  manageAddress?: string
  managePort?: number
}

/** Apple's channel-management hosts (apns-reference.md §2.1). */
export const APPLE_MANAGEMENT_HOSTS = {
  sandbox: { address: 'api-manage-broadcast.sandbox.push.apple.com', port: 2195 },
  production: { address: 'api-manage-broadcast.push.apple.com', port: 2196 }
} as const

export function appleEndpoint(environment: 'sandbox' | 'production'): ApnsEndpoint {
  const manage = APPLE_MANAGEMENT_HOSTS[environment]
  return { environment, address: APPLE_HOSTS[environment], port: 443, production: environment === 'production', manageAddress: manage.address, managePort: manage.port }
}

export function displayHost(endpoint: ApnsEndpoint): string {
  return endpoint.port === 443 ? endpoint.address : `${endpoint.address}:${endpoint.port}`
}
