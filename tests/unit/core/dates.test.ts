import { describe, expect, it } from 'vitest'
import { defaultReportDate, formatChineseDate, isValidIsoDate } from '@core/dates'

describe('dates', () => {
  it('writes 成文日期 without zero padding', () => {
    expect(formatChineseDate('2025-01-15')).toBe('2025年1月15日')
    expect(formatChineseDate('2024-12-05')).toBe('2024年12月5日')
    expect(formatChineseDate('2024-10-10')).toBe('2024年10月10日')
  })
  it('accepts only real calendar dates in ISO form', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true)
    expect(isValidIsoDate('2025-02-29')).toBe(false)
    expect(isValidIsoDate('2100-02-29')).toBe(false)
    expect(isValidIsoDate('2025-04-31')).toBe(false)
    expect(isValidIsoDate('2025-13-01')).toBe(false)
    expect(isValidIsoDate('2025-00-10')).toBe(false)
    expect(isValidIsoDate('2025-1-15')).toBe(false)
    expect(isValidIsoDate('2025年1月15日')).toBe(false)
    expect(isValidIsoDate('')).toBe(false)
  })
  it('refuses to format an invalid date', () => {
    expect(() => formatChineseDate('2025-02-30')).toThrow(RangeError)
  })
  it('defaults to mid-January of the following year, a valid date', () => {
    expect(defaultReportDate(2024)).toBe('2025-01-15')
    expect(isValidIsoDate(defaultReportDate(2099))).toBe(true)
  })
})
