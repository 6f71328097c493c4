import { describe, expect, it } from 'vitest'
import { emptyChips } from '@core/checks/empty-chips'
import { check, flagged } from './helpers'

describe('empty-chip', () => {
  it('lists every empty chip with its metric label, not filled ones', () => {
    const paras = ['全年开展日常巡查{{!日常巡查次数}}，纠正{{26起}}。']
    const items = check(emptyChips, paras)
    expect(flagged(items, paras)).toEqual(['【未填：日常巡查次数】'])
    expect(items[0].message).toContain('“日常巡查次数”')
  })
})
