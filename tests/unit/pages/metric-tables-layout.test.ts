// Section metric tables (政府信息公开 statistics) in the page model and in Word: caption, a
// multi-row header with spans repeating on every page, explicit widths, rows split between pages.
import { describe, expect, it } from 'vitest'
import { exportReportDocx } from '@core/docx/export'
import { GBT9704_PROFILE, typeAreaWidthTwips } from '@core/layout'
import { reportBlocks } from '@core/pages/blocks'
import { paginate, fragmentLines, type BlockMeasure } from '@core/pages/paginate'
import { createReportFromTemplate } from '@core/report-factory'
import { resolveReport } from '@core/resolve'
import { GOV_DISCLOSURE_TEMPLATE } from '@core/templates/gov-disclosure'
import { all, parseXml, unzipDocx } from '../docx/helpers'

function govReport() {
  let n = 0
  const made = createReportFromTemplate(
    GOV_DISCLOSURE_TEMPLATE,
    { organs: ['青石镇人民政府'], addressee: '青山县人民政府办公室', year: 2024, date: '2025-01-20' },
    { reportId: 'gov', newSectionId: () => `s${n++}`, now: 0 }
  )
  const values = made.values.map((v, i) => ({ ...v, value: (i % 7) + 1 }))
  return resolveReport(made.report, made.doc, GOV_DISCLOSURE_TEMPLATE, values)
}

describe('metric tables in the page model', () => {
  const resolved = govReport()
  const tables = resolved.sections.flatMap((s) => s.tables ?? [])
  const blocks = reportBlocks(resolved, GBT9704_PROFILE, { signatureRule: 'no-seal', attachments: [] })

  it('follows each table’s section with its caption (kept with the table) and the table', () => {
    expect(tables.length).toBeGreaterThan(0)
    const captions = blocks.filter((b) => b.kind === 'tableCaption')
    expect(captions.map((c) => (c.kind === 'tableCaption' ? c.title : ''))).toEqual(tables.map((t) => t.title))
    blocks.forEach((b, i) => {
      if (b.kind === 'tableCaption') {
        expect(b.keepWithNext).toBe(true)
        expect(blocks[i + 1].kind).toBe('metricTable')
      }
    })
  })

  it('splits a long table between rows, rounds each part up to whole lines and keeps later text on the grid', () => {
    // Rows of 0.8 line (小四 text), a two-line header: 30 rows cannot fit one page.
    const measures: BlockMeasure[] = blocks.map((b) =>
      b.kind === 'metricTable' ? { lines: 1.6, rows: b.table.rows.map(() => 0.8) } : { lines: b.kind === 'pageBreak' ? 0 : 1 }
    )
    const pages = paginate(blocks, measures, 22)
    for (const p of pages) {
      const used = p.fragments.reduce((n, f) => n + fragmentLines(blocks[f.block], measures[f.block], f), 0)
      expect(Number.isInteger(used)).toBe(true)
      expect(used).toBeLessThanOrEqual(22)
    }
    // Every row of every table is placed exactly once.
    blocks.forEach((b, i) => {
      if (b.kind !== 'metricTable') return
      const frags = pages.flatMap((p) => p.fragments).filter((f) => f.block === i)
      expect(frags.reduce((n, f) => n + (f.to - f.from), 0)).toBe(b.table.rows.length)
    })
  })
})

describe('metric tables in Word', () => {
  it('writes every table with widths filling the line, a repeating multi-row header, spans and a caption', async () => {
    const resolved = govReport()
    const tables = resolved.sections.flatMap((s) => s.tables ?? [])
    const files = await unzipDocx(await exportReportDocx(resolved))
    const doc = parseXml(files['word/document.xml'])
    const tbls = all(doc, 'w:tbl')
    expect(tbls).toHaveLength(tables.length)
    const text = all(doc, 'w:t').map((t) => t.textContent).join('')
    tbls.forEach((tbl, i) => {
      const t = tables[i]
      expect(text).toContain(t.title)
      const grid = all(tbl, 'w:gridCol').map((c) => Number(c.getAttribute('w:w')))
      expect(grid).toHaveLength(t.columnFractions.length)
      expect(Math.abs(grid.reduce((a, b) => a + b, 0) - typeAreaWidthTwips(GBT9704_PROFILE))).toBeLessThanOrEqual(grid.length)
      const rows = all(tbl, 'w:tr')
      const headerRows = rows.filter((r) => all(r, 'w:tblHeader').length > 0)
      expect(headerRows).toHaveLength(t.header.length)
      expect(rows.slice(0, t.header.length)).toEqual(headerRows)
      expect(rows).toHaveLength(t.header.length + t.rows.length)
      const spans = t.header.flat().filter((c) => c.colSpan > 1).length
      expect(all(tbl, 'w:gridSpan').length).toBeGreaterThanOrEqual(spans)
      if (t.header.flat().some((c) => c.rowSpan > 1)) expect(all(tbl, 'w:vMerge').length).toBeGreaterThan(0)
      // Every row spans the whole grid.
      for (const r of rows) {
        const cols = all(r, 'w:tc').reduce((n, tc) => n + Number(all(tc, 'w:gridSpan')[0]?.getAttribute('w:val') ?? 1), 0)
        expect(cols).toBe(grid.length)
      }
    })
  })
})
