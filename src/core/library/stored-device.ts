import { z } from 'zod'
import { DEVICE_KINDS } from '../../shared/domain'
import { ENVIRONMENTS } from '../../shared/environments'
import type { Migration } from '../persistence/document'

export const savedDeviceSchema = z.object({
  id: z.string(),
  name: z.string(),
  token: z.string(),
  bundleId: z.string(),
  environment: z.enum(ENVIRONMENTS),
  kind: z.enum(DEVICE_KINDS),
  tags: z.array(z.string()),
  accountId: z.string().nullable(),
  notes: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  unregisteredAt: z.string().nullable(),
  lastResult: z
    .object({ at: z.string(), outcome: z.enum(['accepted', 'rejected', 'failed']), status: z.number().nullable(), reason: z.string().nullable() })
    .nullable(),
  // Optional, so devices saved before these existed read unchanged (no migration needed).
  tokenSetAt: z.string().optional(),
  lastTap: z.object({ at: z.string(), action: z.string() }).nullable().optional()
})
export const savedDevicesSchema = z.array(savedDeviceSchema)

/** Version 1 (the first release) had no kind, tags, account, notes or last result. */
const fromVersion1: Migration = (raw) =>
  Array.isArray(raw)
    ? raw.map((device: Record<string, unknown>) => ({
        kind: 'regular',
        tags: [],
        accountId: null,
        notes: '',
        updatedAt: device.createdAt,
        lastResult: null,
        ...device
      }))
    : raw

export const deviceMigrations: Migration[] = [fromVersion1]
