// The PDF's fast line measuring against the careful one, on a report made to be hard to measure
// (tests/fixtures/varied-report.ts: headings of four levels, metric and plain tables, figures,
// bold, Latin and digits, punctuation walked across every line position so kinsoku moves
// characters). The paginator needs where lines at page ends begin: `lineStartsAt` finds them by
// binary search on the laid-out paragraph, `lineStarts` reads every character's position.
// 1. On every paragraph printed, both give the same start for every line.
// 2. The print app prints the same PDF, line for line, with either (`?measure=careful`).
// 3. The print window runs the lean print app: no editor, Element Plus or router code loaded.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GBT9704_PROFILE } from '@core/layout'
import { pageGeometry } from '@core/pages/geometry'
import { variedReport } from '../fixtures/varied-report'
import { launchBrowser, serveRenderer, type BrowserSession, type RendererServer } from './harness'
import { PAGE_PDF_OPTIONS, pdfLines, seedReport } from './pdf-helpers'

const ROOT = resolve(__dirname, '../..')
const ID = 'pdf-measure-varied'
const LAYOUT = { profileId: 'gbt9704', signatureRule: 'no-seal', metricTable: true } as const
const pitchPt = pageGeometry(GBT9704_PROFILE).linePitchPt

let server: RendererServer
let session: BrowserSession
let dir: string
/** measure.ts as a script defining window.HuibaoMeasure, to run both ways on the printed sheets. */
let measureScript: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'huibao-pdf-measure-'))
  await build({
    configFile: false,
    logLevel: 'error',
    root: ROOT,
    resolve: { alias: { '@core': resolve(ROOT, 'src-renderer/src/core') } },
    build: {
      outDir: dir,
      emptyOutDir: false,
      target: 'chrome130',
      minify: false,
      reportCompressedSize: false,
      lib: { entry: resolve(ROOT, 'src-renderer/src/components/pages/measure.ts'), formats: ['iife'], name: 'HuibaoMeasure', fileName: () => 'measure.js' }
    }
  })
  measureScript = readFileSync(join(dir, 'measure.js'), 'utf8')
  server = await serveRenderer()
  session = await launchBrowser()
  const { page } = session
  await page.goto(server.url)
  await page.getByRole('button', { name: '新建报告' }).waitFor()
  await seedReport(page, variedReport(ID), { layout: LAYOUT })
}, 120_000)

