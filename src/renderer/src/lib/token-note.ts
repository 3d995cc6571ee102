import { normaliseDeviceToken } from '../../../shared/device-token'

/** What a typed token will be saved as: the note compose shows, or the problem that stops a save. */
export type TokenNote = { kind: 'empty' } | { kind: 'ok'; token: string; note: string | null } | { kind: 'problem'; message: string; fix: string }

export function tokenNote(raw: string): TokenNote {
  if (raw.trim() === '') return { kind: 'empty' }
  const result = normaliseDeviceToken(raw)
  if (!result.ok) return { kind: 'problem', message: result.problem.message, fix: result.problem.fix }
  return { kind: 'ok', token: result.token, note: result.notes.length > 0 ? `Normalised from the pasted value: ${result.notes.join(', ')}.` : null }
}
