import { describe, expect, it } from 'vitest'
import { MINIMUM_WINDOW, placeWindow, savedWindowSchema, type Rect } from '../../src/core/window/window-bounds'

const LAPTOP: Rect = { x: 0, y: 25, width: 1512, height: 920 }
/** An external display to the right of the laptop. */
const EXTERNAL: Rect = { x: 1512, y: 0, width: 2560, height: 1415 }

describe('placing the main window where it was', () => {
  it('opens at the default size, centred, when nothing was saved or no display is known', () => {
    expect(placeWindow(null, [LAPTOP], MINIMUM_WINDOW)).toBeNull()
    expect(placeWindow({ x: 10, y: 40, width: 1200, height: 800, maximized: false }, [], MINIMUM_WINDOW)).toBeNull()
  })

  it('keeps a window that fits on a display exactly where it was', () => {
    const saved = { x: 1700, y: 100, width: 1400, height: 900, maximized: false }
    expect(placeWindow(saved, [LAPTOP, EXTERNAL], MINIMUM_WINDOW)).toEqual(saved)
  })

  it('brings a window back from an unplugged display onto the one that is left, whole', () => {
    const placed = placeWindow({ x: 2000, y: 200, width: 1400, height: 900, maximized: false }, [LAPTOP], MINIMUM_WINDOW)!
    // As near to where it was as the display allows: flush right, as low as it still fits.
    expect(placed).toEqual({ x: LAPTOP.width - 1400, y: LAPTOP.y + LAPTOP.height - 900, width: 1400, height: 900, maximized: false })
  })

  it('shrinks a window larger than its display to fit, but never below the minimum size', () => {
    const placed = placeWindow({ x: 0, y: 25, width: 2400, height: 1300, maximized: false }, [LAPTOP], MINIMUM_WINDOW)!
    expect(placed).toMatchObject({ x: 0, y: 25, width: LAPTOP.width, height: LAPTOP.height })
    const tiny: Rect = { x: 0, y: 0, width: 800, height: 600 }
    expect(placeWindow({ x: 0, y: 0, width: 1200, height: 800, maximized: false }, [tiny], MINIMUM_WINDOW)).toMatchObject(MINIMUM_WINDOW)
  })

  it('pulls back a window whose title bar is above the screen, where it could not be dragged', () => {
    const placed = placeWindow({ x: 100, y: -500, width: 1000, height: 700, maximized: false }, [LAPTOP], MINIMUM_WINDOW)!
    expect(placed).toMatchObject({ x: 100, y: 25 })
  })

  it('keeps a window partly off screen while its title bar can still be grabbed', () => {
    const saved = { x: 3900, y: 300, width: 1000, height: 700, maximized: false }
    expect(placeWindow(saved, [LAPTOP, EXTERNAL], MINIMUM_WINDOW)).toEqual(saved)
  })

  it('moves a window whose title bar is out of reach onto the display it overlaps, and keeps it maximised', () => {
    const placed = placeWindow({ x: 4050, y: 300, width: 1000, height: 700, maximized: true }, [LAPTOP, EXTERNAL], MINIMUM_WINDOW)!
    expect(placed).toEqual({ x: EXTERNAL.x + EXTERNAL.width - 1000, y: 300, width: 1000, height: 700, maximized: true })
  })

  it('refuses a saved state of the wrong shape, so it is never applied', () => {
    expect(savedWindowSchema.safeParse({ x: 0, y: 0, width: -5, height: 700, maximized: false }).success).toBe(false)
    expect(savedWindowSchema.safeParse({ x: 'left', y: 0, width: 1000, height: 700, maximized: false }).success).toBe(false)
  })
})
