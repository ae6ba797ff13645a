import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // scrypt at OWASP cost and real PDF signing take real time.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
})
