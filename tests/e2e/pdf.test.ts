// The page view and the PDF, end to end in Debian's Chromium: the sample's content is seeded
// into the built app, the page view is opened and photographed, the print view is printed with
// the options Electron's printToPDF gets, and poppler reads the PDF back: A4, embedded subset
// TrueType fonts (no Type 3), every section's text, page numbers on the outer side, and the
// standard's grid (22 lines, 28 characters) measured from text positions.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportReportDocx } from '@core/docx/export'
import { GBT9704_PROFILE, PRACTICE_PROFILE } from '@core/layout'
import { reportLayout } from '@core/pages/report-layout'
import type { LoadedReport } from '../fixtures/sample-report'
import { parseXml, all, child, unzipDocx } from '../unit/docx/helpers'
import { resolveReport } from '@core/resolve'
import type { ResolvedReport } from '@core/resolved'
import { mmToPt, pageGeometry } from '@core/pages/geometry'
import { loadSampleReport } from '../fixtures/sample-report'
import { createReportFromTemplate } from '@core/report-factory'
import { GOV_DISCLOSURE_TEMPLATE } from '@core/templates/gov-disclosure'
import { launchBrowser, serveRenderer, type BrowserSession, type RendererServer } from './harness'
import { setPdfProperties } from '../../src-main/main/pdf-meta'
import { readFileSync } from 'node:fs'
import { PAGE_PDF_OPTIONS, pdfFonts, pdfLines, run, seedReport, type PdfLine } from './pdf-helpers'

const ARTIFACTS = resolve(__dirname, '../.artifacts')
const REPORT_ID = 'pdf-e2e-sample'

let server: RendererServer
let session: BrowserSession
let dir: string
let pdf: string
let resolved: ResolvedReport
let pages: PdfLine[][]
let screenPages = 0
let loaded: LoadedReport
const LAYOUT = { profileId: 'gbt9704', signatureRule: 'no-seal', metricTable: true } as const

/** Whitespace, zero-width spaces (blank grid lines) and the "— N —" page numbers removed. */
const squash = (s: string) => s.replace(/[\s\u200b]+/g, '').replace(/\u2014\d+\u2014/g, '')
const runsText = (runs: { text: string }[]) => runs.map((r) => r.text).join('')
const geo = pageGeometry(GBT9704_PROFILE)

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'huibao-pdf-e2e-'))
  mkdirSync(ARTIFACTS, { recursive: true })
  server = await serveRenderer()
  session = await launchBrowser()
  loaded = loadSampleReport()
  loaded.report.id = REPORT_ID
  resolved = resolveReport(loaded.report, loaded.doc, loaded.template, loaded.values)
  const { page } = session
  await page.goto(server.url)
  await page.getByRole('button', { name: '新建报告' }).waitFor()
  await seedReport(page, loaded, { layout: LAYOUT })
})

