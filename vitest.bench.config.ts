import { defineConfig } from 'vitest/config'

/** `npm run bench`: benchmarks print figures against a baseline measured in the same run. */
export default defineConfig({
  test: {
    include: ['bench/**/*.bench.ts'],
    environment: 'node',
    testTimeout: 300_000,
    reporters: ['verbose'],
    silent: false
  }
})
