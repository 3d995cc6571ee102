import { z } from 'zod'

/** A rectangle in screen points, as Electron's BrowserWindow and Display use them. */
export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export const savedWindowSchema = z
  .object({
    x: z.number().int(),
    y: z.number().int(),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    maximized: z.boolean()
  })
  .strict()
export type SavedWindow = z.infer<typeof savedWindowSchema>

/** The main window's smallest size: the three columns still fit. */
export const MINIMUM_WINDOW = { width: 980, height: 640 }

/** How much of the title bar must be on a display for the window to count as reachable there. */
const MIN_VISIBLE = 64

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  }
}

/**
 * Where to open the window, given where it was and the displays' work areas now. A window whose
 * display is gone (an unplugged monitor) or that hangs off every screen is brought back whole
 * onto the display it overlaps most, or the first; one larger than that display is shrunk to fit,
 * but never below the window's minimum. With nothing saved, or no display known, it returns null
 * and the window opens at its default size, centred.
 */
export function placeWindow(saved: SavedWindow | null, workAreas: readonly Rect[], minimum: { width: number; height: number }): SavedWindow | null {
  if (!saved || workAreas.length === 0) return null
  const titleBar: Rect = { x: saved.x, y: saved.y, width: saved.width, height: Math.min(saved.height, MIN_VISIBLE) }
  const reachable = workAreas.some((area) => {
    const o = overlap(titleBar, area)
    return o.width >= MIN_VISIBLE && o.height > 0
  })
  const area = [...workAreas].sort((a, b) => area2(overlap(saved, b)) - area2(overlap(saved, a)))[0]!
  const width = Math.max(minimum.width, Math.min(saved.width, area.width))
  const height = Math.max(minimum.height, Math.min(saved.height, area.height))
  if (reachable && width === saved.width && height === saved.height) return saved
  const x = clamp(saved.x, area.x, area.x + area.width - width)
  const y = clamp(saved.y, area.y, area.y + area.height - height)
  return { x, y, width, height, maximized: saved.maximized }
}

function area2(o: { width: number; height: number }): number {
  return Math.max(0, o.width) * Math.max(0, o.height)
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), Math.max(low, high))
}
