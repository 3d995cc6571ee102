import { APPLE_HOSTS, type Environment } from '../../shared/environments'

/** Where a Provider connects. Every address is overridable so tests point at loopback servers. */
export interface ApnsEndpoint {
  environment: Environment
  address: string
  port: number
  /** Only for the emulator: passing ca replaces the system roots, so never for Apple. */
  ca?: string
  production: boolean
}

export function appleEndpoint(environment: 'sandbox' | 'production'): ApnsEndpoint {
  return { environment, address: APPLE_HOSTS[environment], port: 443, production: environment === 'production' }
}

export function displayHost(endpoint: ApnsEndpoint): string {
  return endpoint.port === 443 ? endpoint.address : `${endpoint.address}:${endpoint.port}`
}