afterAll(async () => {
  await session?.close()
  await server?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** A fresh load of the print route (the print app reads the location once), laid out. */
async function openPrint(query = ''): Promise<void> {
  const { page } = session
  await page.goto('about:blank')
  await page.goto(`${server.url}#/reports/${ID}/print${query}`)
  await page.locator('html.hb-print-ready').waitFor({ state: 'attached', timeout: 60_000 })
}

describe('PDF line measuring', () => {
  it('finds the same line starts the fast way as character by character, on every printed paragraph', async () => {
    await openPrint()
    const { page } = session
    await page.addScriptTag({ content: measureScript })
    const result = await page.evaluate((pitch) => {
      const m = (window as unknown as { HuibaoMeasure: typeof import('../../src-renderer/src/components/pages/measure') }).HuibaoMeasure
      const mismatches: string[] = []
      let lines = 0
      let closingAtEnd = 0
      let openingAtStart = 0
      const paragraphs = Array.from(document.querySelectorAll<HTMLElement>('.hb-sheet p.hb-b--body'))
      for (const [i, p] of paragraphs.entries()) {
        const text = Array.from(p.querySelectorAll('[data-run]')).map((r) => r.textContent ?? '').join('')
        const careful = m.lineStarts(p, pitch)
        const wanted = careful.map((_, k) => k).slice(1)
        wanted.push(careful.length) // one past the last line: the text's length
        const fast = m.lineStartsAt(p, pitch, wanted)
        for (const k of wanted) {
          const expected = k < careful.length ? careful[k] : text.length
          if (fast.get(k) !== expected) mismatches.push(`paragraph ${i} line ${k}: fast ${fast.get(k)}, careful ${expected} in "${text.slice(0, 20)}…"`)
        }
        if (m.measureBlock(p, pitch).lines !== careful.length) mismatches.push(`paragraph ${i}: ${m.measureBlock(p, pitch).lines} lines by height, ${careful.length} by characters`)
        lines += careful.length
        for (const s of careful.slice(1)) {
          if ('，。、；：”）》！'.includes(text[s - 1])) closingAtEnd++
          if ('“（《'.includes(text[s])) openingAtStart++
        }
      }
      return { mismatches, paragraphs: paragraphs.length, lines, closingAtEnd, openingAtStart }
    }, pitchPt)
    expect(result.mismatches).toEqual([])
    // The fixture did its job: many lines, punctuation at both edges of lines.
    expect(result.paragraphs).toBeGreaterThan(60)
    expect(result.lines).toBeGreaterThan(300)
    expect(result.closingAtEnd).toBeGreaterThan(20)
    expect(result.openingAtStart).toBeGreaterThan(3)
  })

  it('breaks lines in the hidden measuring column (not justified) where the justified sheets do', async () => {
    await openPrint()
    const { page } = session
    await page.addScriptTag({ content: measureScript })
    const result = await page.evaluate((pitch) => {
      const m = (window as unknown as { HuibaoMeasure: typeof import('../../src-renderer/src/components/pages/measure') }).HuibaoMeasure
      // A column like the measuring one, in the same page (its rules and the profile's sizes).
      const column = document.createElement('div')
      column.className = 'hb-measure'
      document.querySelector('.hb-pages')!.appendChild(column)
      const mismatches: string[] = []
      const aligns = new Set<string>()
      let body = 0
      let headings = 0
      for (const p of Array.from(document.querySelectorAll<HTMLElement>('.hb-sheet p.hb-b--body, .hb-sheet p.hb-b--heading'))) {
        const copy = p.cloneNode(true) as HTMLElement
        column.appendChild(copy)
        aligns.add(`${getComputedStyle(p).textAlign} → ${getComputedStyle(copy).textAlign}`)
        if (p.classList.contains('hb-b--body')) {
          body++
          const sheet = m.lineStarts(p, pitch).join(',')
          const measured = m.lineStarts(copy, pitch).join(',')
          if (sheet !== measured) mismatches.push(`"${(p.textContent ?? '').slice(0, 20)}…": sheet ${sheet}, measuring ${measured}`)
        } else {
          headings++
          if (m.measureBlock(p, pitch).lines !== m.measureBlock(copy, pitch).lines) mismatches.push(`heading "${p.textContent}"`)
        }
        copy.remove()
      }
      column.remove()
      return { mismatches, aligns: [...aligns], body, headings }
    }, pitchPt)
    expect(result.mismatches).toEqual([])
    // The two really differ in alignment, and the fixture has the paragraphs to compare.
    expect(result.aligns).toEqual(['justify → left'])
    expect(result.body).toBeGreaterThan(60)
    expect(result.headings).toBeGreaterThan(10)
  })

  it('prints the same lines with paragraphs grouped as HTML as with each fragment on its own, and every fragment is as tall as its text', async () => {
    await openPrint()
    const { page } = session
    const print = async (name: string) => {
      const file = join(dir, name)
      writeFileSync(file, await page.pdf(PAGE_PDF_OPTIONS))
      return (await pdfLines(file)).map((lines) => lines.map((l) => `${l.text} @${l.xMin.toFixed(1)},${l.yMin.toFixed(1)}`))
    }
    const fit = await page.evaluate((pitch) => {
      const px = (pitch * 96) / 72
      const off: string[] = []
      let checked = 0
      // The measuring decided each fragment's height in lines; the text drawn in it must take
      // that many, counted as the measuring counts (a line with Latin or digits in a fallback
      // face is a little taller than the pitch; a wrong count is off by a whole line).
      for (const frag of Array.from(document.querySelectorAll<HTMLElement>('.hb-sheet .hb-frag'))) {
        const p = frag.firstElementChild as HTMLElement | null
        if (!p?.matches('p.hb-b--body, p.hb-b--heading')) continue
        checked++
        const lines = frag.getBoundingClientRect().height / px
        const text = p.getBoundingClientRect().height / px
        if (Math.round(lines) !== Math.round(text)) off.push(`"${(p.textContent ?? '').slice(0, 16)}…": ${lines} lines given, ${text} drawn`)
      }
      return { off, checked, groups: document.querySelectorAll('.hb-sheet .hb-frags').length }
    }, pitchPt)
    expect(fit.off).toEqual([])
    expect(fit.checked).toBeGreaterThan(80)
    expect(fit.groups).toBeGreaterThan(8)
    const grouped = await print('grouped.pdf')
    // The markup before grouping: every fragment a direct child of the type area.
    const unwrapped = await page.evaluate(() => {
      for (const g of Array.from(document.querySelectorAll('.hb-frags'))) g.replaceWith(...Array.from(g.childNodes))
      return document.querySelectorAll('.hb-frags').length === 0 && Array.from(document.querySelectorAll('.hb-area')).every((a) => Array.from(a.children).every((c) => c.classList.contains('hb-frag')))
    })
    expect(unwrapped).toBe(true)
    const single = await print('single.pdf')
    expect(grouped.length).toBeGreaterThan(8)
    expect(grouped).toEqual(single)
  })

  it('prints the same pages, line for line, with the fast and the careful measuring', async () => {
    const { page } = session
    const print = async (query: string, name: string) => {
      await openPrint(query)
      const file = join(dir, name)
      writeFileSync(file, await page.pdf(PAGE_PDF_OPTIONS))
      return pdfLines(file)
    }
    const fast = await print('', 'fast.pdf')
    const careful = await print('?measure=careful', 'careful.pdf')
    expect(fast.length).toBeGreaterThan(8)
    expect(fast.map((lines) => lines.map((l) => l.text))).toEqual(careful.map((lines) => lines.map((l) => l.text)))
    // Paragraphs do run over page ends (so the cut offsets were used): a page ends in a full line
    // that the next page's first line continues without indent.
    const pageWidth = (lines: typeof fast[number]) => Math.max(...lines.map((l) => l.xMax))
    const continued = fast.slice(1).filter((lines, i) => {
      const before = fast[i].filter((l) => !/^—\d+—$/.test(l.text.replace(/\s+/g, '')))
      const last = before[before.length - 1]
      return last && last.xMax > pageWidth(before) - 2 && lines[0] && lines[0].xMin < Math.min(...lines.map((l) => l.xMin)) + 1
    })
    expect(continued.length).toBeGreaterThan(3)
  })

  it('runs the print window on the print app alone: no editor, Element Plus or router code', async () => {
    const { page } = session
    // Markers these libraries leave in their code, which survive minifying.
    const foreign = /ProseMirror-|prosemirror|@tiptap|el-button|ElementPlus|createWebHashHistory|RouterView/
    const loadedScripts = async () => {
      const urls = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\.js(\?|$)/.test(n)))
      return Promise.all(urls.map(async (url) => ({ url, text: await (await fetch(url)).text() })))
    }
    await openPrint()
    const print = await loadedScripts()
    expect(print.length).toBeGreaterThan(0)
    for (const { url, text } of print) expect(text, url).not.toMatch(foreign)
    // The markers are real: the editor's page loads code carrying them.
    await page.goto('about:blank')
    await page.goto(`${server.url}#/reports/${ID}`)
    await page.getByRole('textbox', { name: '报告正文' }).waitFor()
    expect((await loadedScripts()).filter(({ text }) => foreign.test(text)).length).toBeGreaterThan(0)
    // And the app's page loaded on the same route by a hash change comes back as the print app.
    await page.goto(`${server.url}#/reports/${ID}/pages`)
    await page.getByText(/^共 \d+ 页$/).waitFor()
    await page.goto(`${server.url}#/reports/${ID}/print`)
    await page.locator('html.hb-print-ready').waitFor({ state: 'attached' })
    expect(await page.locator('.app-bar').count()).toBe(0)
    // Leaving it by a hash change brings the app back.
    await page.goto(`${server.url}#/reports/${ID}/pages`)
    await page.getByText(/^共 \d+ 页$/).waitFor()
    expect(await page.locator('.app-bar').count()).toBe(1)
  })
})
