// 检查 over stored reports: the service reads what is stored (raw), the store gates exports
// (asks once) and 送审 (refused), and 其余填0 fills a table's blanks in one transaction.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import type { SectionJSON } from '@core/report'
import { createReportFromTemplate } from '@core/report-factory'
import { GOV_DISCLOSURE_TEMPLATE, RULE_OF_LAW_TEMPLATE } from '@core/templates'
import type { ReportTemplate } from '@core/template'
import { HuibaoDatabase, createReport, loadMetricValues, saveMetricValue, saveMetricValues } from '../../../src-renderer/src/db/database'
import { localToday, proofreadReport } from '../../../src-renderer/src/services/proofread'
import { useProofreadStore } from '../../../src-renderer/src/stores/proofread'
import { useStoreDatabase } from '../stores/store-db'

let db: HuibaoDatabase
useStoreDatabase('proofread', (d) => (db = d))

async function seed(template: ReportTemplate, addressee: string, fill: boolean) {
  let n = 0
  const { report, doc, values } = createReportFromTemplate(
    template,
    { organs: ['甲镇人民政府'], addressee, year: 2024, date: '2025-01-15' },
    { reportId: 'r1', newSectionId: () => `s${++n}`, now: 1000 }
  )
  const sections = doc.content.map((b) =>
    fill && b.type === 'section' ? ({ ...b, content: [b.content[0], { type: 'paragraph', content: [{ type: 'text', text: '本节情况已如实填写。' }] }] } as SectionJSON) : b
  )
  await createReport(db, report, sections, values)
  return report
}

describe('proofreadReport', () => {
  it('reads the stored report: template placeholders and empty 必写 sections', async () => {
    await seed(RULE_OF_LAW_TEMPLATE, RULE_OF_LAW_TEMPLATE.defaultAddressee, false)
    const items = await proofreadReport('r1', { db, today: '2025-02-01' })
    expect(items.filter((i) => i.rule === 'placeholder' && i.place === '主送机关').length).toBe(2)
    expect(items.filter((i) => i.rule === 'required-empty').length).toBe(RULE_OF_LAW_TEMPLATE.sections.filter((s) => s.required).length)
  })

  it('finds nothing to fix in a complete report', async () => {
    await seed(RULE_OF_LAW_TEMPLATE, '乙县人民政府', true)
    const items = await proofreadReport('r1', { db, today: '2025-02-01' })
    expect(items.filter((i) => i.severity === '必须修改')).toEqual([])
  })

  it('offers 其余填0 for a partly filled table; the zeros go in and the item goes away', async () => {
    await seed(GOV_DISCLOSURE_TEMPLATE, '乙县人民政府办公室', true)
    const table = GOV_DISCLOSURE_TEMPLATE.tables![0]
    const typed = GOV_DISCLOSURE_TEMPLATE.metrics.filter((m) => m.id.startsWith(`${table.id}`) && m.formula === undefined)
    await saveMetricValue(db, 'r1', { metricId: typed[0].id, value: 3, qualifier: '' })
    const before = await proofreadReport('r1', { db, today: '2025-02-01' })
    const item = before.find((i) => i.rule === 'empty-cell' && i.fix?.kind === 'fillZero')
    expect(item).toBeDefined()
    if (item?.fix?.kind !== 'fillZero') return
    expect(item.fix.metricIds).not.toContain(typed[0].id)
    await saveMetricValues(db, 'r1', item.fix.metricIds.map((metricId) => ({ metricId, value: 0, qualifier: '' })))
    const stored = await loadMetricValues(db, 'r1')
    expect(stored.find((v) => v.metricId === typed[0].id)?.value).toBe(3)
    const after = await proofreadReport('r1', { db, today: '2025-02-01' })
    expect(after.filter((i) => i.rule === 'empty-cell' && i.place === item.place)).toEqual([])
  })

  it('takes today from the local calendar', () => {
    expect(localToday(new Date(2025, 0, 5, 23, 30))).toBe('2025-01-05')
  })
})

describe('the proofread store gates 送审 and exports', () => {
  it('refuses 送审 with 必须修改 items and opens the panel', async () => {
    await seed(RULE_OF_LAW_TEMPLATE, RULE_OF_LAW_TEMPLATE.defaultAddressee, false)
    const store = useProofreadStore()
    const result = await store.gate('r1', 'submit')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toMatch(/^还有\d+处必须修改的问题/)
    expect(store.open).toBe(true)
  })

  it('asks once before an export and goes on when told to', async () => {
    await seed(RULE_OF_LAW_TEMPLATE, RULE_OF_LAW_TEMPLATE.defaultAddressee, false)
    const store = useProofreadStore()
    const pending = store.gate('r1', 'export')
    await expect.poll(() => store.exportAsk?.items.length ?? 0).toBeGreaterThan(0)
    expect(store.exportAsk!.items.every((i) => i.severity === '必须修改')).toBe(true)
    store.answerExport(true)
    expect(await pending).toEqual({ ok: true })
    const back = store.gate('r1', 'export')
    await expect.poll(() => store.exportAsk !== null).toBe(true)
    store.answerExport(false)
    expect((await back).ok).toBe(false)
    expect(store.open).toBe(true)
  })

  it('lets a complete report through without asking', async () => {
    await seed(RULE_OF_LAW_TEMPLATE, '乙县人民政府', true)
    const store = useProofreadStore()
    expect(await store.gate('r1', 'submit')).toEqual({ ok: true })
    expect(store.exportAsk).toBeNull()
  })
})
