import { describe, expect, it } from 'vitest'
import { runChecks } from '@core/checks'
import { yearConsistency } from '@core/checks/year-consistency'
import { check, flagged, input } from './helpers'

describe('year', () => {
  it('flags a title for last year', () => {
    const items = runChecks(input({ title: '示例镇人民政府关于2023年法治政府建设情况的报告' }), [yearConsistency])
    expect(items.map((i) => i.place)).toEqual(['标题'])
  })
  it('flags 本年/今年 written with another year', () => {
    const paras = ['今年（2023年）共召开专题会议4次。', '本年度（2023年度）新建调解室两处。']
    expect(flagged(check(yearConsistency, paras), paras)).toEqual(['2023年', '2023年'])
  })
  it('accepts comparisons with last year, the plan year and the report year', () => {
    const paras = ['今年（2024年）共召开专题会议4次。', '较2023年本年新增调解室两处。', '2021—2025年规划中今年任务已完成。']
    expect(check(yearConsistency, paras)).toEqual([])
    expect(runChecks(input({ sections: [{ title: '2025年度推进法治政府建设的主要安排' }, { title: '2024年度主要举措' }] }), [yearConsistency])).toEqual([])
    expect(runChecks(input({ sections: [{ title: '2023年度主要举措' }] }), [yearConsistency])).toHaveLength(1)
  })
})
