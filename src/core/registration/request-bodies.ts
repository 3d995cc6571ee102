import { z } from 'zod'

/**
 * A name shown in the device list: line breaks and other control characters become spaces, and
 * invisible ones (bidi overrides and marks, zero-width spaces, BOM) go, so a name cannot disguise
 * itself or break rows. Joiners stay: emoji sequences in names need them.
 */
const HIDDEN_IN_NAMES = /[\u00AD\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g
const displayName = z
  .string()
  .max(200)
  .transform((name) => name.replace(HIDDEN_IN_NAMES, '').replace(/[\u0000-\u001F\u007F-\u009F]+/g, ' ').replace(/ {2,}/g, ' ').trim())

/**
 * The two bodies the endpoint accepts. Strict, so a misspelt key ("bundleID") is named back to
 * the developer instead of silently ignored.
 */
export const registerBodySchema = z
  .object({
    token: z.string().min(1).max(2000),
    bundleId: z.string().min(1).max(300),
    environment: z.enum(['sandbox', 'production']),
    deviceName: displayName.optional(),
    tags: z.array(z.string().max(100)).max(50).optional(),
    account: displayName.optional()
  })
  .strict()
export type RegisterBody = z.infer<typeof registerBodySchema>

export const openedBodySchema = z
  .object({
    apnsId: z.string().min(1).max(100).optional(),
    // A payload value may be a number; it is compared as text.
    notificationId: z.union([z.string().min(1).max(200), z.number()]).transform(String).optional(),
    token: z.string().min(1).max(2000),
    action: z.string().min(1).max(200).optional()
  })
  .strict()
  .refine((body) => body.apnsId !== undefined || body.notificationId !== undefined, {
    path: ['apnsId'],
    message: 'give apnsId (the notification request identifier) or notificationId'
  })
export type OpenedBody = z.infer<typeof openedBodySchema>

export interface BodyProblem {
  field: string
  message: string
}

/** The first problem with a body, naming its field, for the 400 answer. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): { ok: true; value: T } | { ok: false; problem: BodyProblem } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, problem: { field: '(body)', message: 'The body must be a JSON object.' } }
  }
  const parsed = schema.safeParse(body)
  if (parsed.success) return { ok: true, value: parsed.data }
  const issue = parsed.error.issues[0]!
  if (issue.code === 'unrecognized_keys') {
    const field = String(issue.keys[0])
    return { ok: false, problem: { field, message: `${field} is not a field of this request.` } }
  }
  const field = issue.path.map(String).join('.') || '(body)'
  const top = issue.path[0]
  const missing = typeof top === 'string' && !(top in body) && issue.path.length === 1
  return { ok: false, problem: { field, message: missing ? `${field} is missing: ${issue.message}.` : `${field}: ${issue.message}.` } }
}
