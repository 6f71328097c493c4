// Bundles the bench-only browser code with Vite into bench/.artifacts/: the plain ProseMirror
// baseline page, and the IndexedDB helpers injected into the app's page.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { build } from 'vite'
import { RENDERER_DIR } from '../../tests/e2e/harness'
import { NotAvailable } from '../lib/na'

export const BENCH_DIR = resolve(__dirname, '..')
export const ARTIFACTS_DIR = resolve(BENCH_DIR, '.artifacts')
export const PM_DIR = resolve(ARTIFACTS_DIR, 'pm')
const ROOT = resolve(BENCH_DIR, '..')

export async function bundle(entry: string, outDir: string, fileName: string, name: string): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'error',
    root: ROOT,
    resolve: {
      alias: {
        '@core': resolve(ROOT, 'src-renderer/src/core'),
        '@contract': resolve(ROOT, 'src-main/contract')
      }
    },
    build: {
      outDir,
      emptyOutDir: false,
      target: 'chrome130',
      minify: true,
      sourcemap: false,
      reportCompressedSize: false,
      lib: { entry, formats: ['iife'], name, fileName: () => fileName }
    }
  })
  return resolve(outDir, fileName)
}

/** The baseline page around pm.js: the app's body text look (font, size, line height, width) and its look of a suggested insertion (ReviewBar.vue), so the comparison is about the editor, not fonts. */
export function plainPageHTML(title: string, extraCSS = ''): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8"><title>${title}</title>
<style>body{margin:0}#editor{box-sizing:border-box;width:794px;margin:24px auto;padding:48px 64px;font:18px/1.9 'FangSong','AR PL UMing CN',serif}
#editor .ProseMirror{outline:none;white-space:pre-wrap;word-break:break-word}#editor p,#editor h1,#editor h2,#editor h3,#editor h4{margin:0;text-indent:2em;font-size:18px;font-weight:normal}
#editor ins.review-ins{color:#135c2e;background:#e3f4e8;text-decoration:underline;text-decoration-color:#2e8b57}${extraCSS}</style></head>
<body><div id="editor"></div><script src="./pm.js"></script></body></html>\n`
}

/**
 * The plain page with its blocks grouped for `content-visibility: auto`: `mount(blocks, mode)`
 * with mode 'none' (row 8's baseline), 'section' or 'chapter' (a level-1 section and those after
 * it). Returns the directory to serve.
 */
export async function buildPlainChaptersPage(): Promise<string> {
  const dir = resolve(ARTIFACTS_DIR, 'pm-chapters')
  mkdirSync(dir, { recursive: true })
  await bundle(resolve(BENCH_DIR, 'browser/pm-chapters-entry.ts'), dir, 'pm.js', 'HuibaoBenchPMChapters')
  writeFileSync(
    resolve(dir, 'index.html'),
    plainPageHTML(
      'content-visibility grain',
      `.cv-section section,.cv-section .preamble{content-visibility:auto;contain-intrinsic-size:auto 240px}
.cv-chapter .chapter,.cv-chapter .preamble{content-visibility:auto;contain-intrinsic-size:auto 3000px}`
    )
  )
  return dir
}

export interface BenchBundles {
  /** Directory with index.html + pm.js, to be served over loopback. */
  pmDir: string
  /** Source of the IIFE that defines window.__benchDB (inject with page.addScriptTag). */
  dbScript: string
}

export async function buildBenchBundles(): Promise<BenchBundles> {
  mkdirSync(PM_DIR, { recursive: true })
  await bundle(resolve(BENCH_DIR, 'browser/pm-entry.ts'), PM_DIR, 'pm.js', 'HuibaoBenchPM')
  writeFileSync(resolve(PM_DIR, 'index.html'), plainPageHTML('ProseMirror baseline'))
  const dbFile = await bundle(resolve(BENCH_DIR, 'browser/db-entry.ts'), ARTIFACTS_DIR, 'db.js', 'HuibaoBenchDB')
  return { pmDir: PM_DIR, dbScript: readFileSync(dbFile, 'utf8') }
}

/**
 * A private copy of the built renderer: other engineers rebuild out/ while the bench runs,
 * and a half-emptied out/renderer would fail a page load midway.
 */
export function snapshotRenderer(): string {
  if (!existsSync(resolve(RENDERER_DIR, 'index.html'))) {
    throw new NotAvailable('out/renderer/index.html is missing: run `npm run build` (npm run bench does)')
  }
  const dir = resolve(ARTIFACTS_DIR, 'renderer')
  rmSync(dir, { recursive: true, force: true })
  cpSync(RENDERER_DIR, dir, { recursive: true })
  return dir
}
