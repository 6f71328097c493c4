import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

const alias = {
  '@core': resolve(__dirname, 'src-renderer/src/core'),
  '@contract': resolve(__dirname, 'src-main/contract'),
  // Every test that imports 'electron' gets the one central mock: the binary is not here.
  electron: resolve(__dirname, 'tests/mocks/electron.ts')
}

export default defineConfig({
  test: {
    // The JSON report lets .ci/run print a plain "N passed, N failed" closing line.
    reporters: ['default', ['json', { outputFile: 'tests/.artifacts/vitest-results.json' }]],
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts', 'tests/main/**/*.test.ts', 'tests/conformance/**/*.test.ts'],
          testTimeout: 60_000
        }
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          // One Chromium at a time: two cores.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000
        }
      }
    ]
  }
})
