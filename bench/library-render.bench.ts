import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { test } from 'vitest'
import { chromiumExecutable } from '../test/support/browser-path'
import { bindRendererApi, CHROMIUM_ARGS } from '../test/support/renderer-harness'
import { serveDirectory } from '../test/support/static-server'
import { createTestApp, type TestApp } from '../test/support/test-app'

// The built renderer in Chromium with a library of 10,000 devices and 1,000 templates, against
// the same measurements with an empty library (no devices, the starter templates) in the same
// run: first render (navigation start to the device list showing), and keystroke to paint
// while typing in the device search. Prints figures; never passes or fails on time.
const DEVICES = 10_000
const TEMPLATES = 1_000
const FIRST_RENDER_RUNS = 3
const QUERY = 'device 12'
const rendererDir = join(import.meta.dirname, '../out/renderer')

test(`library render: ${DEVICES.toLocaleString('en-US')} devices and ${TEMPLATES.toLocaleString('en-US')} templates vs an empty library`, async (context) => {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    console.log('\nlibrary render: skipped, out/renderer is missing. Run "npm run build" first, then "npm run bench".')
    context.skip()
    return
  }
  const server = await serveDirectory(rendererDir)
  const empty = createTestApp()
  const full = createTestApp()
  let browser: Browser | null = null
  try {
    seed(full)
    browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS, headless: true })
    const runs = { empty: [] as Measured[], full: [] as Measured[] }
    // Interleaved, so machine noise hits both alike; the first pair warms up the browser and is dropped.
    for (let run = 0; run <= FIRST_RENDER_RUNS; run++) {
      for (const [name, app] of [['empty', empty], ['full', full]] as const) {
        const measured = await measurePage(browser, server.url, app, run === FIRST_RENDER_RUNS)
        if (run > 0) runs[name].push(measured)
      }
    }
    const firstRender = (r: Measured[]) => median(r.map((m) => m.firstRenderMs))
    const keystroke = (r: Measured[]) => median(r.flatMap((m) => m.keystrokeMs))
    const update = (r: Measured[]) => median(r.flatMap((m) => m.updateMs))
    const templatesTab = (r: Measured[]) => median(r.map((m) => m.templatesTabMs))
    const samples = runs.full.reduce((n, m) => n + m.keystrokeMs.length, 0)

    console.log(`\nlibrary render in Chromium (${chromiumExecutable() ?? 'Playwright Chromium'}), median of ${FIRST_RENDER_RUNS} page loads`)
    line(`first render: ${DEVICES.toLocaleString('en-US')} devices, ${TEMPLATES.toLocaleString('en-US')} templates`, firstRender(runs.full), 'empty library', firstRender(runs.empty))
    line(`keystroke to paint, device search (median of ${samples})`, keystroke(runs.full), 'empty library', keystroke(runs.empty))
    line('  of which keydown to the list re-rendered (no frame wait)', update(runs.full), 'empty library', update(runs.empty))
    line(`templates tab opened: ${TEMPLATES.toLocaleString('en-US')} templates + starters`, templatesTab(runs.full), '16 starters', templatesTab(runs.empty))
    const rows = runs.full[0]!.rowsInDom
    console.log(`  rows in the DOM with ${DEVICES.toLocaleString('en-US')} devices: ${rows} (windowed)`)
  } finally {
    await browser?.close()
    await server.close()
    await Promise.all([empty.dispose(), full.dispose()])
  }
}, 180_000)

interface Measured {
  firstRenderMs: number
  keystrokeMs: number[]
  updateMs: number[]
  templatesTabMs: number
  rowsInDom: number
}

/** 10,000 devices with tags, names and notes, and 1,000 templates in 20 groups, through one library import. */
function seed(app: TestApp): void {
  const devices = Array.from({ length: DEVICES }, (_, n) => ({
    name: `Device ${String(n).padStart(5, '0')} ${['iPhone', 'iPad', 'Watch', 'Simulator'][n % 4]}`,
    token: randomBytes(32).toString('hex'),
    bundleId: `com.example.app${n % 7}`,
    environment: (['sandbox', 'production', 'emulator'] as const)[n % 3],
    tags: [`team${n % 10}`, n % 2 ? 'qa' : 'dev', `ios${16 + (n % 3)}`],
    notes: n % 5 === 0 ? `Shelf ${n % 40}` : ''
  }))
  const templates = Array.from({ length: TEMPLATES }, (_, n) => ({
    name: `Template ${n}`,
    group: `Group ${n % 20}`,
    pushType: 'alert',
    priority: 10,
    payloadText: JSON.stringify({ aps: { alert: { title: `Title ${n}`, body: '{{body}}' } } }, null, 2),
    variables: [{ name: 'body', defaultValue: `Body ${n}` }]
  }))
  const result = app.router['library:applyImport']({ text: JSON.stringify({ format: 'pushdeck-library', version: 1, devices, templates }), replace: [] })
  if (result instanceof Promise || !result.ok) throw new Error('seeding the library failed')
  if (result.value.added.devices !== DEVICES || result.value.added.templates !== TEMPLATES) throw new Error(`seeded ${JSON.stringify(result.value.added)}`)
}

