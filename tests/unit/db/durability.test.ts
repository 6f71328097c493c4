// Township PCs lose power: every transaction the app opens — saves, approvals, audit entries —
// asks IndexedDB for strict durability (flushed before the commit is reported). Checked at the
// engine boundary: what IDBDatabase.transaction() is actually called with.
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { builtInTemplate } from '@core/templates'
import { createReportFromTemplate } from '@core/report-factory'
import { HuibaoDatabase, createReport, saveMetricValue, saveSections } from '../../../src-renderer/src/db/database'
import { saveNamedVersion, submitReport } from '../../../src-renderer/src/services/review'

const opened: HuibaoDatabase[] = []
afterEach(async () => {
  vi.restoreAllMocks()
  for (const db of opened.splice(0)) {
    db.close()
    await Dexie.delete(db.name)
  }
})

function spyOnTransactions() {
  const calls: Array<{ mode: string; durability: string | undefined }> = []
  const original = IDBDatabase.prototype.transaction
  vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (this: IDBDatabase, stores, mode, options) {
    calls.push({ mode: mode ?? 'readonly', durability: options?.durability })
    return original.call(this, stores, mode, options)
  })
  return calls
}

describe('durability', () => {
  it('asks for strict durability on every write: report creation, autosave, figures, submit, version', async () => {
    const db = new HuibaoDatabase(`huibao-durability-${process.pid}`)
    opened.push(db)
    // Before open: Dexie binds the engine's transaction() when it opens.
    const calls = spyOnTransactions()
    await db.open()
    let n = 0
    const { report, doc, values } = createReportFromTemplate(
      builtInTemplate('rule-of-law-annual')!,
      { organs: ['甲镇人民政府'], addressee: '乙县人民政府', year: 2024, date: '2025-01-15', title: '' },
      { reportId: 'r1', newSectionId: () => `s${++n}`, now: 1000 }
    )
    await createReport(db, report, doc.content, values)
    await saveSections(db, 'r1', { changed: [doc.content[1]], removedIds: [], order: null })
    await saveMetricValue(db, 'r1', { metricId: values[0].metricId, value: 12, qualifier: '余' })
    await submitReport(db, 'r1', { role: 'clerk', name: '王小明' }, 2000)
    await saveNamedVersion(db, 'r1', { role: 'clerk', name: '王小明' }, '留档', 3000)
    const writes = calls.filter((c) => c.mode === 'readwrite')
    expect(writes.length).toBeGreaterThanOrEqual(5)
    expect(writes.every((c) => c.durability === 'strict')).toBe(true)
  })

  it("keeps 'relaxed' available only when asked for (the bench's baseline)", async () => {
    const db = new HuibaoDatabase(`huibao-durability-relaxed-${process.pid}`, { durability: 'relaxed' })
    opened.push(db)
    const calls = spyOnTransactions()
    await db.open()
    await db.settings.put({ key: 'k', value: 1 })
    expect(calls.filter((c) => c.mode === 'readwrite').map((c) => c.durability)).toEqual(['relaxed'])
  })
})
