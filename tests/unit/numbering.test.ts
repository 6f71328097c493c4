import { describe, expect, it } from 'vitest'
import { chineseNumeral, outlineNumbers } from '@core/numbering'

describe('chineseNumeral', () => {
  it('writes the numerals used in headings', () => {
    expect([1, 9, 10, 11, 19, 20, 21, 99, 100, 105, 110, 111].map(chineseNumeral)).toEqual([
      '一', '九', '十', '十一', '十九', '二十', '二十一', '九十九', '一百', '一百零五', '一百一十', '一百一十一'
    ])
  })
  it('refuses non-positive numbers', () => {
    expect(() => chineseNumeral(0)).toThrow(RangeError)
  })
})

describe('outlineNumbers', () => {
  it('numbers the four GB/T 9704 levels and restarts deeper counters', () => {
    expect(outlineNumbers([1, 2, 3, 3, 4, 2, 1, 2, 3])).toEqual(['一、', '（一）', '1.', '2.', '（1）', '（二）', '二、', '（一）', '1.'])
  })
  it('allows a level to be skipped, as the sample report does under 四、', () => {
    expect(outlineNumbers([1, 3, 3, 1])).toEqual(['一、', '1.', '2.', '二、'])
  })
})
