// What a window loads before its first screen (issue 11 item 2): the report list must not wait
// for the editor (TipTap), the Word reader and writer, the backup and recovery code or the
// dialogs — they load when used, or once the list is idle. Read from the built renderer: the
// Vite manifest gives each chunk's static imports, and the unminified build names each module
// it holds in a `// path` line. A positive control shows those lines are there to be found.
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const OUT = resolve(__dirname, '../../out/renderer')
const MANIFEST = resolve(OUT, '.vite/manifest.json')

interface ManifestChunk {
  file: string
  imports?: string[]
  dynamicImports?: string[]
}
type Manifest = Record<string, ManifestChunk>

function manifest(): Manifest {
  if (!existsSync(MANIFEST)) throw new Error(`no ${MANIFEST}: run \`npm run build\` first`)
  return JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest
}

/** Every chunk file the browser loads statically from `key` (dynamic imports not followed). */
function staticClosure(m: Manifest, key: string): string[] {
  const files = new Set<string>()
  const seen = new Set<string>()
  const visit = (k: string) => {
    if (seen.has(k)) return
    seen.add(k)
    const chunk = m[k]
    if (!chunk) throw new Error(`manifest has no ${k}`)
    files.add(chunk.file)
    chunk.imports?.forEach(visit)
  }
  visit(key)
  return [...files]
}

/** The modules bundled into these files, by their `// path` lines. */
function modulesIn(files: string[]): string[] {
  const out: string[] = []
  for (const f of files) {
    for (const line of readFileSync(resolve(OUT, f), 'utf8').split('\n')) {
      const m = /^\/\/ ((?:src-renderer|node_modules)\/\S+)/.exec(line)
      if (m) out.push(m[1].replace(/\?vue&.*$/, ''))
    }
  }
  return out
}

const NOT_AT_START: Array<[string, RegExp]> = [
  ['the editor (TipTap / ProseMirror)', /^node_modules\/(@tiptap|prosemirror-view)\//],
  ['the Word writer (docx)', /^node_modules\/docx\//],
  ['the Word reader (XML parser, document reader)', /^(node_modules\/(saxes|xmlchars)\/|src-renderer\/src\/core\/import\/(read|build)\.ts)/],
  ['the backup and recovery code', /^(node_modules\/dexie-export-import\/|src-renderer\/src\/(db\/backup|services\/recovery|services\/backup)\.ts)/],
  ['the report list dialogs', /^src-renderer\/src\/components\/home\/(NewReportDialog|ImportWordDialog|RenameReportDialog|StartupError)\.vue/],
  ['the editor view', /^src-renderer\/src\/views\/EditorView\.vue/]
]

describe('start-up code (the built renderer)', () => {
  it('the app and its report list load none of the code that only later actions need', () => {
    const m = manifest()
    const atStart = modulesIn(staticClosure(m, 'src/app-main.ts'))
    // The list and the shell are there: the check reads real module lines.
    expect(atStart).toContain('src-renderer/src/views/ReportListView.vue')
    expect(atStart.some((p) => p.startsWith('node_modules/dexie/'))).toBe(true)
    for (const [what, pattern] of NOT_AT_START) {
      expect(
        atStart.filter((p) => pattern.test(p)),
        `${what} is loaded at start-up`
      ).toEqual([])
    }
  })

  it('positive control: the same reading finds that code where it is loaded', () => {
    const m = manifest()
    const dialog = modulesIn(staticClosure(m, 'src/components/home/ImportWordDialog.vue'))
    expect(dialog.some((p) => NOT_AT_START[2][1].test(p))).toBe(true)
    const editor = modulesIn(staticClosure(m, 'src/views/EditorView.vue'))
    expect(editor.some((p) => NOT_AT_START[0][1].test(p))).toBe(true)
  })

  it('the print window (PDF) loads a few files and none of the app code; the app loads none of the print app', () => {
    const m = manifest()
    // main.ts imports the print app dynamically: its chunk is the one that holds print/boot.ts.
    const entry = m['index.html']
    const printKey = entry.dynamicImports?.find((k) => modulesIn([m[k].file]).includes('src-renderer/src/print/boot.ts'))
    expect(printKey, 'no chunk holds the print app').toBeDefined()
    const files = [entry.file, ...staticClosure(m, printKey!)]
    // Each file is one more request before the print app runs (Rolldown's own cut was 13).
    expect(new Set(files).size).toBeLessThanOrEqual(6)
    const printing = modulesIn(files)
    expect(printing).toContain('src-renderer/src/views/PrintView.vue')
    expect(printing.some((p) => p.startsWith('node_modules/dexie/'))).toBe(true)
    const appOnly = /^(node_modules\/(element-plus|@element-plus|vue-router|@tiptap|prosemirror-view|docx|saxes)\/|src-renderer\/src\/(editor\/|components\/editor\/|app-main\.ts|router\.ts|App\.vue|stores\/|views\/ReportListView\.vue))/
    expect(printing.filter((p) => appOnly.test(p))).toEqual([])
    const atStart = modulesIn(staticClosure(m, 'src/app-main.ts'))
    expect(atStart.filter((p) => /^src-renderer\/src\/(print\/boot\.ts|views\/PrintView\.vue|services\/printable\.ts)/.test(p))).toEqual([])
  })
})
