// 附去年数值: the metric summary table with last year's column (上年数值) and the change (增减),
// built from the linked report's values; the setting only acts on a linked report; Word gets
// the five columns with explicit widths on the grid and on every cell.
import { describe, expect, it } from 'vitest'
import { exportReportDocx } from '@core/docx/export'
import { charsToTwips, GBT9704_PROFILE } from '@core/layout'
import { buildAttachments, metricSummaryTable, METRIC_TABLE_COLUMNS, METRIC_TABLE_COLUMNS_WITH_PREVIOUS, NO_CHANGE, NO_VALUE } from '@core/pages/attachments'
import { reportLayout } from '@core/pages/report-layout'
import { effectiveLayout } from '@core/pages/settings'
import type { Report } from '@core/report'
import { RULE_OF_LAW_TEMPLATE } from '@core/templates'
import type { MetricValue } from '@core/template'
import { all, handReport, parseXml, unzipDocx } from '../docx/helpers'

const template = RULE_OF_LAW_TEMPLATE
const v = (metricId: string, value: number | null, qualifier = ''): MetricValue => ({ metricId, value, qualifier }) as MetricValue
const current = [
  v('enforcement.patrols', 120, '余'),
  v('enforcement.streetVendingCorrected', 5),
  v('enforcement.certifiedRate', 96.5),
  v('enforcement.environmentCampaigns', 4),
  v('enforcement.polluterInterviews', 3)
]
const previous = [
  v('enforcement.patrols', 100),
  v('enforcement.streetVendingCorrected', 8),
  v('enforcement.certifiedRate', 95),
  v('enforcement.environmentCampaigns', 4),
  v('enforcement.dryingSitesClosed', 6)
]
const rowOf = (table: ReturnType<typeof metricSummaryTable>, id: string) => table.rows[template.metrics.findIndex((m) => m.id === id)].cells

describe('metricSummaryTable with last year', () => {
  const table = metricSummaryTable(template, current, previous)

  it('has the columns 指标, 单位, 数值, 上年数值, 增减 filling the 28-character line', () => {
    expect(table.columns.map((c) => c.header)).toEqual(['指标', '单位', '数值', '上年数值', '增减'])
    expect(table.columns.reduce((a, c) => a + c.widthChars, 0)).toBe(28)
    for (const c of table.columns) expect(c.widthChars).toBeGreaterThanOrEqual([...c.header].length)
    expect(table.rows.length).toBeGreaterThan(0)
    expect(table.rows.every((r) => r.cells.length === 5)).toBe(true)
  })

  it('writes last year’s value and the signed change, in the metric’s unit', () => {
    expect(rowOf(table, 'enforcement.patrols').slice(2)).toEqual(['120余', '100', '+20'])
    expect(rowOf(table, 'enforcement.streetVendingCorrected').slice(2)).toEqual(['5', '8', '-3'])
    // A percentage changes in points: 96.5 − 95.
    expect(rowOf(table, 'enforcement.certifiedRate').slice(2)).toEqual(['96.5', '95', '+1.5'])
    expect(rowOf(table, 'enforcement.environmentCampaigns')[4]).toBe(NO_CHANGE)
  })

  it('shows a dash for the change while either year is missing, and marks only this year’s gaps', () => {
    const onlyNow = table.rows[template.metrics.findIndex((m) => m.id === 'enforcement.polluterInterviews')]
    expect(onlyNow.cells.slice(2)).toEqual(['3', NO_VALUE, NO_VALUE])
    expect(onlyNow.missing).toBeUndefined()
    const onlyBefore = table.rows[template.metrics.findIndex((m) => m.id === 'enforcement.dryingSitesClosed')]
    expect(onlyBefore.cells.slice(2)).toEqual([NO_VALUE, '6', NO_VALUE])
    expect(onlyBefore.missing).toBe(true)
  })

  it('keeps the three columns without last year’s values', () => {
    const plain = metricSummaryTable(template, current)
    expect(plain.rows.length).toBeGreaterThan(0)
    expect(plain.columns).toBe(METRIC_TABLE_COLUMNS)
    expect(plain.rows.every((r) => r.cells.length === 3)).toBe(true)
  })
})

describe('the 附去年数值 setting', () => {
  it('defaults to off and is read from the stored layout', () => {
    expect(effectiveLayout(undefined).previousYearColumn).toBe(false)
    expect(effectiveLayout({ previousYearColumn: true }).previousYearColumn).toBe(true)
  })

  const report = (linked: boolean, previousYearColumn: boolean): Report => ({
    id: 'this-year',
    templateId: template.id,
    templateVersion: template.version,
    previousReportId: linked ? 'last-year' : null,
    meta: { title: '报告', issuingOrgans: ['青石镇人民政府'], addressee: '青山县人民政府', year: 2025, date: '2026-01-10' },
    status: 'draft',
    sectionOrder: [],
    createdAt: 0,
    updatedAt: 0,
    deletedAt: null,
    layout: { metricTable: true, previousYearColumn }
  })
  const headers = (layout: ReturnType<typeof reportLayout>) => layout.attachments[0].table!.columns.map((c) => c.header)

  it('adds the columns only for a linked report with the option on', () => {
    expect(headers(reportLayout(report(true, true), template, current, previous))).toContain('上年数值')
    expect(headers(reportLayout(report(true, false), template, current, previous))).not.toContain('上年数值')
    expect(headers(reportLayout(report(false, true), template, current, previous))).not.toContain('上年数值')
    expect(headers(reportLayout(report(true, true), template, current, undefined))).not.toContain('上年数值')
  })
})

describe('last year’s column in Word', () => {
  it('writes five columns with explicit widths on the grid and every cell, header repeated', async () => {
    const attachments = buildAttachments({ metricTable: true, attachments: [], template, values: current, previousValues: previous, year: 2025 })
    const files = await unzipDocx(await exportReportDocx(handReport(), GBT9704_PROFILE, { attachments }))
    const doc = parseXml(files['word/document.xml'])
    const [table] = all(doc, 'w:tbl')
    const widths = all(table, 'w:gridCol').map((c) => Number(c.getAttribute('w:w')))
    expect(widths).toEqual(METRIC_TABLE_COLUMNS_WITH_PREVIOUS.map((c) => charsToTwips(GBT9704_PROFILE, c.widthChars)))
    const rows = all(table, 'w:tr')
    expect(all(rows[0], 'w:tblHeader')).toHaveLength(1)
    expect(all(rows[0], 'w:t').map((t) => t.textContent)).toEqual(['指标', '单位', '数值', '上年数值', '增减'])
    for (const row of rows) {
      const cells = all(row, 'w:tc')
      expect(cells.map((tc) => Number(all(tc, 'w:tcW')[0].getAttribute('w:w')))).toEqual(widths)
    }
    const patrols = rows[1 + template.metrics.findIndex((m) => m.id === 'enforcement.patrols')]
    const label = template.metrics.find((m) => m.id === 'enforcement.patrols')!.label
    expect(all(patrols, 'w:tc').map((tc) => all(tc, 'w:t').map((t) => t.textContent).join(''))).toEqual([label, '次', '120余', '100', '+20'])
  })
})