afterAll(async () => {
  await session?.close()
  await server?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('page view', () => {
  it('shows the report as numbered A4 sheets with the layout choices', async () => {
    const { page } = session
    await page.goto(`${server.url}#/reports/${REPORT_ID}/pages`)
    const count = page.getByText(/^共 \d+ 页$/)
    await count.waitFor()
    screenPages = Number(/\d+/.exec((await count.textContent()) ?? '')?.[0])
    expect(screenPages).toBeGreaterThan(4)
    await expect.poll(() => page.getByRole('region', { name: /^第\d+页$/ }).count()).toBe(screenPages)
    expect(await page.getByRole('combobox', { name: '排版方案' }).inputValue()).toBe('gbt9704')
    // A sheet is 210 × 297 mm on screen (96 px per inch).
    const box = await page.getByRole('region', { name: '第1页' }).boundingBox()
    expect(box?.width).toBeCloseTo((210 / 25.4) * 96, 0)
    expect(box?.height).toBeCloseTo((297 / 25.4) * 96, 0)
    // Tall enough that a whole sheet fits the scrolling area, for the photographs.
    await page.setViewportSize({ width: 1400, height: 1500 })
    await page.getByRole('region', { name: '第1页' }).screenshot({ path: join(ARTIFACTS, 'page-view-1.png') })
    await page.getByRole('region', { name: `第${screenPages}页` }).scrollIntoViewIfNeeded()
    await page.getByRole('region', { name: `第${screenPages}页` }).screenshot({ path: join(ARTIFACTS, 'page-view-last.png') })
    await page.getByRole('region', { name: `第${screenPages - 2}页` }).scrollIntoViewIfNeeded()
    await page.getByRole('region', { name: `第${screenPages - 2}页` }).screenshot({ path: join(ARTIFACTS, 'page-view-signature.png') })
    await page.setViewportSize({ width: 1400, height: 900 })
  })
})

describe('PDF of the print view', () => {
  beforeAll(async () => {
    const { page } = session
    await page.goto(`${server.url}#/reports/${REPORT_ID}/print`)
    await page.locator('html.hb-print-ready').waitFor({ state: 'attached' })
    pdf = join(dir, 'report.pdf')
    writeFileSync(pdf, await page.pdf(PAGE_PDF_OPTIONS))
    writeFileSync(join(ARTIFACTS, 'page-view.pdf'), await page.pdf(PAGE_PDF_OPTIONS))
    pages = await pdfLines(pdf)
  })

  it('has the same pages as the page view, all A4, and the title as document title', async () => {
    const info = (await run('pdfinfo', ['-f', '1', '-l', '1000', pdf])).stdout
    const n = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])
    expect(n).toBe(screenPages)
    const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)]
    expect(sizes).toHaveLength(n)
    for (const [, w, h] of sizes) {
      expect(Number(w)).toBeCloseTo(595.3, 0)
      expect(Number(h)).toBeCloseTo(841.9, 0)
    }
    expect(/^Title:\s+(.*)$/m.exec(info)?.[1].trim()).toBe(resolved.title)
  })

  it('takes the title and author that main writes into the Chromium PDF', async () => {
    const withMeta = join(dir, 'with-meta.pdf')
    writeFileSync(withMeta, setPdfProperties(new Uint8Array(readFileSync(pdf)), { title: resolved.title, author: resolved.author }))
    const info = (await run('pdfinfo', [withMeta])).stdout
    expect(/^Title:\s+(.*)$/m.exec(info)?.[1].trim()).toBe(resolved.title)
    expect(/^Author:\s+(.*)$/m.exec(info)?.[1].trim()).toBe(resolved.author)
    expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])).toBe(pages.length)
  })

  it('embeds every font as a subset, none of them Type 3', async () => {
    const fonts = await pdfFonts(pdf)
    expect(fonts.length).toBeGreaterThan(0)
    for (const f of fonts) {
      expect(f.embedded, f.name).toBe(true)
      expect(f.subset, f.name).toBe(true)
      expect(f.type, f.name).not.toMatch(/Type 3/)
    }
  })

  it('carries every section, the signature, the date and the attachment as selectable text', async () => {
    const text = squash((await run('pdftotext', ['-enc', 'UTF-8', pdf, '-'])).stdout)
    expect(text).toContain(squash(resolved.title))
    expect(text).toContain(resolved.addressee)
    for (const p of resolved.preamble) expect(text).toContain(squash(runsText(p.runs)))
    for (const s of resolved.sections) {
      expect(text).toContain(squash(s.number + runsText(s.title)))
      for (const p of s.paragraphs) expect(text).toContain(squash(runsText(p.runs)))
    }
    for (const organ of resolved.signatures) expect(text).toContain(organ)
    expect(text).toContain(resolved.dateText)
    expect(text).toContain('附件：')
    expect(text).toContain('主要指标汇总表')
  })

  it('puts "— N —" 7 mm under the type area, right on odd pages and left on even ones, one character in', () => {
    const middle = mmToPt(geo.pageNumber.middleFromTopMm)
    const right = mmToPt(geo.widthMm - geo.marginRightMm) - geo.pageNumber.insetPt
    const left = mmToPt(geo.marginLeftMm) + geo.pageNumber.insetPt
    pages.forEach((lines, i) => {
      const n = i + 1
      const number = lines.find((l) => l.text.replace(/\s+/g, '') === `\u2014${n}\u2014`)
      expect(number, `page ${n} number`).toBeDefined()
      expect((number!.yMin + number!.yMax) / 2).toBeCloseTo(middle, -0.5)
      if (n % 2 === 1) expect(Math.abs(number!.xMax - right), `page ${n} right edge`).toBeLessThan(2)
      else expect(Math.abs(number!.xMin - left), `page ${n} left edge`).toBeLessThan(2)
    })
  })

  it('sets 22 lines on a full page and 28 characters on a full line (GB/T 9704 standard profile)', () => {
    const top = mmToPt(geo.marginTopMm)
    const bottom = top + mmToPt(geo.typeHeightMm)
    const bodyLines = (lines: PdfLine[]) => lines.filter((l) => l.yMin >= top - 2 && l.yMax <= bottom + 4 && squash(l.text) !== '')
    // Grid slot of every text line: lines sit on a 28.95 pt pitch from the top of the type area.
    // The glyph box of 16 pt text sits at a fixed offset inside its grid line: take the usual one.
    const offsets = pages
      .flatMap(bodyLines)
      .filter((l) => l.yMax - l.yMin < 20)
      .map((l) => (l.yMin - top) % geo.linePitchPt)
      .sort((a, b) => a - b)
    const first = top + offsets[Math.floor(offsets.length / 2)]
    const slots = pages.map((lines) =>
      [
        ...new Set(
          bodyLines(lines).map((l) => {
            const k = (l.yMin - first) / geo.linePitchPt
            // Title lines (22 pt) sit a little off the body baseline; everything else on the grid.
            if (l.yMax - l.yMin < 20) expect(Math.abs(k - Math.round(k)), `line "${l.text}" off the grid`).toBeLessThan(0.05)
            return Math.round(k)
          })
        )
      ].sort((a, b) => a - b)
    )
    for (const s of slots) {
      expect(Math.min(...s)).toBeGreaterThanOrEqual(0)
      expect(Math.max(...s)).toBeLessThanOrEqual(geo.linesPerPage - 1)
    }
    const counts22 = slots.map((s) => s.length)
    const reachesBottom = slots.map((s) => Math.max(...s) === geo.linesPerPage - 1)
    const summary = `lines per page: ${counts22.join(', ')}`
    // Body pages after the first: every one of the 22 grid lines carries text.
    const fullBodyPages = slots.filter((s, i) => i > 0 && s.length === geo.linesPerPage)
    expect(fullBodyPages.length, summary).toBeGreaterThanOrEqual(2)
    // Page 1: title, one blank line, then text down to the 22nd line.
    expect(reachesBottom[0], summary).toBe(true)
    expect(counts22[0], summary).toBe(geo.linesPerPage - 1)
    // A body page ends short only to keep a heading with its text (the next page opens with
    // one), or to send body lines along with the signature to the next page.
    const heading = /^(（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|\d+\.|（\d+）)/
    const signaturePage = pages.findIndex((lines) => lines.some((l) => squash(l.text) === resolved.dateText))
    for (let i = 1; i < signaturePage; i++) {
      if (counts22[i] === geo.linesPerPage || i + 1 === signaturePage) continue
      const next = bodyLines(pages[i + 1]).sort((a, b) => a.yMin - b.yMin)[0]
      expect(squash(next.text), `page ${i + 1} has ${counts22[i]} lines`).toMatch(heading)
    }
    // The signature page carries body text above the attachment note and the signature.
    const above = bodyLines(pages[signaturePage]).filter((l) => !squash(l.text).startsWith('附件') && !resolved.signatures.includes(squash(l.text)) && squash(l.text) !== resolved.dateText)
    expect(above.length).toBeGreaterThanOrEqual(2)
    const cjkOnly = /^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+$/
    const counts = pages
      .flatMap(bodyLines)
      .map((l) => squash(l.text))
      .filter((t) => cjkOnly.test(t))
      .map((t) => Array.from(t).length)
    expect(Math.max(...counts)).toBe(28)
    expect(counts.filter((c) => c === 28).length, `characters per line: ${counts.join(', ')}`).toBeGreaterThan(counts.length / 3)
    // A full line spans the type area: 156 mm.
    const widest = Math.max(...pages.flatMap(bodyLines).map((l) => l.xMax - l.xMin))
    expect(widest).toBeCloseTo(mmToPt(geo.typeWidthMm), -0.5)
  })
})

