import { describe, expect, it } from 'vitest'
import { runChecks } from '@core/checks'
import { unitVsTable } from '@core/checks/unit-vs-table'
import type { ResolvedTable } from '@core/resolved'
import { input } from './helpers'

const feeTable: ResolvedTable = { id: 'fees', title: '收费情况', unitNote: '单位：万元', header: [], rowHeader: false, columnFractions: [], rows: [] }

describe('unit-table', () => {
  it('flags 元 in the text of a section whose table is in 万元', () => {
    const items = runChecks(input({ sections: [{ title: '收费', tables: [feeTable], body: ['全年收取信息处理费0元。', '全年收取信息处理费0万元。'] }] }), [unitVsTable])
    expect(items).toHaveLength(1)
    expect(items[0].location).toMatchObject({ paragraph: 0 })
    expect(items[0].message).toContain('万元')
  })
  it('leaves money figures alone where no table or metric gives a unit', () => {
    expect(runChecks(input({ sections: [{ title: '经费', body: ['投入资金3.5万元，购置设备1200元。'] }] }), [unitVsTable])).toEqual([])
  })
})
