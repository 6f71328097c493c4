import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

const alias = {
  '@core': resolve(__dirname, 'src-renderer/src/core'),
  '@contract': resolve(__dirname, 'src-main/contract'),
  // Every test that imports 'electron' gets the one central mock: the binary is not here.
  electron: resolve(__dirname, 'tests/mocks/electron.ts')
}

// Shell tests that load the built renderer in Chromium or start the real Electron binary.
const BROWSER_MAIN_TESTS = ['tests/main/csp-runtime.test.ts', 'tests/main/electron-app.e2e.test.ts']

export default defineConfig({
  test: {
    // The JSON report lets .ci/run print a plain "N passed, N failed" closing line.
    reporters: ['default', ['json', { outputFile: 'tests/.artifacts/vitest-results.json' }]],
    projects: [
      {
        // Node only: no browser, no LibreOffice, no build. Runs on a fresh clone after `npm ci`.
        resolve: { alias },
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts', 'tests/main/**/*.test.ts'],
          exclude: BROWSER_MAIN_TESTS,
          // Generous: CI and developers share two cores with builds and browsers.
          testTimeout: 60_000,
          hookTimeout: 60_000
        }
      },
      {
        // Exported .docx files rendered by LibreOffice (soffice) and read back with poppler.
        resolve: { alias },
        test: {
          name: 'conformance',
          environment: 'node',
          include: ['tests/conformance/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000
        }
      },
      {
        // The built renderer (out/renderer) in Debian's Chromium.
        resolve: { alias },
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts', ...BROWSER_MAIN_TESTS],
          // One Chromium at a time: two cores.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000
        }
      }
    ]
  }
})
