import { describe, expect, it } from 'vitest'
import { dateFormat } from '@core/checks/date-format'
import { check, flagged } from './helpers'

describe('date-format', () => {
  it('flags a year run into the month and offers the 年', () => {
    const paras = ['自20241月1日起施行。']
    const items = check(dateFormat, paras)
    expect(flagged(items, paras)).toEqual(['20241月'])
    expect(items[0].fix).toMatchObject({ to: '2024年1月' })
  })
  it('flags impossible dates, zero padding and dotted dates', () => {
    const paras = ['于2月30日召开会议。', '2024年13月完成。', '于2024年03月05日印发。', '于2024.3.5印发。']
    expect(flagged(check(dateFormat, paras), paras)).toEqual(['2月30日', '2024年13月', '2024年03月05日', '2024.3.5'])
  })
  it('accepts leap days, ranges, versions and counts of years', () => {
    const paras = ['2024年2月29日召开会议。', '1—6月共办理12件。', '连续24年无重大事故。', '升级到V2.3.1版。', '3月15日至20日集中宣传。']
    expect(check(dateFormat, paras)).toEqual([])
  })
})
