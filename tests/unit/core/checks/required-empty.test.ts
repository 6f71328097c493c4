import { describe, expect, it } from 'vitest'
import { runChecks } from '@core/checks'
import { requiredEmpty } from '@core/checks/required-empty'
import { input } from './helpers'

describe('required-empty', () => {
  it('flags a required section with no text anywhere under it', () => {
    const items = runChecks(input({ sections: [{ title: '主要举措', required: true, body: [''] }, { title: '存在的不足', required: true, body: ['有两点不足。'] }] }), [requiredEmpty])
    expect(items.map((i) => i.place)).toEqual(['一、主要举措'])
    expect(items[0].severity).toBe('必须修改')
    expect(items[0].message).toContain('补写')
    expect(items[0].location).toMatchObject({ kind: 'text', sectionId: 's1', part: 'title' })
  })

  it('counts the text of sub-sections and ignores optional empty sections', () => {
    const items = runChecks(
      input({ sections: [{ title: '主要举措', required: true, body: [] }, { level: 2, number: '（一）', title: '执法', body: ['开展巡查。'] }, { title: '其他', body: [''] }] }),
      [requiredEmpty]
    )
    expect(items).toEqual([])
  })
})
