import { describe, expect, it } from 'vitest'
import { proseVsMetric, labelStem } from '@core/checks/prose-vs-metric'
import { check, flagged } from './helpers'

const values = [{ metricId: 'enforcement.patrols', value: 120, qualifier: '余' as const }]

describe('prose-metric', () => {
  it('derives the words used before a figure from the label', () => {
    expect(labelStem('日常巡查次数')).toBe('日常巡查')
  })
  it('flags a typed figure that differs from the metric after its name', () => {
    const paras = ['全年开展日常巡查130次，发现问题及时整改。']
    const items = check(proseVsMetric, paras, { values })
    expect(flagged(items, paras)).toEqual(['130次'])
    expect(items[0].message).toContain('120次')
  })
  it('accepts the same value, a chip, or a figure of another unit', () => {
    const paras = ['开展日常巡查120余次。', '开展日常巡查{{130次}}。', '日常巡查中发现隐患12处。']
    expect(check(proseVsMetric, paras, { values })).toEqual([])
  })
})
