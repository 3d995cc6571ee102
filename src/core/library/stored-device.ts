import { z } from 'zod'
import { ENVIRONMENTS } from '../../shared/environments'

export const savedDeviceSchema = z.object({
  id: z.string(),
  name: z.string(),
  token: z.string(),
  bundleId: z.string(),
  environment: z.enum(ENVIRONMENTS),
  createdAt: z.string(),
  unregisteredAt: z.string().nullable()
})
export const savedDevicesSchema = z.array(savedDeviceSchema)
