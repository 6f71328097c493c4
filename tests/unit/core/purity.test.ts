// The domain core runs in Node tests, the renderer and (later) a worker: it must not reach
// for UI frameworks, storage, Electron or the DOM.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const CORE = resolve(__dirname, '../../../src-renderer/src/core')
const FORBIDDEN_MODULES = /^(vue|vue-router|pinia|dexie|dexie-export-import|electron|element-plus|@element-plus\/.*|@tiptap\/.*|@vue\/.*)$/

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx|js|mjs|vue)$/.test(name) ? [path] : []
  })
}

/** Drops comments so prose like "document order" is not mistaken for code. */
function stripComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1')
}

function importedModules(code: string): string[] {
  const specs: string[] = []
  const patterns = [
    /\bimport\s+(?:type\s+)?(?:[\w*{}\s,$]+\s+from\s+)?['"]([^'"]+)['"]/g,
    /\bexport\s+(?:type\s+)?[\w*{}\s,$]+\s+from\s+['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g
  ]
  for (const re of patterns) for (const m of code.matchAll(re)) specs.push(m[1])
  return specs
}

/** Uses of the browser globals, unless the file declares a local of that name. */
function domGlobalUses(code: string): string[] {
  const uses: string[] = []
  for (const name of ['window', 'document']) {
    const local = new RegExp(`\\b(const|let|var|function|class)\\s+${name}\\b|[(,]\\s*${name}\\s*[:,)=]`).test(code)
    if (local) continue
    const use = new RegExp(`(?<![.\\w$'"/])${name}\\s*(\\.|\\[|\\?\\.)|\\btypeof\\s+${name}\\b|globalThis\\.${name}\\b`)
    if (use.test(code)) uses.push(name)
  }
  return uses
}

describe('the domain core is pure', () => {
  const files = sourceFiles(CORE)

  it('finds the core sources', () => {
    expect(files.length).toBeGreaterThanOrEqual(10)
  })

  it('the checks catch what they are meant to catch', () => {
    expect(importedModules("import { ref } from 'vue'\nimport type { Editor } from '@tiptap/core'\nconst d = await import('dexie')")).toEqual(['vue', '@tiptap/core', 'dexie'])
    expect(importedModules("export { x } from 'pinia'")).toEqual(['pinia'])
    expect(domGlobalUses(stripComments('// keeps document order\nconst x = 1'))).toEqual([])
    expect(domGlobalUses('const w = window.innerWidth')).toEqual(['window'])
    expect(domGlobalUses("if (typeof document !== 'undefined') {}")).toEqual(['document'])
    expect(domGlobalUses('const document = new Document({}); document.sections')).toEqual([])
    // A path such as 'word/document.xml' (a .docx part name) is not the DOM global.
    expect(domGlobalUses("const part = 'word/document.xml'")).toEqual([])
  })

  for (const file of sourceFiles(CORE)) {
    const name = relative(CORE, file)
    it(`${name} imports no UI, storage or Electron module and no DOM global`, () => {
      const code = stripComments(readFileSync(file, 'utf8'))
      const bad = importedModules(code).filter((m) => FORBIDDEN_MODULES.test(m))
      expect(bad, `${name} imports ${bad.join(', ')}`).toEqual([])
      expect(domGlobalUses(code), `${name} uses DOM globals`).toEqual([])
    })
  }
})
