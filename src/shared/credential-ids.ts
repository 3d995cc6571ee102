import { withoutInvisible } from './invisible-characters'

/** Key ID and Team ID rules (C-17): ten characters, A-Z and 0-9, case-insensitive on input. */
export const APPLE_ID_PATTERN = /^[A-Z0-9]{10}$/

/** Trimmed, invisible characters removed, upper-cased. Only ASCII is upper-cased, so "ı" or "ﬀ" are not turned into look-alikes. */
export function normaliseAppleId(raw: string): string {
  return withoutInvisible(raw)
    .trim()
    .replace(/[a-z]/g, (c) => c.toUpperCase())
}

export function appleIdProblem(label: 'Key ID' | 'Team ID', value: string): string | null {
  const id = normaliseAppleId(value)
  if (id === '') return `${label} is required.`
  if (APPLE_ID_PATTERN.test(id)) return null
  const others = /[^A-Z0-9]/.test(id) ? ' and other symbols' : ''
  // Never echo a long value: it may be key material pasted into the wrong field.
  const shown = id.length <= 16 ? ` "${id}"` : ''
  return `${label} must be 10 letters or digits;${shown || ' this value'} has ${[...id].length} characters${others}.`
}

/** Apple names downloaded keys AuthKey_<KEYID>.p8, so the file name tells the Key ID. */
export function keyIdFromFileName(fileName: string): string | null {
  const match = /AuthKey_([A-Za-z0-9]{10})\.p8$/i.exec(fileName.trim())
  return match ? match[1]!.toUpperCase() : null
}
