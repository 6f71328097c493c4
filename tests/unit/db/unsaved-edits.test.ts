// Edits recorded when the page went away before its last save committed (db/unsaved-edits.ts),
// put back against a real IndexedDB implementation: only what is missing is written, a stale
// or damaged record never overwrites the stored text, and a locked report stays as it was.
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import type { BlockJSON, Report, ReportStatus } from '@core/report'
import { HuibaoDatabase, createReport, loadMetricValues, saveMetricValue, saveSections, sectionRowsOf } from '../../../src-renderer/src/db/database'
import {
  recordUnsavedEdits,
  recordUnsavedFigures,
  recoverAllUnsavedEdits,
  recoverUnsavedEdits,
  unsavedEditsKey,
  type UnsavedEdits,
  type UnsavedEditsStorage
} from '../../../src-renderer/src/db/unsaved-edits'
import { META, blocks, sectionOf, t } from '../review/fixtures'
import { memoryStorage } from './memory-storage'

const opened: HuibaoDatabase[] = []
let counter = 0
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close()
    await Dexie.delete(db.name)
  }
})

const S1 = sectionOf('s1', '主要做法', [t('全年开展巡查。')])
const S2 = sectionOf('s2', '存在问题', [t('仍有不足。')])
const DOC: BlockJSON[] = blocks([t('导语。')], S1, S2)
/** When the stored rows were written; records below are made later than this. */
const STORED_AT = 1_000

async function seeded(status: ReportStatus = 'draft'): Promise<HuibaoDatabase> {
  const db = new HuibaoDatabase(`huibao-unsaved-${process.pid}-${++counter}`)
  opened.push(db)
  const report: Report = { id: 'r1', templateId: 'rule-of-law-annual', templateVersion: 1, meta: META, status: 'draft', sectionOrder: DOC.map((b) => b.attrs.id), createdAt: STORED_AT, updatedAt: STORED_AT, deletedAt: null }
  await createReport(db, report, DOC, [{ metricId: 'patrols', value: 100, qualifier: '余' }])
  if (status !== 'draft') await db.reports.update('r1', { status })
  return db
}

async function textOf(db: HuibaoDatabase): Promise<Record<string, string>> {
  const rows = await sectionRowsOf(db, 'r1')
  return Object.fromEntries(rows.map((row) => [row.id, JSON.stringify(row.json)]))
}

const typed = sectionOf('s1', '主要做法', [t('全年开展巡查。关闭窗口前刚打的字。')])
const record = (change: Partial<UnsavedEdits['change']>, at = 5_000, by: UnsavedEdits['by'] = 'clerk'): UnsavedEdits => ({
  reportId: 'r1',
  at,
  by,
  change: { changed: [], removedIds: [], order: null, ...change }
})

