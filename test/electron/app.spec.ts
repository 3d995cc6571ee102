import { _electron as electron, expect, test } from '@playwright/test'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { CHANNELS } from '../../src/shared/ipc-channels'

/** Finds the Electron binary without triggering its lazy download (which fails offline). */
function electronBinary(): string | undefined {
  const fromEnv = process.env.ELECTRON_EXEC_PATH
  if (fromEnv && existsSync(fromEnv)) return fromEnv
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
    const binary = join(dir, 'dist', readFileSync(join(dir, 'path.txt'), 'utf8').trim())
    return existsSync(binary) ? binary : undefined
  } catch {
    return undefined
  }
}

const binary = electronBinary()
const reason = 'no Electron binary installed (node_modules/electron/dist is empty); `npm run dev` or `npx install-electron` downloads it'
if (!binary) console.log(`[electron] skipping real-Electron tests: ${reason}`)

test('the packaged app opens sandboxed and sends a demo push to the emulator', async () => {
  test.skip(!binary, reason)
  const userData = mkdtempSync(join(tmpdir(), 'pushdeck-electron-'))
  const app = await electron.launch({ executablePath: binary, args: ['.', `--user-data-dir=${userData}`] })
  try {
    const window = await app.firstWindow()
    // The renderer process is sandboxed by the OS (reported on macOS and Windows) and has no Node.
    const renderers = await app.evaluate(({ app }) => app.getAppMetrics().filter((m) => m.type === 'Tab'))
    expect(renderers.length).toBeGreaterThan(0)
    if (process.platform !== 'linux') expect(renderers.every((m) => m.sandboxed)).toBe(true)
    expect(await window.evaluate(() => [typeof (globalThis as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process])).toEqual(['undefined', 'undefined'])
    // The preload exposes one group per channel domain of the contract, and the events.
    const domains = [...new Set(CHANNELS.map((channel) => channel.split(':')[0]!)), 'events'].sort()
    expect(await window.evaluate(() => Object.keys((window as unknown as { api: object }).api).sort())).toEqual(domains)

    await window.getByTestId('demo-setup').click()
    const row = window.getByTestId('device-row').filter({ hasText: 'Demo iPhone' }).first()
    await row.getByRole('button', { name: 'Demo iPhone', exact: true }).click()
    await window.getByTestId('bundle-id').fill('dev.pushdeck.demo')
    await window.getByTestId('send-button').click()
    await expect(window.getByTestId('result-status')).toHaveText(/200/)
  } finally {
    await app.close()
    rmSync(userData, { recursive: true, force: true })
  }
})
