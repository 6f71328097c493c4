// The renderer's own Vite config. electron-vite reuses it for the desktop build, and
// `npm run web` serves the very same app in a plain browser (development, e2e tests).
import { resolve } from 'node:path'
import { defineConfig, type UserConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

const root = resolve(__dirname)

export const rendererConfig: UserConfig = {
  root,
  // Relative asset URLs: the same build is served from app://huibao/ in Electron and
  // from http://127.0.0.1:PORT/ in the browser.
  base: './',
  // Element Plus components are imported by the templates that use them (<el-button> → an
  // import of ElButton in that component), so each route's chunk carries only its own widgets
  // instead of the whole library being registered at start-up. Styles stay the one stylesheet
  // imported in main.ts; our own components are always imported explicitly (dirs: []).
  plugins: [vue(), Components({ dirs: [], dts: false, resolvers: [ElementPlusResolver({ importStyle: false })] })],
  resolve: {
    alias: {
      '@core': resolve(root, 'src/core'),
      '@contract': resolve(root, '../src-main/contract')
    }
  },
  build: {
    outDir: resolve(root, '../out/renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    chunkSizeWarningLimit: 4000,
    // Which chunk holds which module: tests check what a window loads before its first screen.
    manifest: true,
    rollupOptions: { input: resolve(root, 'index.html') }
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: false }
}

export default defineConfig(rendererConfig)
