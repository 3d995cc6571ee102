// electron 45 downloads its binary lazily, but electron-vite dev reads node_modules/electron/path.txt
// directly and stops with "Electron uninstall" when it is missing. Fetch the binary on first run.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
const pathFile = join(dir, 'path.txt')
const installed = existsSync(pathFile) && existsSync(join(dir, 'dist', readFileSync(pathFile, 'utf8').trim()))
if (!installed) {
  console.log('Downloading the Electron binary (first run only)…')
  execFileSync(process.execPath, [join(dir, 'install.js')], { stdio: 'inherit' })
}
