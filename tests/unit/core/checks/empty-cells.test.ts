import { describe, expect, it } from 'vitest'
import { runChecks } from '@core/checks'
import { emptyCells } from '@core/checks/empty-cells'
import type { ResolvedTable } from '@core/resolved'
import { input } from './helpers'

function table(cells: Array<[string, string, boolean?]>): ResolvedTable {
  return {
    id: 't1', title: '收到申请情况', unitNote: '单位：件', header: [], rowHeader: true, columnFractions: [],
    rows: [{ key: 'r', label: '本年新收', indent: 0, heading: false, cells: cells.map(([metricId, text, computed]) => ({ metricId, text, computed: Boolean(computed), empty: text === '' })) }]
  }
}

describe('empty-cell', () => {
  it('offers 其余填0 for the blank typed cells of a partly filled table', () => {
    const items = runChecks(input({ sections: [{ title: '收到申请', tables: [table([['a', '3'], ['b', ''], ['c', ''], ['sum', '', true]])] }] }), [emptyCells])
    expect(items).toHaveLength(1)
    expect(items[0].fix).toEqual({ kind: 'fillZero', metricIds: ['b', 'c'], label: '其余填0' })
    expect(items[0].message).toContain('2个空格')
  })

  it('asks for a wholly empty table to be filled, without guessing zeros', () => {
    const items = runChecks(input({ sections: [{ title: '收到申请', tables: [table([['a', ''], ['b', '']])] }] }), [emptyCells])
    expect(items[0].fix).toBeUndefined()
    expect(items[0].severity).toBe('必须修改')
  })

  it('says nothing about a full table', () => {
    expect(runChecks(input({ sections: [{ title: '收到申请', tables: [table([['a', '0'], ['b', '5']])] }] }), [emptyCells])).toEqual([])
  })
})
