import { describe, expect, it } from 'vitest'
import { runChecks } from '@core/checks'
import { placeholders } from '@core/checks/placeholders'
import { check, flagged, input } from './helpers'

describe('placeholders', () => {
  it('finds ×× in the addressee and template placeholder headings', () => {
    const items = runChecks(input({ addressee: '中共××县委、××县人民政府：', sections: [{ title: '（请改为第一项重点工作）' }] }), [placeholders])
    expect(items.map((i) => i.place)).toEqual(['主送机关', '主送机关', '一、（请改为第一项重点工作）（标题）'])
    expect(items.every((i) => i.severity === '必须修改')).toBe(true)
  })

  it('finds XX next to Chinese and 【请填写】 notes in the body, not Latin XX or a filled chip', () => {
    const paras = ['XX村完成改造。', '型号XXL-200的设备两台。', '全年办理【请填写数字】件。', '全年办理{{【XX】}}件。']
    expect(flagged(check(placeholders, paras), paras)).toEqual(['XX', '【请填写数字】'])
    const more = ['全年开展活动（次数待定）次。', '执行（2024年修订）版。']
    expect(flagged(check(placeholders, more), more)).toEqual(['（次数待定）'])
  })
})
