import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import react from '@vitejs/plugin-react'

/**
 * The shipped page keeps the strict CSP in index.html. Only the dev server loosens it, because
 * React Refresh injects an inline preamble and Vite's HMR talks over a websocket.
 */
function devServerCsp(): Plugin {
  return {
    name: 'pushdeck-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*")
  }
}

export default defineConfig({
  main: {
    build: { rolldownOptions: { input: { index: resolve('src/main/index.ts') } } }
  },
  preload: {
    // A sandboxed preload must be CommonJS.
    build: {
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    resolve: { alias: { '@renderer': resolve('src/renderer/src') } },
    plugins: [react(), devServerCsp()]
  }
})