describe('the Word file of the same report', () => {
  let docxPages = 0
  let files: Record<string, string>

  beforeAll(async () => {
    const report = { ...loaded.report, layout: LAYOUT }
    const layout = reportLayout(report, loaded.template, loaded.values)
    const bytes = await exportReportDocx(resolved, layout.profile, { signatureRule: layout.signatureRule, attachments: layout.attachments })
    files = await unzipDocx(bytes)
    const docx = join(dir, 'report.docx')
    writeFileSync(docx, bytes)
    await run(
      'soffice',
      [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, docx],
      { timeout: 90_000 }
    )
    const info = (await run('pdfinfo', [join(dir, 'report.pdf')])).stdout
    docxPages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])
  }, 120_000)

  it('takes as many pages in LibreOffice as the PDF (±1)', () => {
    expect(docxPages).toBeGreaterThan(0)
    expect(Math.abs(docxPages - screenPages), `DOCX ${docxPages} pages, PDF ${screenPages}`).toBeLessThanOrEqual(1)
  })

  it('has the page setup, grid and outer page-number footers of the profile', () => {
    const doc = parseXml(files['word/document.xml'])
    const sect = all(doc, 'w:sectPr').at(-1)!
    const page = GBT9704_PROFILE.page
    expect(child(sect, 'w:pgSz')?.getAttribute('w:w')).toBe(String(page.widthTwips))
    expect(child(sect, 'w:pgSz')?.getAttribute('w:h')).toBe(String(page.heightTwips))
    const mar = child(sect, 'w:pgMar')!
    expect([mar.getAttribute('w:top'), mar.getAttribute('w:bottom'), mar.getAttribute('w:left'), mar.getAttribute('w:right')]).toEqual(
      [page.marginTopTwips, page.marginBottomTwips, page.marginLeftTwips, page.marginRightTwips].map(String)
    )
    expect(child(sect, 'w:docGrid')?.getAttribute('w:linePitch')).toBe(String(GBT9704_PROFILE.grid.linePitch))
    const refs = all(sect, 'w:footerReference').map((r) => r.getAttribute('w:type')).sort()
    expect(refs).toEqual(['default', 'even'])
    const jcs = Object.entries(files)
      .filter(([name]) => /^word\/footer\d*\.xml$/.test(name))
      .map(([, xml]) => all(parseXml(xml), 'w:jc')[0]?.getAttribute('w:val'))
      .sort()
    expect(jcs).toEqual(['left', 'right'])
  })
})

