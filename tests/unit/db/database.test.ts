// Storage behaviour against a real IndexedDB implementation (fake-indexeddb): every test opens
// its own database name so tests never see each other's rows.
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import type { BlockJSON, PreambleJSON, Report, SectionJSON } from '@core/report'
import type { MetricValue } from '@core/template'
import {
  HuibaoDatabase,
  SCHEMA_VERSIONS,
  createReport,
  declareSchema,
  duplicateReport,
  getReport,
  getSetting,
  listReports,
  loadMetricValues,
  loadReportAtOnce,
  loadSections,
  moveToRecycleBin,
  purgeReport,
  renameReport,
  restoreFromRecycleBin,
  saveMetricValue,
  saveSections,
  setSetting,
  updateReport
} from '../../../src-renderer/src/db/database'

let counter = 0
const opened: Dexie[] = []

function freshDb(): HuibaoDatabase {
  const db = new HuibaoDatabase(`huibao-test-${process.pid}-${++counter}`)
  opened.push(db)
  return db
}

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close()
    await Dexie.delete(db.name)
  }
})

function preamble(text: string): PreambleJSON {
  return { type: 'preamble', attrs: { id: 'preamble' }, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }
}

function section(id: string, title: string, body = ''): SectionJSON {
  return {
    type: 'section',
    attrs: { id, level: 1, templateKey: null, required: false },
    content: [
      { type: 'sectionTitle', content: [{ type: 'text', text: title }] },
      body ? { type: 'paragraph', content: [{ type: 'text', text: body }] } : { type: 'paragraph' }
    ]
  }
}

function makeReport(id: string, blocks: BlockJSON[], now: number, title = '测试报告'): Report {
  return {
    id,
    templateId: 'rule-of-law-annual',
    templateVersion: 1,
    meta: { title, issuingOrgans: ['测试镇人民政府'], addressee: '测试县人民政府', year: 2024, date: '2025-01-15' },
    status: 'draft',
    sectionOrder: blocks.map((b) => b.attrs.id),
    createdAt: now,
    updatedAt: now,
    deletedAt: null
  }
}

const VALUES: MetricValue[] = [
  { metricId: 'a.one', value: null, qualifier: '' },
  { metricId: 'a.two', value: null, qualifier: '' }
]

async function seed(db: HuibaoDatabase, id = 'r1', now = 1000): Promise<{ report: Report; blocks: BlockJSON[] }> {
  const blocks: BlockJSON[] = [preamble('导语'), section('s1', '第一节'), section('s2', '第二节'), section('s3', '第三节')]
  const report = makeReport(id, blocks, now)
  await createReport(db, report, blocks, VALUES)
  return { report, blocks }
}

