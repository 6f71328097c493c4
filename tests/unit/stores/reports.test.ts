// The reports store over a real (fake-indexeddb) database: every action goes through the DB
// and the store's lists are re-read from it.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { BUILT_IN_TEMPLATES } from '@core/templates'
import {
  HuibaoDatabase,
  getReport,
  listReports,
  loadMetricValues,
  loadSections,
  updateReport
} from '../../../src-renderer/src/db/database'
import { ReportActionError, useReportsStore, type NewReportInput } from '../../../src-renderer/src/stores/reports'
import { useStoreDatabase } from './store-db'

let db: HuibaoDatabase

useStoreDatabase('store', (d) => (db = d))

const template = BUILT_IN_TEMPLATES[0]

function input(overrides: Partial<NewReportInput> = {}): NewReportInput {
  return {
    templateId: template.id,
    organs: ['甲乙镇人民政府'],
    addressee: '丙县人民政府',
    year: 2024,
    date: '2025-01-15',
    title: '甲乙镇人民政府2024年度测试报告',
    ...overrides
  }
}

describe('reports store', () => {
  it('creates a report with the template outline, lists it and remembers the organs', async () => {
    const store = useReportsStore()
    const report = await store.create(input({ organs: ['中共甲乙镇委员会', '甲乙镇人民政府'] }))

    expect(store.reports.map((r) => r.id)).toEqual([report.id])
    const stored = await getReport(db, report.id)
    expect(stored?.meta).toMatchObject({ title: '甲乙镇人民政府2024年度测试报告', issuingOrgans: ['中共甲乙镇委员会', '甲乙镇人民政府'], year: 2024 })
    expect(stored?.status).toBe('draft')
    // One section per template section after the preamble; one empty value per metric.
    const sections = await loadSections(db, stored!)
    expect(sections.length).toBe(template.sections.length + 1)
    expect(sections[0].type).toBe('preamble')
    const values = await loadMetricValues(db, report.id)
    expect(values.length).toBe(template.metrics.length)
    expect(values.every((v) => v.value === null)).toBe(true)

    expect(await store.lastUsedInput()).toEqual({ organs: ['中共甲乙镇委员会', '甲乙镇人民政府'], addressee: '丙县人民政府' })
  })

  it('refuses bad input with a Chinese message and stores nothing', async () => {
    const store = useReportsStore()
    const error = await store.create(input({ organs: ['  '] })).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ReportActionError)
    expect((error as Error).message).toMatch(/^创建报告失败：.*发文机关/)
    const unknown = await store.create(input({ templateId: 'no-such-template' })).catch((e: unknown) => e)
    expect((unknown as Error).message).toContain('模板')
    expect(await db.reports.count()).toBe(0)
    expect(await db.sections.count()).toBe(0)
  })

  it('renames, refusing an empty title', async () => {
    const store = useReportsStore()
    const report = await store.create(input())
    await expect(store.rename(report.id, '   ')).rejects.toThrow('标题不能为空')
    expect((await getReport(db, report.id))?.meta.title).toBe('甲乙镇人民政府2024年度测试报告')
    await store.rename(report.id, '改名后的报告')
    expect(store.reports[0].meta.title).toBe('改名后的报告')
  })

  it('duplicates as a draft titled （副本）', async () => {
    const store = useReportsStore()
    const report = await store.create(input())
    await updateReport(db, report.id, { status: 'approved' })
    await store.load()
    const copy = await store.duplicate(report.id)
    expect(copy.meta.title).toBe('甲乙镇人民政府2024年度测试报告（副本）')
    expect(copy.status).toBe('draft')
    expect(store.reports.map((r) => r.id).sort()).toEqual([report.id, copy.id].sort())
    expect((await loadSections(db, copy)).length).toBe(template.sections.length + 1)
  })

  it('deletes to the recycle bin, undoes, and purges only after deletion', async () => {
    const store = useReportsStore()
    const report = await store.create(input())

    await expect(store.purge(report.id)).rejects.toThrow('只能彻底删除回收站中的报告')
    expect(await getReport(db, report.id)).toBeDefined()

    await store.remove(report.id)
    expect(store.reports).toEqual([])
    await store.loadRecycleBin()
    expect(store.recycleBin.map((r) => r.id)).toEqual([report.id])

    await store.restore(report.id)
    expect(store.reports.map((r) => r.id)).toEqual([report.id])
    expect(store.recycleBin).toEqual([])

    await store.remove(report.id)
    await store.purge(report.id)
    expect(await getReport(db, report.id)).toBeUndefined()
    expect(await db.sections.where('reportId').equals(report.id).count()).toBe(0)
    expect(await listReports(db, { deleted: true })).toEqual([])
  })
})
