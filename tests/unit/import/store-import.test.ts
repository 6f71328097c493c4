// 导入 through the reports store over a real (fake-indexeddb) database: the report, its
// sections (with the plain table) and the values read from the disclosure tables land in one
// go; a refused input stores nothing.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { GOV_DISCLOSURE_TEMPLATE, RULE_OF_LAW_TEMPLATE } from '@core/templates'
import { metricTableCellId } from '@core/metric-tables'
import { parseDocx, planImport, recogniseReport } from '@core/import'
import { HuibaoDatabase, listReports, loadMetricValues, loadSections } from '../../../src-renderer/src/db/database'
import { ReportActionError, useReportsStore } from '../../../src-renderer/src/stores/reports'
import { handTypedReport } from '../../fixtures/import/hand'
import { disclosureReport } from '../../fixtures/import/docx-lib'
import { useStoreDatabase } from '../stores/store-db'

let db: HuibaoDatabase

useStoreDatabase('import', (d) => (db = d))

describe('reports store: importWord', () => {
  it('stores the imported report with its outline, body and plain table', async () => {
    const recognised = recogniseReport(parseDocx(handTypedReport()))
    const plan = planImport(recognised, RULE_OF_LAW_TEMPLATE, 2024, false)
    const store = useReportsStore()
    const report = await store.importWord({
      recognised,
      plan,
      input: { templateId: RULE_OF_LAW_TEMPLATE.id, title: recognised.title, addressee: recognised.addressee, organs: recognised.organs, year: 2024, date: recognised.date },
      bindings: {},
      asDraft: false
    })
    expect(store.reports.map((r) => r.id)).toEqual([report.id])
    const blocks = await loadSections(db, report)
    expect(blocks.flatMap((b) => (b.type === 'section' ? [b.attrs.level] : []))).toEqual([1, 2, 3, 2, 3, 4, 1, 1])
    expect(JSON.stringify(blocks)).toContain('"type":"plainTable"')
    expect(report.meta).toMatchObject({ issuingOrgans: ['青禾镇人民政府'], addressee: '中共示例县委、示例县人民政府', year: 2024, date: '2025-01-15' })
  })

  it('stores the values read from the disclosure tables', async () => {
    const recognised = recogniseReport(parseDocx(await disclosureReport()))
    const plan = planImport(recognised, GOV_DISCLOSURE_TEMPLATE, 2024, false)
    const report = await useReportsStore().importWord({
      recognised,
      plan,
      input: { templateId: GOV_DISCLOSURE_TEMPLATE.id, title: recognised.title, addressee: '示例县人民政府办公室', organs: recognised.organs, year: 2024, date: recognised.date },
      bindings: {},
      asDraft: false
    })
    const values = await loadMetricValues(db, report.id)
    expect(values.find((v) => v.metricId === metricTableCellId('disclosure.t3', 'received', 'natural'))?.value).toBe(5)
  })

  it('refuses a report without an organ in Chinese and stores nothing', async () => {
    const recognised = recogniseReport(parseDocx(handTypedReport()))
    const plan = planImport(recognised, RULE_OF_LAW_TEMPLATE, 2024, false)
    const attempt = useReportsStore().importWord({
      recognised,
      plan,
      input: { templateId: RULE_OF_LAW_TEMPLATE.id, title: recognised.title, addressee: '', organs: [], year: 2024, date: '2025-01-15' },
      bindings: {},
      asDraft: false
    })
    await expect(attempt).rejects.toThrow(ReportActionError)
    await expect(attempt).rejects.toThrow(/导入失败：请填写发文机关/)
    expect(await listReports(db)).toEqual([])
    expect(await db.sections.count()).toBe(0)
  })
})
