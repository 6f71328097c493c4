import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import { rendererConfig } from './src-renderer/vite.config'

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // zod and semver are bundled: the packaged app ships out/** only, so main needs no node_modules.
      externalizeDeps: { exclude: ['zod', 'semver'] },
      lib: { entry: resolve(__dirname, 'src-main/main/index.ts'), formats: ['cjs'] }
    },
    resolve: { alias: { '@contract': resolve(__dirname, 'src-main/contract') } }
  },
  preload: {
    // CommonJS on purpose: an ESM preload only runs unsandboxed, and the window is sandboxed.
    build: {
      outDir: 'out/preload',
      lib: { entry: resolve(__dirname, 'src-main/preload/index.ts'), formats: ['cjs'] }
    },
    resolve: { alias: { '@contract': resolve(__dirname, 'src-main/contract') } }
  },
  renderer: rendererConfig
})