describe('the practice profile chosen in the page view', () => {
  it('labels its departures and centres the page numbers in the PDF', async () => {
    const { page } = session
    await page.goto(`${server.url}#/reports/${REPORT_ID}/pages`)
    await page.getByText(/^共 \d+ 页$/).waitFor()
    await page.getByRole('combobox', { name: '排版方案' }).selectOption('practice')
    const departures = page.getByRole('list', { name: '与国家标准不同之处' })
    await departures.waitFor()
    expect(await departures.getByRole('listitem').count()).toBe(PRACTICE_PROFILE.departures.length)
    await page.getByText(/^共 \d+ 页$/).waitFor()
    // Kept on the report: a fresh print view reads it back from the database.
    await page.goto(`${server.url}#/reports/${REPORT_ID}/print`)
    await page.locator('html.hb-print-ready').waitFor({ state: 'attached' })
    const practicePdf = join(dir, 'practice.pdf')
    writeFileSync(practicePdf, await page.pdf(PAGE_PDF_OPTIONS))
    const practice = await pdfLines(practicePdf)
    const g = pageGeometry(PRACTICE_PROFILE)
    const centre = mmToPt(g.marginLeftMm + g.typeWidthMm / 2)
    practice.forEach((lines, i) => {
      const number = lines.find((l) => l.text.replace(/\s+/g, '') === `\u2014${i + 1}\u2014`)
      expect(number, `page ${i + 1}`).toBeDefined()
      expect(Math.abs((number!.xMin + number!.xMax) / 2 - centre)).toBeLessThan(2)
    })
    await page.goto(`${server.url}#/reports/${REPORT_ID}/pages`)
    await page.getByRole('combobox', { name: '排版方案' }).selectOption('gbt9704')
  })
})

