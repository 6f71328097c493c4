// Report-own metrics in storage: kept on the report row (no new table, so no schema version),
// written with their values in one transaction, refused on a locked report, copied with the
// report, and last year's values lined up by id or label.
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import {
  HuibaoDatabase,
  SCHEMA_VERSIONS,
  createReport,
  declareSchema,
  duplicateReport,
  getReport,
  loadMetricValues,
  loadPreviousYearValues,
  ReportLockedError,
  saveReportMetrics,
  updateReport
} from '../../../src-renderer/src/db/database'
import { createReportFromTemplate } from '@core/report-factory'
import { ownMetricForFigure } from '@core/report-metrics'
import { builtInTemplate, WORK_SUMMARY_TEMPLATE as W } from '@core/templates'
import type { Report } from '@core/report'

let n = 0
const opened: Dexie[] = []
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close()
    await Dexie.delete(db.name)
  }
})
function freshDb(name = `own-metrics-${++n}-${Date.now()}`): HuibaoDatabase {
  const db = new HuibaoDatabase(name)
  opened.push(db)
  return db
}
function made(id: string, year = 2024) {
  let i = 0
  return createReportFromTemplate(W, { organs: ['甲镇人民政府'], addressee: '乙县', year, date: `${year + 1}-01-10` }, { reportId: id, newSectionId: () => `${id}-${++i}`, now: 1 })
}
const study = ownMetricForFigure('own.study', '领导班子会议学法次数', { unit: '次', value: 8, qualifier: '' })

describe('report-own metrics in the database', () => {
  it('stores the definitions on the report row with the first value, atomically; deleting removes the value', async () => {
    const db = freshDb()
    const r = made('a')
    await createReport(db, r.report, r.doc.content, r.values)
    await saveReportMetrics(db, 'a', [study], { values: [{ metricId: 'own.study', value: 8, qualifier: '' }] })
    expect((await getReport(db, 'a'))!.ownMetrics).toEqual([study])
    expect(await loadMetricValues(db, 'a')).toEqual([{ metricId: 'own.study', value: 8, qualifier: '' }])
    const copy = await duplicateReport(db, 'a', 'b', '副本')
    expect(copy.ownMetrics).toEqual([study])
    expect(await loadMetricValues(db, 'b')).toEqual([{ metricId: 'own.study', value: 8, qualifier: '' }])
    await saveReportMetrics(db, 'a', [], { removedIds: ['own.study'] })
    expect((await getReport(db, 'a'))!.ownMetrics).toEqual([])
    expect(await loadMetricValues(db, 'a')).toEqual([])
  })

  it('refuses to change a submitted, approved or sent report, leaving it as it was', async () => {
    const db = freshDb()
    const r = made('a')
    await createReport(db, r.report, r.doc.content, r.values)
    for (const status of ['submitted', 'approved', 'sent'] as const) {
      await updateReport(db, 'a', { status })
      await expect(saveReportMetrics(db, 'a', [study], { values: [{ metricId: 'own.study', value: 8, qualifier: '' }] })).rejects.toBeInstanceOf(ReportLockedError)
      expect((await getReport(db, 'a'))!.ownMetrics).toBeUndefined()
      expect(await loadMetricValues(db, 'a')).toEqual([])
    }
    await updateReport(db, 'a', { status: 'returned' })
    await saveReportMetrics(db, 'a', [study])
    expect((await getReport(db, 'a'))!.ownMetrics).toEqual([study])
  })

  it('a report written by the previous schema (no ownMetrics field) opens and gets metrics of its own', async () => {
    const name = `own-metrics-old-${++n}-${Date.now()}`
    const old = new Dexie(name)
    declareSchema(old, SCHEMA_VERSIONS.length)
    await old.open()
    const r = made('old')
    await old.table('reports').add(r.report)
    old.close()
    const db = freshDb(name)
    await db.open()
    const loaded = (await getReport(db, 'old')) as Report
    expect(loaded.ownMetrics).toBeUndefined()
    await saveReportMetrics(db, 'old', [study])
    expect((await getReport(db, 'old'))!.ownMetrics).toEqual([study])
  })

  it('last year’s values line up with this year’s own metrics by id, or by label for one made anew', async () => {
    const db = freshDb()
    const last = made('last', 2023)
    await createReport(db, { ...last.report, ownMetrics: [ownMetricForFigure('own.old', '领导班子会议学法次数', { unit: '次', value: 6, qualifier: '' })] }, last.doc.content, [
      { metricId: 'own.old', value: 6, qualifier: '' }
    ])
    const now = made('now', 2024)
    const report: Report = { ...now.report, previousReportId: 'last', ownMetrics: [study] }
    await createReport(db, report, now.doc.content, [])
    const values = await loadPreviousYearValues(db, report, W, (r) => builtInTemplate(r.templateId))
    expect(values).toContainEqual({ metricId: 'own.study', value: 6, qualifier: '' })
    expect(await loadPreviousYearValues(db, { ...report, previousReportId: null }, W, () => W)).toBeUndefined()
  })
})
