import { describe, expect, it } from 'vitest'
import { rangeMark } from '@core/checks/range-mark'
import { check, flagged } from './helpers'

describe('range-mark', () => {
  it('flags - and ~ in value and year ranges and offers ～ or —', () => {
    const paras = ['开展巡查150-200次。', '排查隐患30~45处。', '落实2021-2025年规划。', '2024年1-11月受理案件60件。', '3月15-20日集中宣传。']
    const items = check(rangeMark, paras)
    expect(flagged(items, paras)).toEqual(['-', '~', '-', '-', '-'])
    expect(items.map((i) => (i.fix?.kind === 'replace' ? i.fix.to : ''))).toEqual(['～', '～', '—', '—', '—'])
  })
  it('leaves phone numbers, codes and correct ranges alone', () => {
    expect(check(rangeMark, ['拨打0375-1234567咨询。', '编号HB-2024-001的案卷。', '参训150～200人，落实2021—2025年规划。', '版式执行GB/T 9704-2012标准。', '参照DB41/T 1234-2020规范，依据GB 3100-1993。'])).toEqual([])
  })
})
