import { describe, expect, it } from 'vitest'
import { runChecks } from '@core/checks'
import { numbering } from '@core/checks/numbering'
import { check, flagged, input } from './helpers'

describe('numbering', () => {
  it('flags a number typed into a heading and offers to remove it', () => {
    const items = runChecks(input({ sections: [{ title: '一、主要举措' }, { title: '存在的不足' }] }), [numbering])
    expect(items).toHaveLength(1)
    expect(items[0].fix).toMatchObject({ kind: 'replace', from: '一、', to: '' })
  })
  it('accepts 一、→1. used throughout but flags mixing it with 一、→（一）', () => {
    const consistent = input({ sections: [{ title: '甲' }, { level: 3, number: '1.', title: '甲一' }, { title: '乙' }, { level: 3, number: '1.', title: '乙一' }] })
    expect(runChecks(consistent, [numbering])).toEqual([])
    const mixed = input({ sections: [{ title: '甲' }, { level: 2, number: '（一）', title: '甲一' }, { title: '乙' }, { level: 3, number: '1.', title: '乙一' }] })
    expect(runChecks(mixed, [numbering]).map((i) => i.place)).toEqual(['1.乙一（标题）'])
  })
  it('flags 一是…三是 and a repeated 二是, not a fresh 一是', () => {
    const paras = ['一是完善制度；三是加强培训。', '一是健全台账；二是定期检查；二是及时通报。']
    expect(flagged(check(numbering, paras), paras)).toEqual(['三是', '二是'])
  })
})
