export const ENVIRONMENTS = ['sandbox', 'production', 'emulator'] as const
export type Environment = (typeof ENVIRONMENTS)[number]
export type AppleEnvironment = Exclude<Environment, 'emulator'>

export const ENVIRONMENT_LABELS: Record<Environment, string> = {
  sandbox: 'Sandbox (development)',
  production: 'Production',
  emulator: 'Local emulator'
}

/** Apple's hosts; the emulator's host is only known once it listens. */
export const APPLE_HOSTS = {
  sandbox: 'api.sandbox.push.apple.com',
  production: 'api.push.apple.com'
} as const

export function otherAppleEnvironment(env: Environment): Environment | null {
  if (env === 'sandbox') return 'production'
  if (env === 'production') return 'sandbox'
  return null
}
