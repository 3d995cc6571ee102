// Renders resources/icon.svg to resources/icon.png (1024×1024, transparent corners) in Chromium,
// the PNG electron-builder turns into the macOS .icns. Run after editing the SVG:
//   node scripts/render-icon.mjs
import { readFileSync } from 'node:fs'
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { chromium } from 'playwright-core'

const root = resolve(dirname(new URL(import.meta.url).pathname), '..')
const svg = readFileSync(join(root, 'resources', 'icon.svg'), 'utf8')
const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p))

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] })
try {
  const page = await browser.newPage({ viewport: { width: 1024, height: 1024 }, deviceScaleFactor: 1 })
  await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${svg}`)
  await page.screenshot({ path: join(root, 'resources', 'icon.png'), omitBackground: true, clip: { x: 0, y: 0, width: 1024, height: 1024 } })
  console.log('resources/icon.png written (1024×1024)')
} finally {
  await browser.close()
}
