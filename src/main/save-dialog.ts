import { app, BrowserWindow, dialog } from 'electron'
import { extname, join } from 'node:path'
import type { ChooseSavePath } from '../core/ports'

const FILTERS: Record<string, Electron.FileFilter> = {
  '.csv': { name: 'CSV (spreadsheets)', extensions: ['csv'] },
  '.json': { name: 'JSON', extensions: ['json'] }
}

/** macOS's save sheet on the focused window, starting in Downloads with the suggested name. */
export const chooseSavePath: ChooseSavePath = async (suggestedName) => {
  const options: Electron.SaveDialogOptions = {
    defaultPath: join(app.getPath('downloads'), suggestedName),
    filters: FILTERS[extname(suggestedName)] ? [FILTERS[extname(suggestedName)]!] : []
  }
  const window = BrowserWindow.getFocusedWindow()
  const chosen = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options)
  return chosen.canceled || !chosen.filePath ? null : chosen.filePath
}
