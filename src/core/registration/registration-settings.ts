import { z } from 'zod'
import { DEFAULT_REGISTRATION_PORT, MAX_REGISTRATION_PORT, type RegistrationSettings } from '../../shared/registration/types'

/** Version 1 of the endpoint's settings document (registration.json, key "endpoint"). */
export const registrationSettingsSchema = z.object({
  enabled: z.boolean(),
  // 0 ("any free port") is only ever written by tests; the panel accepts 1024 and up.
  port: z.number().int().min(0).max(MAX_REGISTRATION_PORT),
  lan: z.boolean()
})

/** Off, loopback only: nothing listens until the user turns it on. */
export function defaultRegistrationSettings(port = DEFAULT_REGISTRATION_PORT): RegistrationSettings {
  return { enabled: false, port, lan: false }
}

/** The pairing secret, sealed by the SecretBox (safeStorage in the app): never in plain text on disk. */
export const sealedSecretSchema = z.object({ sealed: z.string().nullable() })
export type SealedSecret = z.infer<typeof sealedSecretSchema>