describe('reports and sections', () => {
  it('creates a report and loads its sections in document order', async () => {
    const db = freshDb()
    const { blocks } = await seed(db)
    const stored = await getReport(db, 'r1')
    expect(stored?.meta.title).toBe('测试报告')
    expect(stored?.deletedAt).toBeNull()
    const loaded = await loadSections(db, stored!)
    expect(loaded).toEqual(blocks)
    expect((await loadMetricValues(db, 'r1')).map((v) => v.metricId).sort()).toEqual(['a.one', 'a.two'])
  })

  it('reads a report, its sections and figures at once (the print window) as the batched reads do', async () => {
    const db = freshDb()
    // More sections than one batch, stored in an order unlike their ids' sort order.
    const blocks: BlockJSON[] = [preamble('导语'), ...Array.from({ length: 40 }, (_, i) => section(`s${(i * 17) % 40}`, `第${i + 1}节`, `内容${i}`))]
    const report = makeReport('many', blocks, 1000)
    await createReport(db, report, blocks, VALUES)
    // Neighbours in key order: ids that start with this one's, and a report sorting right after.
    const others: BlockJSON[] = [section('s1', '别的报告', '不该读到'), section('x9', '别的报告', '也不该读到')]
    await createReport(db, makeReport('many2', others, 1000), others, VALUES)
    await createReport(db, makeReport('man', others, 1000), others, VALUES)
    const batched = await loadSections(db, report)
    expect(batched).toEqual(blocks)
    const atOnce = await loadReportAtOnce(db, 'many')
    expect(atOnce.report).toEqual(await getReport(db, 'many'))
    expect(atOnce.sections).toEqual(batched)
    expect(atOnce.values).toEqual(await loadMetricValues(db, 'many'))
    expect(atOnce.values.length).toBeGreaterThan(0)
    // A section row no longer in the order (the order is what the document is) is left out.
    await db.sections.put({ reportId: 'many', id: 'stray', json: section('stray', '孤行', '不在顺序里'), updatedAt: 1 })
    expect((await loadReportAtOnce(db, 'many')).sections).toEqual(batched)
    expect(await loadReportAtOnce(db, 'nobody')).toEqual({ report: undefined, sections: [], values: [] })
  })

  it('lists live reports newest first', async () => {
    const db = freshDb()
    await seed(db, 'old', 1000)
    await seed(db, 'new', 3000)
    await seed(db, 'mid', 2000)
    expect((await listReports(db)).map((r) => r.id)).toEqual(['new', 'mid', 'old'])
  })

  it('autosave writes only the changed sections', async () => {
    const db = freshDb()
    await seed(db, 'r1', 1000)
    const edited = section('s2', '第二节', '新写的内容')
    await saveSections(db, 'r1', { changed: [edited], removedIds: [], order: null }, 5000)

    const rows = await db.sections.where('reportId').equals('r1').toArray()
    const updatedAt = Object.fromEntries(rows.map((r) => [r.id, r.updatedAt]))
    expect(updatedAt).toEqual({ preamble: 1000, s1: 1000, s2: 5000, s3: 1000 })
    const report = await getReport(db, 'r1')
    expect(report?.updatedAt).toBe(5000)
    expect((await loadSections(db, report!))[2]).toEqual(edited)
  })

  it('autosave changes only updatedAt (and the order) of the report row: every other field stays as stored', async () => {
    const db = freshDb()
    await seed(db, 'r1', 1000)
    await db.reports.update('r1', { meta: { ...(await getReport(db, 'r1'))!.meta, title: '改过的标题' }, previousReportId: 'r0' })
    const before = (await getReport(db, 'r1'))!
    await saveSections(db, 'r1', { changed: [section('s1', '第一节', '改写')], removedIds: [], order: null }, 7000)
    expect(await getReport(db, 'r1')).toEqual({ ...before, updatedAt: 7000 })
    await saveSections(db, 'r1', { changed: [], removedIds: [], order: ['preamble', 's2', 's1', 's3'] }, 8000)
    expect(await getReport(db, 'r1')).toEqual({ ...before, sectionOrder: ['preamble', 's2', 's1', 's3'], updatedAt: 8000 })
  })

  it('autosave handles removal and reorder atomically', async () => {
    const db = freshDb()
    await seed(db, 'r1', 1000)
    await saveSections(db, 'r1', { changed: [], removedIds: ['s2'], order: ['preamble', 's3', 's1'] }, 6000)

    const report = await getReport(db, 'r1')
    expect(report?.sectionOrder).toEqual(['preamble', 's3', 's1'])
    const loaded = await loadSections(db, report!)
    expect(loaded.map((b) => b.attrs.id)).toEqual(['preamble', 's3', 's1'])
    expect(await db.sections.get(['r1', 's2'])).toBeUndefined()
    // Reordering alone rewrites no section row.
    const rows = await db.sections.where('reportId').equals('r1').toArray()
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.every((r) => r.updatedAt === 1000)).toBe(true)
  })

  it('stores metric values per report', async () => {
    const db = freshDb()
    await seed(db, 'r1', 1000)
    await seed(db, 'r2', 1000)
    await saveMetricValue(db, 'r1', { metricId: 'a.one', value: 120, qualifier: '余' }, 7000)
    const r1 = await loadMetricValues(db, 'r1')
    expect(r1.find((v) => v.metricId === 'a.one')).toEqual({ metricId: 'a.one', value: 120, qualifier: '余' })
    expect((await loadMetricValues(db, 'r2')).find((v) => v.metricId === 'a.one')?.value).toBeNull()
    expect((await getReport(db, 'r1'))?.updatedAt).toBe(7000)
  })

  it('updates and renames a report', async () => {
    const db = freshDb()
    await seed(db, 'r1', 1000)
    await renameReport(db, 'r1', '  新的标题  ', 3000)
    await updateReport(db, 'r1', { status: 'submitted', updatedAt: 3000 })
    const report = await getReport(db, 'r1')
    expect(report?.status).toBe('submitted')
    expect(report?.meta.title).toBe('新的标题')
    expect(report?.meta.issuingOrgans).toEqual(['测试镇人民政府'])
    expect(report?.updatedAt).toBe(3000)
    await expect(renameReport(db, 'r1', '   ')).rejects.toThrow()
    // Submitted: the title is locked (db/lock.ts).
    await expect(renameReport(db, 'r1', '另一个标题', 4000)).rejects.toThrow(/正在审核中/)
    expect((await getReport(db, 'r1'))?.meta.title).toBe('新的标题')
  })

  it('duplicates a report with its sections and values, independent of the original', async () => {
    const db = freshDb()
    const { blocks } = await seed(db, 'r1', 1000)
    await saveMetricValue(db, 'r1', { metricId: 'a.two', value: 26, qualifier: '' }, 1500)
    await updateReport(db, 'r1', { status: 'approved', updatedAt: 1500 })

    const copy = await duplicateReport(db, 'r1', 'r1-copy', '测试报告（副本）', 2000)
    expect(copy.status).toBe('draft')
    expect(copy.meta.title).toBe('测试报告（副本）')
    expect(await loadSections(db, copy)).toEqual(blocks)
    expect((await loadMetricValues(db, 'r1-copy')).find((v) => v.metricId === 'a.two')?.value).toBe(26)

    // Editing the copy leaves the original alone.
    await saveSections(db, 'r1-copy', { changed: [section('s1', '改过的')], removedIds: [], order: null }, 3000)
    const original = await loadSections(db, (await getReport(db, 'r1'))!)
    expect(original[1]).toEqual(blocks[1])
  })
  it('copies the text of commented passages but not the comment marks: threads stay with the original', async () => {
    const db = freshDb()
    const commented: SectionJSON = {
      type: 'section',
      attrs: { id: 's1', level: 1, templateKey: null, required: false },
      content: [
        { type: 'sectionTitle', content: [{ type: 'text', text: '标题' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: '有批注的文字', marks: [{ type: 'bold' }, { type: 'comment', attrs: { threadId: 't1' } }] as never },
            { type: 'text', text: '普通文字', marks: [{ type: 'comment', attrs: { threadId: 't2' } }] as never }
          ]
        }
      ]
    }
    const report = makeReport('r1', [preamble('导语'), commented], 1000)
    await createReport(db, report, [preamble('导语'), commented], [])
    const copy = await duplicateReport(db, 'r1', 'r2', '副本', 2000)
    const copied = (await loadSections(db, copy))[1] as SectionJSON
    expect(copied.content[1]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: '有批注的文字', marks: [{ type: 'bold' }] },
        { type: 'text', text: '普通文字' }
      ]
    })
    expect((await loadSections(db, (await getReport(db, 'r1'))!))[1]).toEqual(commented)
  })
})

