import { describe, expect, it } from 'vitest'
import { runChecks } from '@core/checks'
import { headingEnd } from '@core/checks/heading-end'
import { input } from './helpers'

describe('heading-end', () => {
  it('flags the one heading of a level that ends with 。 when the others do not', () => {
    const items = runChecks(input({ sections: [{ title: '主要举措' }, { title: '存在的不足。' }, { title: '下一步安排' }] }), [headingEnd])
    expect(items.map((i) => i.place)).toEqual(['二、存在的不足。（标题）'])
    expect(items[0].fix).toMatchObject({ from: '。', to: '' })
  })
  it('flags a heading ending with a comma, and accepts consistent run-in headings', () => {
    expect(runChecks(input({ sections: [{ title: '主要举措，' }] }), [headingEnd])).toHaveLength(1)
    expect(runChecks(input({ sections: [{ title: '完善制度。' }, { title: '加强培训。' }] }), [headingEnd])).toEqual([])
  })
})
