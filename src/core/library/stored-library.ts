import { z } from 'zod'
import { ENVIRONMENTS } from '../../shared/environments'
import { expirationSchema } from '../../shared/ipc'
import { PUSH_TYPES } from '../../shared/push-types'

/** On-disk shapes of accounts, templates and credential profiles, validated on every read. */
export const accountSchema = z.object({ id: z.string(), name: z.string(), notes: z.string(), createdAt: z.string() })

export const templateSchema = z.object({
  id: z.string(),
  name: z.string(),
  group: z.string(),
  pushType: z.enum(PUSH_TYPES),
  priority: z.union([z.literal(10), z.literal(5), z.literal(1)]),
  expiration: expirationSchema,
  collapseId: z.string(),
  payloadText: z.string(),
  variables: z.array(z.object({ name: z.string(), defaultValue: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string()
})

export const profileSchema = z.object({
  id: z.string(),
  label: z.string(),
  credentialId: z.string(),
  bundleId: z.string(),
  environment: z.enum(ENVIRONMENTS),
  createdAt: z.string()
})

export const librarySettingsSchema = z.object({
  activeProfileId: z.string().nullable(),
  /** Starter templates are added once; deleting them must not bring them back. */
  startersSeeded: z.boolean()
})
export type LibrarySettings = z.infer<typeof librarySettingsSchema>