describe('from the editor', () => {
  it('opens the page view, warns about missing fonts, and opens the print view to save the PDF', async () => {
    const { page, context } = session
    await page.goto(`${server.url}#/reports/${REPORT_ID}`)
    await page.getByRole('textbox', { name: '报告正文' }).waitFor()
    await page.getByRole('button', { name: '页面视图' }).click()
    await page.getByText(/^共 \d+ 页$/).waitFor()
    expect(page.url()).toContain(`#/reports/${REPORT_ID}/pages`)

    await page.getByRole('button', { name: '导出PDF' }).click()
    // This machine has none of the Windows/GB2312 faces: the app says what replaces them.
    const check = page.getByRole('dialog', { name: '导出前字体检查' })
    await check.waitFor()
    expect(await check.textContent()).toContain('AR PL UMing CN')
    const popup = context.waitForEvent('page')
    await check.getByRole('button', { name: '继续导出' }).click()
    const printPage = await popup
    expect(printPage.url()).toContain(`#/reports/${REPORT_ID}/print?print=1`)
    await printPage.locator('html.hb-print-ready').waitFor({ state: 'attached' })
    expect(await printPage.title()).toBe(resolved.title)
    expect(await page.getByRole('status').textContent()).toContain('另存为 PDF')
    await printPage.close()
  })
})

describe('free attachment sections', () => {
  it('adds a written attachment after the metric table, numbered in the note and on its own page', async () => {
    const { page } = session
    await page.goto(`${server.url}#/reports/${REPORT_ID}/pages`)
    const count = page.getByText(/^共 \d+ 页$/)
    await count.waitFor()
    const before = Number(/\d+/.exec((await count.textContent()) ?? '')?.[0])
    await page.getByRole('button', { name: '编辑附件' }).click()
    const dialog = page.getByRole('dialog', { name: '附件' })
    await dialog.getByRole('button', { name: '添加附件' }).click()
    // A body without a title is refused with a reason, and nothing is saved.
    await dialog.getByRole('textbox', { name: '附件1正文' }).fill('第一段文字。')
    await dialog.getByRole('button', { name: '保存附件' }).click()
    expect(await dialog.getByRole('alert').textContent()).toContain('没有标题')
    await dialog.getByRole('textbox', { name: '附件1标题' }).fill('青石镇执法案件登记表')
    await dialog.getByRole('textbox', { name: '附件1正文' }).fill('案件按月登记，逐件核对。\n登记表由综合执法队保管。')
    await dialog.getByRole('button', { name: '保存附件' }).click()
    await expect.poll(async () => Number(/\d+/.exec((await page.getByText(/^共 \d+ 页$/).textContent()) ?? '')?.[0])).toBe(before + 1)
    const last = page.getByRole('region', { name: `第${before + 1}页` })
    await last.scrollIntoViewIfNeeded()
    expect(squash((await last.textContent()) ?? '')).toContain('附件2青石镇执法案件登记表案件按月登记，逐件核对。登记表由综合执法队保管。')
    const pagesText = squash((await page.locator('.hb-pages').textContent()) ?? '')
    expect(pagesText).toContain('附件：1.2024年度主要指标汇总表2.青石镇执法案件登记表')
  })
})

