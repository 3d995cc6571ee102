import { defineConfig } from '@playwright/test'
import { chromiumExecutable } from './test/support/browser-path'

/**
 * Two projects: the built renderer in Debian Chromium with window.api bound to the real router
 * (test/e2e), and the packaged app in real Electron where a binary exists (test/electron).
 */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run'
]

export default defineConfig({
  testDir: 'test',
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: 'test-results',
  projects: [
    {
      name: 'renderer-chromium',
      testMatch: 'e2e/**/*.spec.ts',
      use: {
        browserName: 'chromium',
        headless: true,
        viewport: { width: 1360, height: 880 },
        launchOptions: { executablePath: chromiumExecutable(), args: chromiumArgs }
      }
    },
    { name: 'electron', testMatch: 'electron/**/*.spec.ts' }
  ]
})
