// The metrics store's batch entry (a pasted block, 其余填0) over a real (fake-indexeddb)
// database: valid values are stored one by one through saveMetricValue, refused ones keep the
// old value and get a message, and the totals follow.
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { GOV_DISCLOSURE_TEMPLATE as T } from '@core/templates'
import { createReportFromTemplate } from '@core/report-factory'
import { metricTableCellId } from '@core/metric-tables'
import { emptyInputCells, tableGrid } from '@core/table-entry'
import { HuibaoDatabase, createReport, loadMetricValues, setDatabase } from '../../../src-renderer/src/db/database'
import { useMetricsStore } from '../../../src-renderer/src/stores/metrics'
import type { Report } from '@core/report'
import { memoryStorage } from '../db/memory-storage'

let db: HuibaoDatabase
let counter = 0
let made: Report
const t3 = T.tables!.find((t) => t.id === 'disclosure.t3')!
const id = (row: string, col: string) => metricTableCellId(t3.id, row, col)

beforeEach(async () => {
  db = new HuibaoDatabase(`huibao-metrics-batch-${process.pid}-${++counter}`)
  setDatabase(db)
  setActivePinia(createPinia())
  let n = 0
  const { report, doc, values } = createReportFromTemplate(
    T,
    { organs: ['甲镇人民政府'], addressee: '乙县人民政府', year: 2024, date: '2025-01-15', title: '' },
    { reportId: 'r1', newSectionId: () => `s${++n}`, now: 1000 }
  )
  await createReport(db, report, doc.content, values)
  made = report
})

afterEach(async () => {
  setDatabase(null)
  db.close()
  await Dexie.delete(db.name)
})

describe('metrics store: setInputs', () => {
  it('stores the valid values, refuses the bad one with a message, and totals add up what was stored', async () => {
    const metrics = useMetricsStore()
    await metrics.load(made, T, db)
    await metrics.setInput(id('received', 'research'), '7')
    const failed = await metrics.setInputs([
      { metricId: id('received', 'natural'), raw: '1,024' },
      { metricId: id('received', 'business'), raw: '３' },
      { metricId: id('received', 'research'), raw: '3 1' },
      { metricId: id('received', 'nonprofit'), raw: '2' }
    ])
    expect(failed).toEqual([id('received', 'research')])
    expect(metrics.errors[id('received', 'research')]).toMatch(/一格只能填一个数/)
    const stored = new Map((await loadMetricValues(db, 'r1')).map((v) => [v.metricId, v.value]))
    expect(stored.get(id('received', 'natural'))).toBe(1024)
    expect(stored.get(id('received', 'business'))).toBe(3)
    expect(stored.get(id('received', 'research'))).toBe(7)
    expect(stored.get(id('received', 'nonprofit'))).toBe(2)
    expect(metrics.results.get(id('received', 'total'))).toEqual({ state: 'ok', value: 1024 + 3 + 7 + 2 })
  })

  it('其余填0 through setInputs: every empty input cell stored as 0, totals print 0, typed cells untouched', async () => {
    const metrics = useMetricsStore()
    await metrics.load(made, T, db)
    await metrics.setInput(id('disclosed', 'natural'), '5')
    const grid = tableGrid(t3, metrics.definitions)
    const empty = emptyInputCells(grid, metrics.values)
    expect(empty).not.toContain(id('disclosed', 'natural'))
    expect(await metrics.setInputs(empty.map((metricId) => ({ metricId, raw: '0' })))).toEqual([])
    expect(emptyInputCells(grid, metrics.values)).toEqual([])
    const stored = await loadMetricValues(db, 'r1')
    const t3Inputs = stored.filter((v) => v.metricId.startsWith(`${t3.id}.`) && metrics.definition(v.metricId)?.formula === undefined)
    expect(t3Inputs).toHaveLength(24 * 6)
    expect(t3Inputs.filter((v) => v.value !== 0).map((v) => [v.metricId, v.value])).toEqual([[id('disclosed', 'natural'), 5]])
    expect(metrics.results.get(id('carriedOut', 'total'))).toEqual({ state: 'ok', value: 0 })
    expect(metrics.results.get(id('handledTotal', 'total'))).toEqual({ state: 'ok', value: 5 })
  })
})

describe('metrics store: figures typed but not confirmed when the page goes away', () => {
  it('records the checked values at once, stores them, then drops the record; invalid and unchanged ones are left alone', async () => {
    const storage = memoryStorage()
    const map = storage.map
    vi.stubGlobal('localStorage', storage)
    try {
      const metrics = useMetricsStore()
      await metrics.load(made, T, db)
      await metrics.setInput(id('received', 'research'), '7')
      metrics.keepUnconfirmed({ [id('received', 'natural')]: '12', [id('received', 'business')]: '3 1', [id('received', 'research')]: '7' })
      // Recorded synchronously, before any database write: the page may be gone after this.
      const record = JSON.parse(map.get('huibao.unsaved-figures.r1')!)
      expect(record.figures).toEqual([{ metricId: id('received', 'natural'), value: 12, qualifier: '' }])
      await vi.waitFor(() => expect(map.size).toBe(0))
      const stored = new Map((await loadMetricValues(db, 'r1')).map((v) => [v.metricId, v.value]))
      expect(stored.get(id('received', 'natural'))).toBe(12)
      expect(stored.get(id('received', 'business'))).toBeNull()
      expect(stored.get(id('received', 'research'))).toBe(7)
    } finally {
      vi.unstubAllGlobals()
    }
  })
})
