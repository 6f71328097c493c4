// The renderer's own Vite config. electron-vite reuses it for the desktop build, and
// `npm run web` serves the very same app in a plain browser (development, e2e tests).
import { resolve } from 'node:path'
import { defineConfig, type Rolldown, type UserConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

const root = resolve(__dirname)

const ENTRY = resolve(root, 'src/main.ts')
const APP = resolve(root, 'src/app-main.ts')
const PRINT = resolve(root, 'src/print/boot.ts')
const PRINT_PAGE_WIDE = /[\\/]src[\\/](print[\\/]boot\.ts|views[\\/]PrintView\.vue|styles[\\/][^\\/]+\.css)/

/** Module ids statically reachable from `id` (what loading it evaluates). */
function staticClosure(ctx: Rolldown.ChunkingContext, id: string): Set<string> {
  const seen = new Set<string>()
  const stack = [id]
  while (stack.length) {
    const m = stack.pop()!
    if (seen.has(m)) continue
    seen.add(m)
    for (const dep of ctx.getModuleInfo(m)?.importedIds ?? []) stack.push(dep)
  }
  return seen
}

/** Per chunking pass (the module graph object is reused within one pass). */
const closures = new WeakMap<object, { entry: Set<string>; app: Set<string>; print: Set<string> }>()

/**
 * The print window (the PDF) loads 6 files instead of 13: what both the app and the print app
 * evaluate at start goes into one chunk `report-bundle` (the app loads all of it anyway); what only
 * the print app evaluates (the sheets, their layout, the read) into `print`, beside boot's own
 * chunk. Left alone, Rolldown cut them by which of the ~30 lazy chunks shares each module, and
 * every piece was one more request before the print app ran. The app's start-up modules are
 * unchanged (tests/e2e/startup-code.test.ts reads both windows' files).
 */
function startChunk(id: string, ctx: Rolldown.ChunkingContext): string | null {
  const key = ctx.getModuleInfo(APP)
  if (!key) return null
  let c = closures.get(key)
  if (!c) {
    c = { entry: staticClosure(ctx, ENTRY), app: staticClosure(ctx, APP), print: staticClosure(ctx, PRINT) }
    closures.set(key, c)
  }
  // zod: the print app only sets its config; the barrel's static imports reach every schema,
  // which tree-shaking drops from the print app, so zod keeps Rolldown's own placement.
  if (c.entry.has(id) || !c.print.has(id) || /[\\/]node_modules[\\/]zod[\\/]/.test(id)) return null
  if (c.app.has(id)) return 'report-bundle'
  // The print app's page-wide pieces (base.css, PrintView's @page) stay in boot's own chunk: the
  // editor, the page view and the dialogs load `print` for the sheet code they share with it, and
  // must not get those rules a second time, after the app's stylesheet.
  return PRINT_PAGE_WIDE.test(id) ? null : 'print'
}

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
    rollupOptions: {
      input: resolve(root, 'index.html'),
      output: { codeSplitting: { groups: [{ name: startChunk, includeDependenciesRecursively: false }] } }
    }
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: false }
}

export default defineConfig(rendererConfig)
