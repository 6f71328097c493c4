import { describe, expect, it } from 'vitest'
import { partWhole } from '@core/checks/part-whole'
import { check, flagged } from './helpers'

describe('part-whole', () => {
  it('flags a part larger than the total before it', () => {
    const paras = ['全年共办理信访事项162件，办结率较高，其中群众来访293件。']
    const items = check(partWhole, paras)
    expect(flagged(items, paras)).toEqual(['293件'])
    expect(items[0].message).toContain('162件')
  })
  it('flags parts that add up to more than the total', () => {
    const paras = ['共受理申请20件，其中依申请公开12件、政府信息不存在9件。']
    const items = check(partWhole, paras)
    expect(items.map((i) => i.severity)).toEqual(['建议检查'])
    expect(items[0].message).toContain('21件')
  })
  it('leaves consistent figures, other units and comparisons alone', () => {
    const paras = [
      '共受理申请20件，其中依申请公开12件、政府信息不存在8件。',
      '共开展培训5场，其中参训干部300人次。',
      '共化解纠纷46件，其中调解成功40件，同比增加20件。',
      '共约120余次巡查，其中夜间巡查130次。',
      '全镇共有行政村18个、社区2个，其中配备法律顾问的20个。'
    ]
    expect(check(partWhole, paras)).toEqual([])
  })
})

describe('part-whole without 共', () => {
  it('takes the figure right before "，其中" as the whole, and its ceiling when approximate', () => {
    const paras = ['发放宣传资料3300多份，其中普法读本4000份。', '发放宣传资料3300多份，其中普法读本3350份。']
    expect(flagged(check(partWhole, paras), paras)).toEqual(['4000份'])
  })
  it('takes an enumerated total as the sum of its figures', () => {
    const paras = ['全镇共有行政村18个、社区2个，其中建成调解室的23个。']
    const items = check(partWhole, paras)
    expect(flagged(items, paras)).toEqual(['23个'])
    expect(items[0].message).toContain('18个、社区2个')
  })
  it('flags "18个村中有20个村"', () => {
    const paras = ['全镇18个村中有20个村建立了调解室。', '全镇18个村中有12个村建立了调解室。']
    expect(flagged(check(partWhole, paras), paras)).toEqual(['20个'])
  })
})
