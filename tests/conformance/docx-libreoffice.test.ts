// The sample report's DOCX opened by a real word processor: LibreOffice converts it to PDF and
// to plain text, poppler reads the PDF back. Checks page size, density (28 characters × 22
// lines), that every heading and figure survives, and that the text round-trips.
import { execFile, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { splitTitle, titleCharsPerLine } from '@core/docx/build'
import { exportReportDocx } from '@core/docx/export'
import { GBT9704_PROFILE, textWidthChars } from '@core/layout'
import { resolveReport } from '@core/resolve'
import type { ResolvedReport } from '@core/resolved'
import { loadSampleFigures } from '../fixtures/sample-figures'
import { loadSampleReport } from '../fixtures/sample-report'

const run = promisify(execFile)
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0
const TOOLS = ['soffice', 'pdfinfo', 'pdftotext', 'pdftoppm']
const missing = TOOLS.filter((t) => !has(t))
// Under CI the tools are installed, so a missing one is a failure, not a skip.
const skip = missing.length > 0 && !process.env.CI
const SKIP_REASON = `skipped: ${missing.join(', ')} not installed (LibreOffice and poppler-utils; CI installs them)`
if (skip) console.warn(`docx-libreoffice: ${SKIP_REASON}`)

const ARTIFACTS = resolve(__dirname, '../.artifacts')
const LO_TIMEOUT = 90_000

/** One LibreOffice conversion with a private profile, so parallel runs do not share a lock. */
async function soffice(dir: string, format: string, file: string): Promise<void> {
  await run(
    'soffice',
    [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--norestore', '--convert-to', format, '--outdir', dir, file],
    { timeout: LO_TIMEOUT }
  )
}

/** Whitespace, and the "— N —" page numbers pdftotext interleaves with the body, removed. */
function squash(text: string): string {
  return text.replace(/\u2014\s*\d+\s*\u2014/g, '').replace(/\s+/g, '')
}

const titleLines = (r: ResolvedReport) => splitTitle(r.title, titleCharsPerLine(GBT9704_PROFILE))

/** The paragraphs a reader sees, in order: what the plain-text export must give back. */
function expectedParagraphs(r: ResolvedReport): string[] {
  const join = (runs: { text: string }[]) => runs.map((x) => x.text).join('')
  return [
    ...titleLines(r),
    r.addressee,
    ...r.preamble.map((p) => join(p.runs)),
    ...r.sections.flatMap((s) => [s.number + join(s.title), ...s.paragraphs.map((p) => join(p.runs))]),
    ...r.signatures,
    r.dateText
  ]
    .map((t) => t.trim())
    .filter((t) => t !== '')
}

/** Lines the layout takes at 28 characters a line (title at 二号: fewer per line). */
function estimatePages(r: ResolvedReport): number {
  const perLine = GBT9704_PROFILE.charsPerLine
  const titlePerLine = Math.floor((perLine * GBT9704_PROFILE.sizes.body) / GBT9704_PROFILE.sizes.title)
  const lines = (text: string, indent: number, per = perLine) => Math.max(1, Math.ceil((textWidthChars(text) + indent) / per))
  let total = titleLines(r).reduce((n, t) => n + lines(t, 0, titlePerLine), 0)
  total += 1 + lines(r.addressee, 0) // blank line, addressee
  const body = expectedParagraphs(r).slice(titleLines(r).length + 1, -(r.signatures.length + 1))
  for (const p of body) total += lines(p, 2)
  total += 1 + r.signatures.length + 1 // blank line, signatures, date
  return Math.ceil(total / GBT9704_PROFILE.linesPerPage)
}

describe.skipIf(skip)(`DOCX in LibreOffice${skip ? ` (${SKIP_REASON})` : ''}`, () => {
  let dir: string
  let resolved: ResolvedReport
  let pdf: string
  let pages: number

  beforeAll(async () => {
    expect(missing, 'LibreOffice and poppler-utils are required').toEqual([])
    dir = mkdtempSync(join(tmpdir(), 'huibao-docx-'))
    const { report, doc, template, values } = loadSampleReport()
    resolved = resolveReport(report, doc, template, values)
    const docx = join(dir, 'report.docx')
    writeFileSync(docx, await exportReportDocx(resolved))
    await soffice(dir, 'pdf', docx)
    await soffice(dir, 'txt:Text (encoded):UTF8', docx)
    pdf = join(dir, 'report.pdf')
    const info = (await run('pdfinfo', [pdf])).stdout
    pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])
  }, 4 * LO_TIMEOUT)

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('lays every page out on A4', async () => {
    expect(pages).toBeGreaterThan(0)
    const info = (await run('pdfinfo', ['-f', '1', '-l', String(pages), pdf])).stdout
    const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)]
    expect(sizes).toHaveLength(pages)
    for (const [, w, h] of sizes) {
      // 210 × 297 mm = 595.3 × 841.9 pt
      expect(Number(w)).toBeCloseTo(595.3, 0)
      expect(Number(h)).toBeCloseTo(841.9, 0)
    }
  })

  it('keeps the title, every heading and every figure in the PDF text', async () => {
    const text = squash((await run('pdftotext', ['-enc', 'UTF-8', pdf, '-'])).stdout)
    expect(text).toContain(squash(resolved.title))
    for (const s of resolved.sections) expect(text).toContain(squash(s.number + s.title.map((r) => r.text).join('')))
    expect(text).toContain('120余次')
    for (const figure of loadSampleFigures()) expect(text).toContain(figure.text)
  })

  it('sets 28 characters to a line and 22 lines to a page', async () => {
    const layout = (await run('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'])).stdout
    const pageTexts = layout.split('\f').filter((p) => p.trim() !== '')
    expect(pageTexts).toHaveLength(pages)
    const bodyLines = (page: string) =>
      page
        .split('\n')
        .map((l) => l.replace(/\s+/g, ''))
        .filter((l) => l !== '' && !/^\u2014\d+\u2014$/.test(l))
    // The line pitch fills the type area with 22 lines. Page 1 has one blank line under the
    // title; a heading kept with its text may leave a page a line short.
    const counts22 = pageTexts.map((page, i) => bodyLines(page).length + (i === 0 ? 1 : 0))
    for (const n of counts22) expect(n).toBeLessThanOrEqual(22)
    const full = counts22.slice(0, -1).filter((n) => n === 22).length
    expect(full, `lines per page: ${counts22.join(', ')}`).toBeGreaterThanOrEqual(Math.ceil((pages - 1) / 2))
    // Lines of Chinese text only (no digits, Latin or curly quotes, whose width depends on the
    // font) carry 28 characters. A closing mark may hang past the margin (Word and LibreOffice
    // both allow it), so a trailing punctuation mark is not counted.
    const cjkLines = pageTexts.flatMap(bodyLines).filter((l) => /^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+$/.test(l))
    const counts = cjkLines.map((l) => Array.from(l).length - (/[\u3000-\u303f\uff00-\uff0f\uff1a-\uff20]$/.test(l) ? 1 : 0))
    expect(Math.max(...counts)).toBeLessThanOrEqual(28)
    expect(counts.filter((n) => n >= 27).length, `characters per line: ${counts.join(', ')}`).toBeGreaterThan(counts.length / 3)
    expect(counts).toContain(28)
  })

  it('keeps punctuation inside the type area: nothing hangs into the right margin', async () => {
    // The file says "no hanging punctuation" the ECMA-376 way (w:overflowPunct w:val="0", what
    // Word and WPS read). LibreOffice's DOCX import reads the flag inverted (writerfilter maps
    // val 0 to ParaIsHangingPunctuation = true), so the check converts a copy carrying the value
    // LibreOffice understands: what is measured is the line fitting with hanging off.
    const files = unzipSync(readFileSync(join(dir, 'report.docx')))
    const styles = strFromU8(files['word/styles.xml'])
    expect(styles).toContain('<w:overflowPunct w:val="0"/>')
    files['word/styles.xml'] = strToU8(styles.replaceAll('<w:overflowPunct w:val="0"/>', '<w:overflowPunct w:val="1"/>'))
    const loDir = join(dir, 'lo-reading')
    mkdirSync(loDir, { recursive: true })
    writeFileSync(join(loDir, 'report.docx'), zipSync(files))
    await soffice(loDir, 'pdf', join(loDir, 'report.docx'))
    // Word boxes from the PDF's text positions (points from the page's top left).
    const html = (await run('pdftotext', ['-bbox', '-enc', 'UTF-8', join(loDir, 'report.pdf'), '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout
    const words = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      xMax: Number(m[3]),
      text: m[5]
    }))
    const page = GBT9704_PROFILE.page
    const rightEdge = (page.widthTwips - page.marginRightTwips) / 20
    // Lines that end at the edge (justified body lines): proof the check looks at real text.
    const full = words.filter((w) => w.xMax > rightEdge - 2)
    expect(full.length).toBeGreaterThan(20)
    const hanging = words.filter((w) => w.xMax > rightEdge + 0.5).map((w) => `${w.text} ${(w.xMax - rightEdge).toFixed(1)}pt`)
    expect(hanging, `past the right edge at ${rightEdge} pt`).toEqual([])
  }, LO_TIMEOUT)

  it('takes a plausible number of pages for the text', () => {
    const estimate = estimatePages(resolved)
    expect(pages).toBeGreaterThanOrEqual(5)
    expect(pages).toBeLessThanOrEqual(8)
    expect(Math.abs(pages - estimate)).toBeLessThanOrEqual(1)
  })

  it('round-trips the paragraph text through LibreOffice', () => {
    const txt = readFileSync(join(dir, 'report.txt'), 'utf8').replace(/^\uFEFF/, '')
    const got = txt
      .split(/\r?\n|\u2028/)
      .map((l) => l.trim())
      .filter((l) => l !== '')
    expect(got).toEqual(expectedParagraphs(resolved))
  })

  it('renders page 1 to an image for a visual check', async () => {
    mkdirSync(ARTIFACTS, { recursive: true })
    const prefix = join(ARTIFACTS, 'docx-libreoffice-page')
    await run('pdftoppm', ['-r', '50', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, prefix])
    const png = readFileSync(`${prefix}.png`)
    expect(existsSync(`${prefix}.png`)).toBe(true)
    // PNG signature, and an A4 page at 50 dpi is about 413 × 585 pixels.
    expect(Array.from(png.subarray(1, 4))).toEqual([0x50, 0x4e, 0x47])
    expect(png.readUInt32BE(16)).toBeCloseTo(413, -1)
    expect(png.readUInt32BE(20)).toBeCloseTo(585, -1)
  })
})
