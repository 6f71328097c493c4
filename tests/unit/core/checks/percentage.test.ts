import { describe, expect, it } from 'vitest'
import { percentage } from '@core/checks/percentage'
import { check, flagged } from './helpers'

describe('percentage', () => {
  it('flags 1/80 printed as 1.1%', () => {
    const paras = ['全年共受理行政复议80件，其中被纠错1件，占1.1%。']
    const items = check(percentage, paras)
    expect(flagged(items, paras)).toEqual(['1.1%'])
    expect(items[0].message).toContain('1.3%')
  })
  it('accepts the share at the precision written (1.3%, 1.25%, 92.6%, 93%)', () => {
    const paras = [
      '共受理80件，其中被纠错1件，占1.3%。',
      '共受理80件，其中被纠错1件，占比1.25%。',
      '共办理162件，其中按时办结150件，占92.6%。',
      '共办理162件，其中按时办结150件，占总数的93%。'
    ]
    expect(check(percentage, paras)).toEqual([])
  })
  it('does not read a growth rate as a share', () => {
    expect(check(percentage, ['共办理139件，其中网上办理120件，同比增长15.8%。'])).toEqual([])
  })
})

describe('a rate without 其中', () => {
  it('suggests checking a rate no count of the total gives', () => {
    const paras = ['全镇共调解纠纷86起，成功84起，调解成功率96.7%。', '共受理申请20件，按期办结18件，办结率100%。']
    const items = check(percentage, paras)
    expect(flagged(items, paras)).toEqual(['96.7%', '100%'])
    expect(items.map((i) => i.severity)).toEqual(['建议检查', '建议检查'])
    expect(items[0].message).toContain('97.7%')
  })
  it('accepts a rate some count gives, and leaves rates without a total alone', () => {
    const paras = [
      '全镇共调解纠纷86起，成功84起，调解成功率97.7%。',
      '共办理复议案件8件，维持6件、撤销1件、确认违法1件，维持率75%，办结率100%。',
      '组织学法考试，参考率100%，合格率98%。',
      '共受理120余件，办结115件，办结率96%。'
    ]
    expect(check(percentage, paras)).toEqual([])
  })
})

describe('percentage above 100', () => {
  it('flags a rate of a whole above 100%, not a growth rate', () => {
    const paras = ['受理申请40件，答复率为110%。', '收入同比增长120%。']
    expect(flagged(check(percentage, paras), paras)).toEqual(['110%'])
  })
})
