// The 政府信息公开工作年度报告 template against the official 2021 format (facts in
// tests/fixtures/disclosure-format.ts): sections, the three tables' row and column labels, and
// every sum rule the format requires.
import { describe, expect, it } from 'vitest'
import { GOV_DISCLOSURE_TEMPLATE as T } from '@core/templates'
import { checkMetricRules, metricTableCellId, resolveMetricTable, tableHeaderRows } from '@core/metric-tables'
import { checkFormulas } from '@core/formula'
import { computeMetricResults, effectiveValues } from '@core/metrics'
import type { MetricValue } from '@core/template'

import {
  DISCLOSURE_SECTIONS,
  TABLE_2_ITEM_1_COLUMNS,
  TABLE_3_GROUPS,
  TABLE_3_LEGAL_PERSON_COLUMNS,
  TABLE_4_RESULTS
} from '../../fixtures/disclosure-format'

/** Quotes, and the short forms ('本年新收申请数量' for the official '本年新收政府信息公开申请数量'). */
const norm = (s: string) => s.replace(/[“”"]/g, '').replace(/政府信息公开申请数量/g, '申请数量').replace(/^\d+\./, '')

const table = (id: string) => T.tables!.find((t) => t.id === id)!
const t3 = table('disclosure.t3')
const t4 = table('disclosure.t4')
const cell = (tableId: string, row: string, col: string) => metricTableCellId(tableId, row, col)
const v = (metricId: string, value: number | null): MetricValue => ({ metricId, value, qualifier: '' })

describe('disclosure template structure (reference)', () => {
  it('records the 2021 format version and has exactly the six fixed sections in order', () => {
    expect(T.formatVersion).toBe('2021')
    expect(T.sections.filter((s) => s.level === 1).map((s) => s.title)).toEqual(DISCLOSURE_SECTIONS)
  })

  it('Table 二 has its four sub-tables with the reference rows and columns', () => {
    const spec: Array<[string, string[], string[]]> = [
      ['disclosure.t2a', ['规章', '行政规范性文件'], TABLE_2_ITEM_1_COLUMNS],
      ['disclosure.t2e', ['行政许可'], ['本年处理决定数量']],
      ['disclosure.t2f', ['行政处罚', '行政强制'], ['本年处理决定数量']],
      ['disclosure.t2h', ['行政事业性收费'], ['本年收费金额（单位：万元）']]
    ]
    for (const [id, rows, cols] of spec) {
      const t = table(id)
      expect(t.rows.map((r) => r.label), id).toEqual(rows)
      expect(t.columns.map((c) => c.label), id).toEqual(cols)
    }
    expect(T.tables!.map((t) => t.title).filter((x) => x.startsWith('第二十条'))).toEqual([
      '第二十条第（一）项',
      '第二十条第（五）项',
      '第二十条第（六）项',
      '第二十条第（八）项'
    ])
  })

  it('Table 三 has the reference columns: 自然人 | 法人或其他组织 (five) | 总计', () => {
    const legal = TABLE_3_LEGAL_PERSON_COLUMNS
    expect(t3.columns.map((c) => c.label)).toEqual(['自然人', ...legal, '总计'])
    expect(t3.columns.filter((c) => c.groups?.includes('法人或其他组织')).map((c) => c.label)).toEqual(legal)
    const header = tableHeaderRows(t3)
    expect(header).toHaveLength(3)
    expect(header[1].find((h) => h.text === '法人或其他组织')?.colSpan).toBe(5)
    expect(header[0].find((h) => h.text === '申请人情况')?.colSpan).toBe(7)
  })

  it('Table 三 has every reference row, in order, with the right sub-rows', () => {
    const labels = t3.rows.map((r) => norm(r.label))
    const expectInOrder = (names: string[]) => {
      let last = -1
      for (const n of names) {
        const at = labels.findIndex((l, i) => i > last && l.startsWith(norm(n)))
        expect(at, n).toBeGreaterThan(last)
        last = at
      }
    }
    expectInOrder(['一、本年新收申请数量', '二、上年结转申请数量', '三、本年度办理结果', '（一）予以公开', '（二）部分公开', '（三）不予公开'])
    for (const [group, subs] of TABLE_3_GROUPS) {
      const n = subs.length
      const start = t3.rows.findIndex((r) => r.label === group)
      expect(t3.rows[start].heading).toBe(true)
      const actual = t3.rows.slice(start + 1, start + 1 + n)
      expect(actual.map((r) => norm(r.label).replace(/、/g, '')), group).toEqual(subs.map((s) => norm(s).replace(/、/g, '')))
      expect(actual.length).toBeGreaterThan(0)
      expect(actual.every((r) => (r.indent ?? 0) > (t3.rows[start].indent ?? 0))).toBe(true)
    }
    expectInOrder(['（六）其他处理', '（七）总计', '四、结转下年度继续办理'])
    expect(labels.at(-1)).toBe(norm('四、结转下年度继续办理'))
  })

  it('Table 四 is one data row × 15 columns in three groups of the same five', () => {
    const five = TABLE_4_RESULTS
    expect(t4.rows.filter((r) => !r.heading)).toHaveLength(1)
    expect(t4.columns).toHaveLength(15)
    expect(t4.columns.map((c) => c.label)).toEqual([...five, ...five, ...five])
    expect(t4.columns.map((c) => c.groups!.join('·'))).toEqual([
      ...Array(5).fill('行政复议'),
      ...Array(5).fill('行政诉讼·未经复议直接起诉'),
      ...Array(5).fill('行政诉讼·复议后起诉')
    ])
    const header = tableHeaderRows(t4)
    expect(header[0].map((h) => [h.text, h.colSpan])).toEqual([['行政复议', 5], ['行政诉讼', 10]])
    // 行政复议's five leaves span down past the missing second group level.
    expect(header[1].filter((h) => h.rowSpan === 2)).toHaveLength(5)
  })

  it('every cell is a metric, ids unique, formulas sound', () => {
    const ids = T.metrics.map((m) => m.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const t of T.tables!) for (const r of t.rows.filter((r) => !r.heading)) for (const c of t.columns) expect(ids).toContain(cell(t.id, r.key, c.key))
    expect(checkFormulas(T.metrics)).toEqual([])
    expect(new Set(T.metrics.map((m) => m.label)).size).toBe(T.metrics.length)
  })
})

describe('disclosure sums are computed, not typed', () => {
  const typedT3 = () => T.metrics.filter((m) => m.id.startsWith('disclosure.t3.') && m.formula === undefined)

  it('the 总计 column adds the six applicant columns, and （七）总计 adds （一）–（六）', () => {
    const computed = T.metrics.filter((m) => m.id.startsWith('disclosure.t3.') && m.formula !== undefined).map((m) => m.id)
    // 30 rows minus 5 headings = 25 data rows; every row has a computed 总计, and （七） adds 6 more.
    expect(computed).toHaveLength(25 + 6)
    const values = [
      v(cell(t3.id, 'received', 'natural'), 12),
      v(cell(t3.id, 'received', 'business'), 3),
      v(cell(t3.id, 'received', 'otherOrg'), 1),
      v(cell(t3.id, 'disclosed', 'natural'), 7),
      v(cell(t3.id, 'partly', 'natural'), 2),
      v(cell(t3.id, 'refused.thirdParty', 'natural'), 1),
      v(cell(t3.id, 'unable.notHeld', 'natural'), 1),
      v(cell(t3.id, 'notHandled.repeated', 'business'), 2),
      v(cell(t3.id, 'otherHandling.other', 'natural'), 1)
    ]
    const r = computeMetricResults(T, values)
    const ok = (row: string, col: string) => {
      const x = r.get(cell(t3.id, row, col))
      return x?.state === 'ok' ? x.value : x?.state
    }
    expect(ok('received', 'total')).toBe(12 + 3 + 1)
    expect(ok('handledTotal', 'natural')).toBe(7 + 2 + 1 + 1 + 1)
    expect(ok('handledTotal', 'business')).toBe(2)
    expect(ok('handledTotal', 'total')).toBe(7 + 2 + 1 + 1 + 1 + 2)
    // A column with nothing in it stays empty rather than showing a made-up 0.
    expect(ok('handledTotal', 'research')).toBe('missing')
    expect(typedT3().length + computed.length).toBe(25 * 7)
  })

  it('each 总计 of Table 四 = 维持 + 纠正 + 其他 + 尚未审结', () => {
    for (const g of ['review', 'suitDirect', 'suitAfterReview']) {
      const values = [v(cell(t4.id, 'cases', `${g}.upheld`), 2), v(cell(t4.id, 'cases', `${g}.corrected`), 1), v(cell(t4.id, 'cases', `${g}.otherResult`), 0), v(cell(t4.id, 'cases', `${g}.pending`), 4)]
      expect(computeMetricResults(T, values).get(cell(t4.id, 'cases', `${g}.total`))).toEqual({ state: 'ok', value: 7 })
    }
  })

  it('a typed total is ignored in the effective values and flagged when it disagrees', () => {
    const totalId = cell(t3.id, 'received', 'total')
    const values = [v(cell(t3.id, 'received', 'natural'), 5), v(totalId, 9)]
    expect(effectiveValues(T, values).find((x) => x.metricId === totalId)?.value).toBe(5)
    const violations = checkMetricRules(T, values)
    expect(violations.map((x) => x.id)).toContain(`computed:${totalId}`)
    expect(violations.find((x) => x.id === `computed:${totalId}`)!.message).toMatch(/应为 5/)
    expect(checkMetricRules(T, [v(cell(t3.id, 'received', 'natural'), 5), v(totalId, 5)])).toEqual([])
  })

  it('flags a column that does not balance (received + carried in ≠ handled + carried out)', () => {
    const balanced = [
      v(cell(t3.id, 'received', 'natural'), 10),
      v(cell(t3.id, 'carriedIn', 'natural'), 2),
      v(cell(t3.id, 'disclosed', 'natural'), 9),
      v(cell(t3.id, 'carriedOut', 'natural'), 3)
    ]
    expect(checkMetricRules(T, balanced)).toEqual([])
    const off = balanced.map((x) => (x.metricId === cell(t3.id, 'disclosed', 'natural') ? { ...x, value: 8 } : x))
    const violations = checkMetricRules(T, off)
    expect(violations.length).toBeGreaterThan(0)
    expect(violations[0].message).toMatch(/自然人.*不平衡/)
    expect(violations[0].metricIds).toContain(cell(t3.id, 'received', 'natural'))
  })

  it('resolves a partly filled table for display: typed, computed and empty cells', () => {
    const values = [v(cell(t3.id, 'received', 'natural'), 4), v(cell(t3.id, 'received', 'business'), 1)]
    const resolved = resolveMetricTable(t3, T, values)
    const received = resolved.rows.find((r) => r.key === 'received')!
    expect(received.cells.map((c) => c.text)).toEqual(['4', '1', '', '', '', '', '5'])
    expect(received.cells.at(-1)!.computed).toBe(true)
    expect(resolved.rows.find((r) => r.key === 'results')!.cells).toEqual([])
    expect(resolved.columnFractions.reduce((a, b) => a + b, 0)).toBeCloseTo(1)
    expect(resolved.columnFractions).toHaveLength(8)
  })
})
