// Schema v3: template versions in IndexedDB, snapshots, deletion that keeps old versions, the
// upgrade from v2, and finding last year's report.
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import {
  HuibaoDatabase,
  SCHEMA_VERSIONS,
  createReport,
  declareSchema,
  deleteUserTemplate,
  ensureTemplateSnapshot,
  findPreviousYearReports,
  getReport,
  listTemplateRows,
  moveToRecycleBin,
  saveTemplateVersion,
  saveTemplateVersions
} from '../../../src-renderer/src/db/database'
import { copyTemplate, nextTemplateVersion } from '@core/templates/derive'
import { RULE_OF_LAW_TEMPLATE, WORK_SUMMARY_TEMPLATE } from '@core/templates'
import { createReportFromTemplate } from '@core/report-factory'

let n = 0
const opened: Dexie[] = []
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close()
    await Dexie.delete(db.name)
  }
})
function freshDb(): HuibaoDatabase {
  const db = new HuibaoDatabase(`tpl-test-${++n}-${Date.now()}`)
  opened.push(db)
  return db
}

function report(id: string, year: number, templateId = RULE_OF_LAW_TEMPLATE.id, organ = '甲镇人民政府') {
  let i = 0
  const template = templateId === RULE_OF_LAW_TEMPLATE.id ? RULE_OF_LAW_TEMPLATE : WORK_SUMMARY_TEMPLATE
  return createReportFromTemplate(template, { organs: [organ], addressee: '乙县', year, date: `${year + 1}-01-10` }, { reportId: id, newSectionId: () => `${id}-${++i}`, now: year })
}

describe('templates table (schema v3)', () => {
  it('keeps every version of a user template and never overwrites one', async () => {
    const db = freshDb()
    const v1 = copyTemplate(RULE_OF_LAW_TEMPLATE, 'county')
    await saveTemplateVersion(db, v1)
    const v2 = nextTemplateVersion({ ...v1, name: '县定模板' }, 1)
    await saveTemplateVersion(db, v2)
    await expect(saveTemplateVersion(db, { ...v2, name: '覆盖' })).rejects.toThrow(/already exists/)
    const rows = await listTemplateRows(db)
    expect(rows.map((r) => [r.key, r.template.name]).sort()).toEqual([
      ['county@1', v1.name],
      ['county@2', '县定模板']
    ])
  })

  it('an import is all or nothing', async () => {
    const db = freshDb()
    await saveTemplateVersion(db, copyTemplate(RULE_OF_LAW_TEMPLATE, 'b'))
    await expect(saveTemplateVersions(db, [copyTemplate(WORK_SUMMARY_TEMPLATE, 'a'), copyTemplate(RULE_OF_LAW_TEMPLATE, 'b')])).rejects.toThrow()
    expect((await listTemplateRows(db)).map((r) => r.id)).toEqual(['b'])
  })

  it('snapshots once, and deleting a template keeps its versions for existing reports', async () => {
    const db = freshDb()
    await ensureTemplateSnapshot(db, RULE_OF_LAW_TEMPLATE)
    await ensureTemplateSnapshot(db, RULE_OF_LAW_TEMPLATE)
    await saveTemplateVersion(db, copyTemplate(WORK_SUMMARY_TEMPLATE, 'mine'))
    await deleteUserTemplate(db, 'mine', 77)
    await deleteUserTemplate(db, RULE_OF_LAW_TEMPLATE.id, 77)
    const rows = await listTemplateRows(db)
    expect(rows).toHaveLength(2)
    expect(rows.find((r) => r.id === 'mine')?.deletedAt).toBe(77)
    expect(rows.find((r) => r.kind === 'snapshot')?.deletedAt).toBeNull()
  })

  it('upgrades a v2 database without touching its reports', async () => {
    const name = `tpl-upgrade-${Date.now()}`
    const v2 = new Dexie(name)
    declareSchema(v2, 2)
    await v2.open()
    const made = report('old', 2023)
    await v2.table('reports').add(made.report)
    v2.close()
    const db = new HuibaoDatabase(name)
    opened.push(db)
    await db.open()
    expect(db.verno).toBe(SCHEMA_VERSIONS.length)
    expect(db.verno).toBeGreaterThanOrEqual(3)
    expect(await getReport(db, 'old')).toEqual(made.report)
    expect(await listTemplateRows(db)).toEqual([])
  })

  it('finds last year’s live reports of the same template and the same issuing organ only', async () => {
    const db = freshDb()
    const rows = [
      ['a', 2023, RULE_OF_LAW_TEMPLATE.id, '甲镇人民政府'],
      ['b', 2023, WORK_SUMMARY_TEMPLATE.id, '甲镇人民政府'],
      ['c', 2022, RULE_OF_LAW_TEMPLATE.id, '甲镇人民政府'],
      ['other', 2023, RULE_OF_LAW_TEMPLATE.id, '乙镇人民政府']
    ] as const
    for (const [id, year, t, organ] of rows) {
      const r = report(id, year, t, organ)
      await createReport(db, r.report, r.doc.content, r.values)
    }
    const ids = async (t: string, year: number, organs: string[]) => (await findPreviousYearReports(db, t, year, organs)).map((r) => r.id)
    expect(await ids(RULE_OF_LAW_TEMPLATE.id, 2024, ['甲镇人民政府'])).toEqual(['a'])
    expect(await ids(RULE_OF_LAW_TEMPLATE.id, 2024, ['乙镇人民政府'])).toEqual(['other'])
    // A joint report finds the government's own report of last year; spacing does not matter.
    expect(await ids(RULE_OF_LAW_TEMPLATE.id, 2024, ['中共甲镇委员会', '甲镇 人民政府'])).toEqual(['a'])
    expect(await ids(WORK_SUMMARY_TEMPLATE.id, 2024, ['甲镇人民政府'])).toEqual(['b'])
    expect(await ids(RULE_OF_LAW_TEMPLATE.id, 2024, ['丙镇人民政府'])).toEqual([])
    expect(await ids(RULE_OF_LAW_TEMPLATE.id, 2026, ['甲镇人民政府'])).toEqual([])
    await moveToRecycleBin(db, 'a')
    expect(await ids(RULE_OF_LAW_TEMPLATE.id, 2024, ['甲镇人民政府'])).toEqual([])
  })

  it('offers every matching report, most recently edited first, for the clerk to choose', async () => {
    const db = freshDb()
    for (const [id, now] of [['old', 10], ['redraft', 20]] as const) {
      const r = report(id, 2023)
      await createReport(db, { ...r.report, updatedAt: now }, r.doc.content, r.values)
    }
    expect((await findPreviousYearReports(db, RULE_OF_LAW_TEMPLATE.id, 2024, ['甲镇人民政府'])).map((r) => r.id)).toEqual(['redraft', 'old'])
    // Without an organ there is no telling whose report it would be.
    expect(await findPreviousYearReports(db, RULE_OF_LAW_TEMPLATE.id, 2024, [' '])).toEqual([])
  })
})
