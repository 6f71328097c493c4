import { describe, expect, it } from 'vitest'
import { pairs } from '@core/checks/pairs'
import { check, flagged } from './helpers'

describe('unpaired', () => {
  it('flags an opening quote or bracket without its partner', () => {
    const paras = ['开展“法律进乡村活动。', '修订《村规民约》和（办事指南。', '落实责任）。']
    expect(flagged(check(pairs, paras), paras)).toEqual(['“', '（', '）'])
  })
  it('accepts nested pairs and document numbers', () => {
    expect(check(pairs, ['按照“‘谁执法谁普法’责任制”要求，执行〔2024〕5号文件（见《通知》）。'])).toEqual([])
  })
  it('suggests Chinese quotes for ASCII ones', () => {
    const items = check(pairs, ['开展"法律进乡村"活动。'])
    expect(items.map((i) => i.severity)).toEqual(['建议检查', '建议检查'])
  })
})