/** One fresh page: first render, then (on the last run) keystrokes, then the templates tab. */
async function measurePage(browser: Browser, url: string, app: TestApp, withKeystrokes: boolean): Promise<Measured> {
  const page = await browser.newPage({ viewport: { width: 1360, height: 880 } })
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  try {
    await bindRendererApi(page, app.router)
    await page.addInitScript(installProbes)
    await page.goto(url)
    const firstRenderMs = await page.waitForFunction(() => ((window as unknown as Probe).__bench.firstRender ?? 0) > 0).then(() => page.evaluate(() => (window as unknown as Probe).__bench.firstRender!))
    const rowsInDom = await page.locator('[data-testid="device-row"]').count()
    const typed = withKeystrokes ? await typeAndMeasure(page) : { samples: [], updates: [] }
    const templatesTabMs = await page.evaluate(openTemplatesTab)
    if (errors.length > 0) throw new Error(`the page logged errors: ${errors.join('; ')}`)
    return { firstRenderMs, keystrokeMs: typed.samples, updateMs: typed.updates, templatesTabMs, rowsInDom }
  } finally {
    await page.close()
  }
}

interface Probe {
  /** samples: keydown to the frame after; updates: keydown to the list rendered (the work alone, no frame wait). */
  __bench: { firstRender: number | null; keydownAt: number | null; samples: number[]; updates: number[] }
}

/**
 * Runs in the page before its scripts. First render: the first frame after the devices view has
 * loaded and shows rows (or its empty state), from navigation start (performance.now()'s zero).
 * Keystroke to paint: keydown in the search field to the first frame after the list was
 * rendered for the new query (the list carries the query it shows in data-query).
 */
function installProbes(): void {
  const probe = { firstRender: null as number | null, keydownAt: null as number | null, samples: [] as number[], updates: [] as number[] }
  ;(window as unknown as Probe).__bench = probe
  let lastQuery: string | null = null
  const observer = new MutationObserver(() => {
    const view = document.querySelector('[data-testid="devices-view"][data-loaded="true"]')
    if (!view) return
    if (probe.firstRender === null && view.querySelector('[data-testid="device-row"], [data-testid="devices-empty"]')) {
      probe.firstRender = -1
      requestAnimationFrame(() => (probe.firstRender = performance.now()))
    }
    const query = view.querySelector('[data-testid="device-list"]')?.getAttribute('data-query') ?? null
    if (query !== lastQuery) {
      lastQuery = query
      const started = probe.keydownAt
      if (started !== null) {
        probe.keydownAt = null
        probe.updates.push(performance.now() - started)
        requestAnimationFrame(() => probe.samples.push(performance.now() - started))
      }
    }
  })
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-query', 'data-loaded'] })
  document.addEventListener('keydown', (event) => {
    if ((event.target as Element | null)?.getAttribute?.('data-testid') === 'device-search') probe.keydownAt = performance.now()
  }, true)
}

/** Types the query one key at a time, then deletes it: each keystroke waits for its own sample. */
async function typeAndMeasure(page: Page): Promise<Pick<Probe['__bench'], 'samples' | 'updates'>> {
  await page.getByTestId('device-search').focus()
  const keys = [...QUERY.split(''), ...QUERY.split('').map(() => 'Backspace'), 'd', 'Backspace']
  for (const [i, key] of keys.entries()) {
    await page.keyboard.press(key === ' ' ? 'Space' : key)
    await page.waitForFunction((count) => (window as unknown as Probe).__bench.samples.length >= count, i + 1)
  }
  return page.evaluate(() => (window as unknown as Probe).__bench)
}

/** Click on the Templates tab to the first frame showing the template list. */
function openTemplatesTab(): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    ;(document.querySelector('[data-testid="library-tab-templates"]') as HTMLElement).click()
    requestAnimationFrame(() => {
      if (!document.querySelector('[data-testid="template-list"]')) reject(new Error('the template list did not render'))
      else resolve(performance.now() - started)
    })
  })
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

function line(label: string, value: number, baselineLabel: string, baseline: number): void {
  console.log(`  ${label.padEnd(58)} ${value.toFixed(1).padStart(7)} ms   vs ${baselineLabel} ${baseline.toFixed(1)} ms (${(value / baseline).toFixed(1)}x)`)
}