describe('a report with statistics tables (政府信息公开 template)', () => {
  it('prints every table inside the type area, header repeated, text after it on the grid', async () => {
    const { page } = session
    let n = 0
    const made = createReportFromTemplate(
      GOV_DISCLOSURE_TEMPLATE,
      { organs: ['青石镇人民政府'], addressee: '青山县人民政府办公室', year: 2024, date: '2025-01-20' },
      { reportId: 'pdf-e2e-gov', newSectionId: () => `gov-s${n++}`, now: Date.now() }
    )
    const values = made.values.map((v, i) => ({ ...v, value: (i % 7) + 1 }))
    const gov = resolveReport(made.report, made.doc, GOV_DISCLOSURE_TEMPLATE, values)
    await page.goto(server.url)
    // The app's first navigation (to #/) must be done, or it lands after ours and replaces it.
    await page.getByRole('button', { name: '新建报告' }).waitFor()
    await seedReport(page, { report: made.report, doc: made.doc, template: GOV_DISCLOSURE_TEMPLATE, values })
    await page.goto(`${server.url}#/reports/pdf-e2e-gov/print`)
    await page.locator('html.hb-print-ready').waitFor({ state: 'attached' })
    const file = join(dir, 'gov.pdf')
    writeFileSync(file, await page.pdf(PAGE_PDF_OPTIONS))
    const govPages = await pdfLines(file)
    const text = squash(govPages.flat().map((l) => l.text).join(''))
    const tables = gov.sections.flatMap((s) => s.tables ?? [])
    expect(tables.length).toBeGreaterThan(0)
    for (const t of tables) {
      expect(text).toContain(squash(t.title))
      for (const cell of t.header.flat()) expect(text).toContain(squash(cell.text))
      for (const r of t.rows) if (r.label) expect(text).toContain(squash(r.label))
    }
    const top = mmToPt(geo.marginTopMm)
    const bottom = top + mmToPt(geo.typeHeightMm)
    govPages.forEach((lines, i) => {
      for (const l of lines) {
        if (l.text.replace(/\s+/g, '') === `\u2014${i + 1}\u2014`) continue
        expect(l.yMin, `page ${i + 1}: "${l.text}"`).toBeGreaterThanOrEqual(top - 1)
        expect(l.yMax, `page ${i + 1}: "${l.text}"`).toBeLessThanOrEqual(bottom + 1)
      }
    })
    for (const f of await pdfFonts(file)) expect(f.type, f.name).not.toMatch(/Type 3/)
    await page.setViewportSize({ width: 1400, height: 1500 })
    await page.goto(`${server.url}#/reports/pdf-e2e-gov/pages`)
    await page.getByText(/^共 \d+ 页$/).waitFor()
    const tablePage = govPages.findIndex((lines) => lines.some((l) => squash(l.text).includes(squash(tables[0].title)))) + 1
    await page.getByRole('region', { name: `第${tablePage}页` }).scrollIntoViewIfNeeded()
    await page.getByRole('region', { name: `第${tablePage}页` }).screenshot({ path: join(ARTIFACTS, 'page-view-table.png') })
    await page.setViewportSize({ width: 1400, height: 900 })
  })
})
