import { screen, type BrowserWindow } from 'electron'
import { join } from 'node:path'
import { StoredDocument } from '../core/persistence/document'
import { openRecovering } from '../core/persistence/recovering-open'
import type { Logger } from '../core/ports'
import { MINIMUM_WINDOW, placeWindow, savedWindowSchema, type SavedWindow } from '../core/window/window-bounds'
import { openStoreFile } from './store-files'

/**
 * The main window's size and position across launches, in window-state.json in the app-data
 * folder. Restored onto the displays there are now (core/window/window-bounds.ts decides).
 */
export class WindowState {
  private readonly document: StoredDocument<SavedWindow | null>

  constructor(
    dataDir: string,
    private readonly logger: Logger
  ) {
    const opened = openRecovering(() => openStoreFile(dataDir, 'window-state'), join(dataDir, 'window-state.json'), 'window position')
    if (opened.notice) logger.warn(opened.notice)
    this.document = new StoredDocument(opened.store, 'main', { schema: savedWindowSchema.nullable(), empty: () => null, onInvalid: (m) => logger.warn(m) })
  }

  /** Where to open the window now; null for the default size, centred. */
  placement(): SavedWindow | null {
    return placeWindow(this.document.read(), screen.getAllDisplays().map((d) => d.workArea), MINIMUM_WINDOW)
  }

  /** Remembers the window's normal (unmaximised) bounds when it closes. */
  track(window: BrowserWindow): void {
    window.on('close', () => {
      try {
        this.document.write({ ...window.getNormalBounds(), maximized: window.isMaximized() })
      } catch (error) {
        // Not worth stopping the window from closing over: it opens at the default place next time.
        this.logger.warn(`The window position was not saved: ${error instanceof Error ? error.message : String(error)}`)
      }
    })
  }
}
