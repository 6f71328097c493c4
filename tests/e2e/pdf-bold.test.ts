// Bold in the PDF without Type 3 fonts. The GB/T 9704 body faces have no bold face, and
// Chromium prints its synthetic bold (and stroked or shadowed text) as Type 3 fonts; the pages
// print bold runs in 黑体 instead. On the report with bold leads (tests/fixtures/varied-report.ts):
// 1. the PDF embeds only CID TrueType subsets, each face once, and bold runs are drawn in another
//    face than the body text around them; as a control, the same pages with synthetic bold do carry Type 3;
// 2. every character is in the PDF's text once (bold ones too), and every line stays inside the
//    type area (the measuring pass broke lines as the printed sheets do).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GBT9704_PROFILE } from '@core/layout'
import { mmToPt, pageGeometry } from '@core/pages/geometry'
import { variedReport } from '../fixtures/varied-report'
import { launchBrowser, serveRenderer, type BrowserSession, type RendererServer } from './harness'
import { PAGE_PDF_OPTIONS, pdfFonts, pdfLines, run, seedReport } from './pdf-helpers'

const ID = 'pdf-bold-varied'
const LAYOUT = { profileId: 'gbt9704', signatureRule: 'no-seal', metricTable: true } as const
const geo = pageGeometry(GBT9704_PROFILE)
/** Whitespace, zero-width spaces (blank grid lines) and the "— N —" page numbers removed. */
const squash = (s: string) => s.replace(/[\s\u200b]+/g, '').replace(/\u2014\d+\u2014/g, '')
const occurrences = (hay: string, needle: string) => hay.split(needle).length - 1

let server: RendererServer
let session: BrowserSession
let dir: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'huibao-pdf-bold-'))
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

async function openPrint(): Promise<void> {
  const { page } = session
  await page.goto('about:blank')
  await page.goto(`${server.url}#/reports/${ID}/print`)
  await page.locator('html.hb-print-ready').waitFor({ state: 'attached', timeout: 60_000 })
}

/** The face Chromium actually draws the first text node of the element matching `selector` with. */
async function drawnFace(selector: string): Promise<string> {
  const cdp = await session.context.newCDPSession(session.page)
  try {
    await cdp.send('DOM.enable')
    await cdp.send('CSS.enable')
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 })
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector })
    expect(nodeId, selector).toBeGreaterThan(0)
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId })
    // The face that drew most glyphs (a run may fall back to another face for a few), by its
    // PostScript name: the name the PDF's subset carries after its "ABCDEF+" tag.
    return [...fonts].sort((a, b) => b.glyphCount - a.glyphCount)[0]?.postScriptName ?? ''
  } finally {
    await cdp.detach()
  }
}

describe('bold in the PDF', () => {
  it('embeds no Type 3 font, and draws bold runs in a face of their own', async () => {
    await openPrint()
    const { page } = session
    expect(await page.locator('.hb-sheet .hb-run--bold').count()).toBeGreaterThan(10)
    const boldFace = await drawnFace('.hb-sheet p.hb-b--body .hb-run--bold')
    const bodyFace = await drawnFace('.hb-sheet p.hb-b--body span[data-run]:not(.hb-run--bold)')
    expect(boldFace).not.toBe('')
    expect(bodyFace).not.toBe('')
    expect(boldFace).not.toBe(bodyFace)
    const file = join(dir, 'bold.pdf')
    writeFileSync(file, await page.pdf(PAGE_PDF_OPTIONS))
    const fonts = await pdfFonts(file)
    expect(fonts.length).toBeGreaterThan(1)
    for (const f of fonts) {
      expect(f.type, f.name).toBe('CID TrueType')
      expect(f.embedded, f.name).toBe(true)
      expect(f.subset, f.name).toBe(true)
    }
    // Both faces are in the file: the bold runs were printed as text in theirs.
    const names = fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, ''))
    expect(names).toContain(boldFace)
    expect(names).toContain(bodyFace)
    // Each face once: bold asked at another weight than the 黑体 headings made Chromium embed
    // (and subset) the same face twice.
    expect(new Set(names).size).toBe(names.length)
  })

  it('would carry Type 3 fonts with synthetic bold: the fixture is a real test', async () => {
    await openPrint()
    const { page } = session
    // The former rule: weight 700 in the body face, which has no bold face of its own.
    await page.addStyleTag({ content: '.hb-run--bold { font-family: inherit !important; font-weight: 700 !important; }' })
    const file = join(dir, 'synthetic.pdf')
    writeFileSync(file, await page.pdf(PAGE_PDF_OPTIONS))
    expect((await pdfFonts(file)).filter((f) => f.type === 'Type 3').length).toBeGreaterThan(0)
  })

  it('gives every character once in the PDF text, bold ones included, inside the type area', async () => {
    await openPrint()
    const { page } = session
    const { sheets, bold } = await page.evaluate(() => ({
      sheets: Array.from(document.querySelectorAll<HTMLElement>('.hb-sheet')).map((s) => s.textContent ?? '').join(''),
      bold: Array.from(document.querySelectorAll<HTMLElement>('.hb-sheet .hb-run--bold')).map((s) => s.textContent ?? '')
    }))
    const file = join(dir, 'text.pdf')
    writeFileSync(file, await page.pdf(PAGE_PDF_OPTIONS))
    const pdfText = squash((await run('pdftotext', ['-enc', 'UTF-8', file, '-'])).stdout)
    const shown = squash(sheets)
    expect(shown.length).toBeGreaterThan(5000)
    // (textContent: sheets out of view are not rendered on screen, and innerText skips them.)
    // Not one character more or less than the sheets show (a double-drawn bold would add some).
    expect(pdfText.length).toBe(shown.length)
    const distinct = [...new Set(bold.map(squash).filter((t) => t !== ''))]
    expect(distinct.length).toBeGreaterThan(1)
    for (const t of distinct) expect(occurrences(pdfText, t), t).toBe(occurrences(shown, t))
    // Lines broken as measured: no page's text runs past the type area.
    const top = mmToPt(geo.marginTopMm)
    const bottom = top + mmToPt(geo.typeHeightMm)
    const pages = await pdfLines(file)
    expect(pages.length).toBeGreaterThan(8)
    pages.forEach((lines, i) => {
      for (const l of lines) {
        if (l.text.replace(/\s+/g, '') === `\u2014${i + 1}\u2014`) continue
        expect(l.yMin, `page ${i + 1}: "${l.text}"`).toBeGreaterThanOrEqual(top - 1)
        expect(l.yMax, `page ${i + 1}: "${l.text}"`).toBeLessThanOrEqual(bottom + 1)
      }
    })
  })
})
