// Metric tables in the Word export: the disclosure report's tables come out as real tables
// with explicit widths, repeated header rows, spans, right-aligned numbers and computed totals.
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { exportReportDocx } from '@core/docx/export'
import { GBT9704_PROFILE, typeAreaWidthTwips } from '@core/layout'
import { metricTableCellId, resolveMetricTable } from '@core/metric-tables'
import { metricTableWidths } from '@core/docx/tables'
import { createReportFromTemplate } from '@core/report-factory'
import { resolveReport } from '@core/resolve'
import { GOV_DISCLOSURE_TEMPLATE as T } from '@core/templates'
import type { MetricValue } from '@core/template'

function disclosureReport(values: MetricValue[]) {
  let i = 0
  const made = createReportFromTemplate(T, { organs: ['甲镇人民政府'], addressee: '乙县人民政府办公室', year: 2024, date: '2025-01-20' }, { reportId: 'r', newSectionId: () => `s${++i}`, now: 1 })
  return resolveReport(made.report, made.doc, T, values)
}

describe('metric tables in the DOCX', () => {
  const t3 = T.tables!.find((t) => t.id === 'disclosure.t3')!
  const values: MetricValue[] = [
    { metricId: metricTableCellId(t3.id, 'received', 'natural'), value: 41, qualifier: '' },
    { metricId: metricTableCellId(t3.id, 'received', 'business'), value: 6, qualifier: '' }
  ]

  it('resolved sections carry their tables, in template order', () => {
    const resolved = disclosureReport(values)
    const withTables = resolved.sections.filter((s) => s.tables?.length)
    expect(withTables.map((s) => s.tables!.map((t) => t.id))).toEqual([
      ['disclosure.t2a', 'disclosure.t2e', 'disclosure.t2f', 'disclosure.t2h'],
      ['disclosure.t3'],
      ['disclosure.t4']
    ])
  })

  it('column widths fill the type area exactly', () => {
    for (const t of T.tables!) {
      const widths = metricTableWidths(GBT9704_PROFILE, resolveMetricTable(t, T, []))
      expect(widths.reduce((a, b) => a + b, 0)).toBe(typeAreaWidthTwips(GBT9704_PROFILE))
      expect(widths.length).toBeGreaterThan(0)
      expect(widths.every((w) => w > 0)).toBe(true)
    }
  })

  it('writes six tables with grid widths, repeated headers, spans and the computed total', async () => {
    const bytes = await exportReportDocx(disclosureReport(values))
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string')
    const tables = xml.split('<w:tbl>').slice(1).map((t) => t.slice(0, t.indexOf('</w:tbl>')))
    expect(tables).toHaveLength(T.tables!.length)
    for (const t of tables) {
      expect(t).toMatch(/<w:tblLayout w:type="fixed"\/>/)
      expect(t).toMatch(/<w:gridCol w:w="\d+"\/>/)
      expect(t).toContain('<w:tblHeader/>')
    }
    const table3 = tables[4]
    // 申请人情况 spans 7 columns, 法人或其他组织 5; the corner cell spans the 3 header rows.
    expect(table3).toContain('<w:gridSpan w:val="7"/>')
    expect(table3).toContain('<w:gridSpan w:val="5"/>')
    expect(table3).toContain('<w:vMerge w:val="restart"/>')
    expect((table3.match(/<w:tblHeader\/>/g) ?? []).length).toBe(3)
    // The row 一、本年新收… : 41, 6, blanks, and its computed 总计 47, right-aligned.
    const row = table3.split('<w:tr>').find((r) => r.includes('一、本年新收'))!
    expect(row).toContain('>41<')
    expect(row).toContain(`>${41 + 6}<`)
    expect(row).toMatch(/<w:jc w:val="right"\/>[\s\S]*>47</)
    expect(xml).toContain('第二十条第（一）项')
  })
})