describe('edits left unsaved when the page went away', () => {
  it('are put back into the report, and the record is removed', async () => {
    const db = await seeded()
    const storage = memoryStorage()
    expect(recordUnsavedEdits(storage, record({ changed: [typed] }))).toBe(true)
    expect(await recoverUnsavedEdits(db, 'r1', storage)).toEqual({ kind: 'recovered', title: META.title })
    const rows = await sectionRowsOf(db, 'r1')
    expect(rows.find((r) => r.id === 's1')!.json).toEqual(typed)
    expect(rows.find((r) => r.id === 's2')!.json).toEqual(S2)
    expect(storage.map.has(unsavedEditsKey('r1'))).toBe(false)
    // Opening again finds nothing left to do.
    expect(await recoverUnsavedEdits(db, 'r1', storage)).toEqual({ kind: 'none' })
  })

  it('bring back a new section, a removed one and the new order', async () => {
    const db = await seeded()
    const storage = memoryStorage()
    const added = sectionOf('s3', '下一步打算', [t('继续推进。')])
    recordUnsavedEdits(storage, record({ changed: [added], removedIds: ['s2'], order: ['preamble', 's3', 's1'] }))
    expect(await recoverUnsavedEdits(db, 'r1', storage)).toEqual({ kind: 'recovered', title: META.title })
    expect((await db.reports.get('r1'))!.sectionOrder).toEqual(['preamble', 's3', 's1'])
    const rows = await sectionRowsOf(db, 'r1')
    expect(rows.map((r) => r.id).sort()).toEqual(['preamble', 's1', 's3'])
    expect(rows.find((r) => r.id === 's3')!.json).toEqual(added)
  })

  it('write nothing when the last save did commit', async () => {
    const db = await seeded()
    const storage = memoryStorage()
    // The record and the save made from the same document at the same moment.
    recordUnsavedEdits(storage, record({ changed: [typed] }, 5_000))
    await saveSections(db, 'r1', { changed: [typed], removedIds: [], order: null }, 5_000)
    const before = await db.reports.get('r1')
    expect(await recoverUnsavedEdits(db, 'r1', storage)).toEqual({ kind: 'already-saved' })
    expect(await db.reports.get('r1')).toEqual(before)
    expect(storage.map.size).toBe(0)
  })

  it('never overwrite text saved after the page went away', async () => {
    const db = await seeded()
    const storage = memoryStorage()
    recordUnsavedEdits(storage, record({ changed: [typed] }, 5_000))
    const later = sectionOf('s1', '主要做法', [t('之后又改过的文字。')])
    await saveSections(db, 'r1', { changed: [later], removedIds: [], order: null }, 6_000)
    expect(await recoverUnsavedEdits(db, 'r1', storage)).toEqual({ kind: 'already-saved' })
    expect((await sectionRowsOf(db, 'r1')).find((r) => r.id === 's1')!.json).toEqual(later)
    expect(storage.map.size).toBe(0)
  })

  it('leave the report untouched and say so in Chinese when the record is damaged', async () => {
    const db = await seeded()
    const storage = memoryStorage()
    const before = await textOf(db)
    for (const damaged of ['{"format":"huibao-unsaved-edits"', JSON.stringify({ format: 'huibao-unsaved-edits', formatVersion: 1, reportId: 'r1', at: 5, by: 'clerk', change: { changed: [{ type: 'section' }], removedIds: [], order: null } })]) {
      storage.setItem(unsavedEditsKey('r1'), damaged)
      const result = await recoverUnsavedEdits(db, 'r1', storage)
      expect(result).toEqual({ kind: 'failed', message: expect.stringMatching(/未保存的内容.*损坏/) })
      expect(storage.map.size).toBe(0)
    }
    expect(await textOf(db)).toEqual(before)
  })

  it('are refused by the approval lock like any other write, with its reason', async () => {
    const db = await seeded('approved')
    const storage = memoryStorage()
    const before = await textOf(db)
    recordUnsavedEdits(storage, record({ changed: [typed] }))
    const result = await recoverUnsavedEdits(db, 'r1', storage)
    expect(result.kind).toBe('failed')
    expect(result.kind === 'failed' && result.message).toMatch(/^上次关闭前未保存的内容无法恢复：.+/)
    expect(await textOf(db)).toEqual(before)
    expect(storage.map.size).toBe(0)
  })

  it('are kept for the next open when the database fails now', async () => {
    const db = await seeded()
    const storage = memoryStorage()
    recordUnsavedEdits(storage, record({ changed: [typed] }))
    db.close()
    const result = await recoverUnsavedEdits(db, 'r1', storage)
    expect(result).toEqual({ kind: 'failed', message: expect.stringContaining('下次打开这份报告时会再试') })
    expect(storage.map.has(unsavedEditsKey('r1'))).toBe(true)
    await db.open()
    expect(await recoverUnsavedEdits(db, 'r1', storage)).toEqual({ kind: 'recovered', title: META.title })
  })

  it('are recorded only where storage accepts them', () => {
    const full: UnsavedEditsStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError')
      },
      removeItem: () => {}
    }
    expect(recordUnsavedEdits(full, record({ changed: [typed] }))).toBe(false)
    expect(recordUnsavedEdits(null, record({ changed: [typed] }))).toBe(false)
  })

  it('of every report are put back at start-up, leaving other keys alone', async () => {
    const db = await seeded()
    const other: Report = { ...(await db.reports.get('r1'))!, id: 'r2', meta: { ...META, title: '另一份报告' } }
    const otherSection = sectionOf('s1', '主要做法', [t('另一份的旧文字。')])
    await createReport(db, other, [otherSection], [])
    const storage = memoryStorage()
    storage.setItem('huibao.audit-anchor', 'kept')
    recordUnsavedEdits(storage, record({ changed: [typed] }))
    const newer = sectionOf('s1', '主要做法', [t('另一份关闭前的新文字。')])
    recordUnsavedEdits(storage, { ...record({ changed: [newer] }), reportId: 'r2' })
    const results = await recoverAllUnsavedEdits(db, storage)
    expect(results).toEqual([
      { kind: 'recovered', title: META.title },
      { kind: 'recovered', title: '另一份报告' }
    ])
    expect((await db.sections.get(['r2', 's1']))!.json).toEqual(newer)
    expect((await db.sections.get(['r1', 's1']))!.json).toEqual(typed)
    expect([...storage.map.keys()]).toEqual(['huibao.audit-anchor'])
    expect(await recoverAllUnsavedEdits(db, storage)).toEqual([])
  })

  it('of figures typed but not confirmed are put back with the text, in one go', async () => {
    const db = await seeded()
    const storage = memoryStorage()
    recordUnsavedEdits(storage, record({ changed: [typed] }))
    recordUnsavedFigures(storage, { reportId: 'r1', at: 5_000, by: 'clerk', figures: [{ metricId: 'patrols', value: 126, qualifier: '余' }, { metricId: 'cases', value: 8, qualifier: '' }] })
    expect(await recoverUnsavedEdits(db, 'r1', storage)).toEqual({ kind: 'recovered', title: META.title })
    const values = new Map((await loadMetricValues(db, 'r1')).map((v) => [v.metricId, v]))
    expect(values.get('patrols')).toEqual({ metricId: 'patrols', value: 126, qualifier: '余' })
    expect(values.get('cases')).toEqual({ metricId: 'cases', value: 8, qualifier: '' })
    expect((await sectionRowsOf(db, 'r1')).find((r) => r.id === 's1')!.json).toEqual(typed)
    expect(storage.map.size).toBe(0)
  })

  it('of figures are dropped when the figure was saved again after the page went away', async () => {
    const db = await seeded()
    const storage = memoryStorage()
    recordUnsavedFigures(storage, { reportId: 'r1', at: 5_000, by: 'clerk', figures: [{ metricId: 'patrols', value: 126, qualifier: '余' }] })
    await saveMetricValue(db, 'r1', { metricId: 'patrols', value: 130, qualifier: '' }, 6_000)
    expect(await recoverUnsavedEdits(db, 'r1', storage)).toEqual({ kind: 'already-saved' })
    expect((await loadMetricValues(db, 'r1')).find((v) => v.metricId === 'patrols')!.value).toBe(130)
    expect(storage.map.size).toBe(0)
  })

  it('of figures are refused on an approved report, and a damaged figures record says so', async () => {
    const locked = await seeded('approved')
    const storage = memoryStorage()
    recordUnsavedFigures(storage, { reportId: 'r1', at: 5_000, by: 'clerk', figures: [{ metricId: 'patrols', value: 126, qualifier: '余' }] })
    expect(await recoverUnsavedEdits(locked, 'r1', storage)).toEqual({ kind: 'failed', message: expect.stringMatching(/^上次关闭前未保存的内容无法恢复：/) })
    expect((await loadMetricValues(locked, 'r1'))[0].value).toBe(100)
    const db = await seeded()
    storage.setItem('huibao.unsaved-figures.r1', JSON.stringify({ format: 'huibao-unsaved-figures', formatVersion: 1, reportId: 'r1', at: 5, by: 'clerk', figures: [{ metricId: 'patrols', value: { a: 1 }, qualifier: '' }] }))
    expect(await recoverUnsavedEdits(db, 'r1', storage)).toEqual({ kind: 'failed', message: expect.stringMatching(/损坏/) })
    expect((await loadMetricValues(db, 'r1'))[0].value).toBe(100)
    expect(storage.map.size).toBe(0)
  })

  it('of figures only, for a report never opened again, are found by the start-up sweep', async () => {
    const db = await seeded()
    const storage = memoryStorage()
    recordUnsavedFigures(storage, { reportId: 'r1', at: 5_000, by: 'clerk', figures: [{ metricId: 'patrols', value: 126, qualifier: '余' }] })
    expect(await recoverAllUnsavedEdits(db, storage)).toEqual([{ kind: 'recovered', title: META.title }])
    expect((await loadMetricValues(db, 'r1'))[0].value).toBe(126)
  })
})
