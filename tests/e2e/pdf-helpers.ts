// Helpers for the page-view / PDF end-to-end test: seed a report into the app's IndexedDB the
// way the app stores it, print the print view like Electron's printToPDF does, and read the
// PDF back with poppler.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import type { Page } from 'playwright-core'
import type { LoadedReport } from '../fixtures/sample-report'

export const run = promisify(execFile)

/** Rows as db/database.ts writes them (createReport): the report, its sections, its values. */
export async function seedReport(page: Page, loaded: LoadedReport, extra: Record<string, unknown> = {}): Promise<void> {
  const now = Date.now()
  const report = { ...loaded.report, ...extra, updatedAt: now }
  const sections = loaded.doc.content.map((json) => ({ reportId: report.id, id: json.attrs.id, json, updatedAt: now }))
  const values = loaded.values.map((v) => ({ ...v, reportId: report.id, updatedAt: now }))
  await page.evaluate(
    async ({ report, sections, values }) => {
      const db: IDBDatabase = await new Promise((ok, fail) => {
        const req = indexedDB.open('huibao')
        req.onsuccess = () => ok(req.result)
        req.onerror = () => fail(req.error)
      })
      await new Promise<void>((ok, fail) => {
        const tx = db.transaction(['reports', 'sections', 'metricValues'], 'readwrite')
        tx.objectStore('reports').put(report)
        for (const s of sections) tx.objectStore('sections').put(s)
        for (const v of values) tx.objectStore('metricValues').put(v)
        tx.oncomplete = () => ok()
        tx.onerror = () => fail(tx.error)
      })
      db.close()
    },
    JSON.parse(JSON.stringify({ report, sections, values }))
  )
}

/** The options main passes to webContents.printToPDF (src-main/main/pdf.ts), in Playwright's terms. */
export const PAGE_PDF_OPTIONS = {
  format: 'A4',
  preferCSSPageSize: true,
  printBackground: true,
  displayHeaderFooter: false,
  margin: { top: '0', right: '0', bottom: '0', left: '0' }
} as const

export interface PdfWord {
  text: string
  xMin: number
  yMin: number
  xMax: number
  yMax: number
}

export interface PdfLine {
  words: PdfWord[]
  text: string
  xMin: number
  xMax: number
  yMin: number
  yMax: number
}

/** Text lines per page with positions (pt, origin top left), from pdftotext -bbox-layout. */
export async function pdfLines(pdf: string): Promise<PdfLine[][]> {
  const html = (await run('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout
  const pages: PdfLine[][] = []
  for (const pageHtml of html.split(/<page /).slice(1)) {
    const lines: PdfLine[] = []
    for (const m of pageHtml.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
      const words = [...m[5].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({
        xMin: Number(w[1]),
        yMin: Number(w[2]),
        xMax: Number(w[3]),
        yMax: Number(w[4]),
        text: w[5].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
      }))
      lines.push({ words, text: words.map((w) => w.text).join(''), xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]) })
    }
    pages.push(lines)
  }
  return pages
}

export interface PdfFont {
  name: string
  type: string
  embedded: boolean
  subset: boolean
}

export async function pdfFonts(pdf: string): Promise<PdfFont[]> {
  const out = (await run('pdffonts', [pdf])).stdout.split('\n').slice(2).filter((l) => l.trim() !== '')
  return out.map((line) => {
    // name  type(with spaces)  encoding  emb sub uni object ID
    const m = /^(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line)
    if (!m) throw new Error(`pdffonts: unreadable line: ${line}`)
    return { name: m[1], type: m[2].trim(), embedded: m[4] === 'yes', subset: m[5] === 'yes' }
  })
}
