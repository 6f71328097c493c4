import { describe, expect, it } from 'vitest'
import { runChecks } from '@core/checks'
import { signatureDate } from '@core/checks/signature-date'
import { input } from './helpers'

const run = (spec: Parameters<typeof input>[0], extra: Parameters<typeof input>[1] = {}) => runChecks(input(spec, extra), [signatureDate]).map((i) => i.message)

describe('signature-date', () => {
  it('accepts a date early the next year', () => {
    expect(run({}, { date: '2025-01-15', today: '2025-02-01' })).toEqual([])
  })
  it('flags a missing signature', () => {
    expect(run({ signatures: [] })[0]).toContain('发文机关署名')
  })
  it('flags a date after today and one before the report year', () => {
    expect(run({}, { date: '2025-03-01', today: '2025-02-01' })[0]).toContain('晚于今天')
    expect(run({ dateText: '2023年12月30日' }, { date: '2023-12-30' })[0]).toContain('早于报告年度')
  })
  it('flags a date not written in Arabic numerals', () => {
    expect(run({ dateText: '二〇二五年一月十五日' })[0]).toContain('阿拉伯数字')
  })
})
