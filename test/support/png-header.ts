import { readFileSync } from 'node:fs'

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const COLOUR_TYPES: Record<number, string> = { 0: 'grey', 2: 'rgb', 3: 'palette', 4: 'grey+alpha', 6: 'rgba' }

/** Width, height and colour type from a PNG's IHDR chunk; throws when the file is not a PNG. */
export function readPngHeader(path: string): { width: number; height: number; colour: string } {
  const bytes = readFileSync(path)
  if (!bytes.subarray(0, 8).equals(SIGNATURE)) throw new Error(`${path} is not a PNG (bad signature)`)
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error(`${path} has no IHDR chunk first`)
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colour: COLOUR_TYPES[bytes[25]!] ?? 'unknown' }
}
