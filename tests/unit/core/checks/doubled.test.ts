import { describe, expect, it } from 'vitest'
import { doubled } from '@core/checks/doubled'
import { check, flagged } from './helpers'

describe('doubled-mark', () => {
  it('flags repeated marks and keeps the stronger one', () => {
    const paras = ['完善制度，，加强培训。。', '推进普法，。']
    const items = check(doubled, paras)
    expect(flagged(items, paras)).toEqual(['，，', '。。', '，。'])
    expect(items.map((i) => i.fix && i.fix.kind === 'replace' ? i.fix.to : '')).toEqual(['，', '。', '。'])
  })
  it('leaves …… and —— alone', () => {
    expect(check(doubled, ['排查隐患、化解纠纷……成效明显——群众满意。'])).toEqual([])
  })
})
