import { z } from 'zod'
import { ENVIRONMENTS } from '../../shared/environments'
import type { HistoryEntry } from '../../shared/history-types'
import { PUSH_TYPES } from '../../shared/push-types'

/**
 * What a history line must hold to be shown, filtered, exported and matched to a tap. Lines are
 * checked when the history is loaded: a line of valid JSON but the wrong shape (a hand edit, a
 * file from elsewhere) is skipped and reported like a torn one, instead of breaking every query.
 * Fields beyond these are kept as they are.
 */
const nullableString = z.string().nullable()

const historyEntrySchema = z.looseObject({
  id: z.string().min(1),
  at: z.string().refine((at) => !Number.isNaN(Date.parse(at)), 'not a date'),
  runId: nullableString,
  credentialLabel: z.string(),
  environment: z.enum([...ENVIRONMENTS, 'simulator']),
  host: z.string(),
  pushType: z.enum(PUSH_TYPES),
  templateName: nullableString,
  device: z.looseObject({ id: nullableString, name: nullableString, token: z.string(), tags: z.array(z.string()) }),
  request: z.looseObject({ host: z.string(), path: z.string(), headers: z.record(z.string(), z.string()), body: z.string(), bytes: z.number() }),
  response: z.looseObject({
    outcome: z.enum(['accepted', 'rejected', 'failed', 'cancelled']),
    status: z.number().nullable(),
    reason: nullableString,
    apnsId: nullableString,
    apnsUniqueId: nullableString,
    unregisteredAt: nullableString,
    latencyMs: z.number(),
    attempts: z.number(),
    explanation: z.string()
  })
})

/** The entry, or null when the line is not one. */
export function parseHistoryLine(text: string): HistoryEntry | null {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return null
  }
  const parsed = historyEntrySchema.safeParse(json)
  return parsed.success ? (parsed.data as HistoryEntry) : null
}
