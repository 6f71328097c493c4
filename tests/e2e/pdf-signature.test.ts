// Issue 12 item 4: the PDF's signature block follows GB/T 9704 §7.3.5 in Chromium's own metrics,
// measured from the printed PDF's text positions: without a seal the signature ends two
// characters from the right edge of the type area and the date's first character is two
// characters right of the signature's; with a seal the date ends four characters from the
// right and each organ is centred over it. Single and joint organs.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GBT9704_PROFILE } from '@core/layout'
import { mmToPt, pageGeometry } from '@core/pages/geometry'
import { createReportFromTemplate } from '@core/report-factory'
import { RULE_OF_LAW_TEMPLATE } from '@core/templates'
import { launchBrowser, serveRenderer, type BrowserSession, type RendererServer } from './harness'
import { PAGE_PDF_OPTIONS, pdfLines, seedReport, type PdfLine } from './pdf-helpers'

let server: RendererServer
let session: BrowserSession
let dir: string
const geo = pageGeometry(GBT9704_PROFILE)
const squash = (s: string) => s.replace(/[\s\u200b]+/g, '')
/** Right edge of the type area and one body character, in PDF points. */
const rightEdge = mmToPt(geo.widthMm - geo.marginRightMm)
const char = geo.charPitchPt

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'huibao-sig-e2e-'))
  server = await serveRenderer()
  session = await launchBrowser()
  await session.page.goto(server.url)
  await session.page.getByRole('button', { name: '新建报告' }).waitFor()
})

afterAll(async () => {
  await session?.close()
  await server?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** Prints a fresh report with these organs and rule; returns the signature lines and the date line. */
async function printed(id: string, organs: string[], rule: 'no-seal' | 'with-seal'): Promise<{ organs: PdfLine[]; date: PdfLine }> {
  const { page } = session
  let n = 0
  const made = createReportFromTemplate(
    RULE_OF_LAW_TEMPLATE,
    { organs, addressee: '青山县人民政府', year: 2024, date: '2025-01-20' },
    { reportId: id, newSectionId: () => `${id}-s${n++}`, now: Date.now() }
  )
  await page.goto(server.url)
  // The app's first navigation (to #/) must be done, or it lands after ours and replaces it.
  await page.getByRole('button', { name: '新建报告' }).waitFor()
  await seedReport(page, { report: made.report, doc: made.doc, template: RULE_OF_LAW_TEMPLATE, values: made.values }, { layout: { profileId: 'gbt9704', signatureRule: rule, metricTable: false } })
  await page.goto(`${server.url}#/reports/${id}/print`)
  await page.locator('html.hb-print-ready').waitFor({ state: 'attached' })
  const file = join(dir, `${id}.pdf`)
  writeFileSync(file, await page.pdf(PAGE_PDF_OPTIONS))
  const lines = (await pdfLines(file)).flat()
  const find = (text: string) => {
    // The last match: a title line can read like an organ name.
    const line = lines.filter((l) => squash(l.text) === text).at(-1)
    expect(line, text).toBeDefined()
    return line!
  }
  return { organs: organs.map(find), date: find('2025年1月20日') }
}

const inChars = (pt: number) => pt / char
/** Within 0.3 of a character (rounding of glyph positions in the PDF). */
const near = (chars: number, expected: number, what: string) => expect(Math.abs(chars - expected), `${what}: ${chars.toFixed(2)} characters`).toBeLessThan(0.3)

describe.each([
  ['single organ', ['青石镇人民政府']],
  ['joint organs', ['中共青石镇委员会', '青石镇人民政府']],
  ['a short organ (the date is longer)', ['青石镇']]
])('PDF signature block, %s', (_label, organs) => {
  it('without a seal: 署名右空二字 (or 日期右空二字 when longer), date two characters right of the signature', async () => {
    const { organs: sig, date } = await printed(`sig-plain-${organs.length}-${organs[0].length}`, organs, 'no-seal')
    const longest = sig.reduce((a, b) => (b.xMax - b.xMin > a.xMax - a.xMin ? b : a))
    const dateLonger = date.xMax - date.xMin > longest.xMax - longest.xMin
    if (dateLonger) near(inChars(rightEdge - date.xMax), 2, 'date to the right edge')
    else for (const s of sig) near(inChars(rightEdge - s.xMax), 2, `${s.text} to the right edge`)
    // Joint organs share one right edge; the date starts two characters right of the longest.
    for (const s of sig) expect(Math.abs(s.xMax - longest.xMax)).toBeLessThan(0.5)
    near(inChars(date.xMin - longest.xMin), 2, 'date start after signature start')
  })

  it('with a seal: date 右空四字, each organ centred over the date', async () => {
    const { organs: sig, date } = await printed(`sig-seal-${organs.length}-${organs[0].length}`, organs, 'with-seal')
    near(inChars(rightEdge - date.xMax), 4, 'date to the right edge')
    const dateCentre = (date.xMin + date.xMax) / 2
    for (const s of sig) expect(inChars(Math.abs((s.xMin + s.xMax) / 2 - dateCentre)), s.text).toBeLessThan(0.25)
  })
})