describe('recycle bin', () => {
  it('moves to the bin, lists it there, restores it', async () => {
    const db = freshDb()
    await seed(db, 'keep', 1000)
    await seed(db, 'bin', 2000)
    await moveToRecycleBin(db, 'bin', 9000)
    expect((await listReports(db)).map((r) => r.id)).toEqual(['keep'])
    const deleted = await listReports(db, { deleted: true })
    expect(deleted.map((r) => [r.id, r.deletedAt])).toEqual([['bin', 9000]])

    await restoreFromRecycleBin(db, 'bin')
    expect((await listReports(db)).map((r) => r.id)).toEqual(['bin', 'keep'])
    expect(await listReports(db, { deleted: true })).toEqual([])
  })

  it('purges only reports already in the bin, with all their rows', async () => {
    const db = freshDb()
    await seed(db, 'r1', 1000)
    await seed(db, 'other', 1000)
    await expect(purgeReport(db, 'r1')).rejects.toThrow()
    expect(await getReport(db, 'r1')).toBeDefined()
    expect(await db.sections.where('reportId').equals('r1').count()).toBe(4)

    await moveToRecycleBin(db, 'r1', 2000)
    await purgeReport(db, 'r1')
    expect(await getReport(db, 'r1')).toBeUndefined()
    expect(await db.sections.where('reportId').equals('r1').count()).toBe(0)
    expect(await db.metricValues.where('reportId').equals('r1').count()).toBe(0)
    // The other report is untouched.
    expect(await db.sections.where('reportId').equals('other').count()).toBe(4)
    expect(await db.metricValues.where('reportId').equals('other').count()).toBe(2)
  })
})

describe('settings', () => {
  it('round-trips values', async () => {
    const db = freshDb()
    expect(await getSetting(db, 'lastOrgans')).toBeUndefined()
    await setSetting(db, 'lastOrgans', ['甲镇人民政府', '中共甲镇委员会'])
    expect(await getSetting<string[]>(db, 'lastOrgans')).toEqual(['甲镇人民政府', '中共甲镇委员会'])
  })
})

describe('schema upgrade', () => {
  it('upgrades v1 rows to carry deletedAt: null and indexes them', async () => {
    const name = `huibao-upgrade-${process.pid}-${++counter}`
    const v1 = new Dexie(name)
    declareSchema(v1, 1)
    await v1.open()
    expect(v1.verno).toBe(1)
    const blocks: BlockJSON[] = [preamble('旧版导语'), section('s1', '旧版一节')]
    const { deletedAt: _omit, ...oldShape } = makeReport('legacy', blocks, 1000)
    await v1.table('reports').add(oldShape)
    await v1.table('sections').bulkAdd(blocks.map((json) => ({ reportId: 'legacy', id: json.attrs.id, json, updatedAt: 1000 })))
    // The v1 schema had no deletedAt index at all.
    expect(v1.table('reports').schema.idxByName.deletedAt).toBeUndefined()
    v1.close()

    const db = new HuibaoDatabase(name)
    opened.push(db)
    await db.open()
    expect(db.verno).toBe(SCHEMA_VERSIONS.length)
    const upgraded = await getReport(db, 'legacy')
    expect(upgraded?.deletedAt).toBeNull()
    expect(await loadSections(db, upgraded!)).toEqual(blocks)
    expect((await listReports(db)).map((r) => r.id)).toEqual(['legacy'])

    // The new index serves the recycle bin.
    await moveToRecycleBin(db, 'legacy', 4000)
    expect(await db.reports.where('deletedAt').above(0).primaryKeys()).toEqual(['legacy'])
    expect((await listReports(db, { deleted: true })).map((r) => r.id)).toEqual(['legacy'])
  })
})
