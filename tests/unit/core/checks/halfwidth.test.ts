import { describe, expect, it } from 'vitest'
import { halfWidth } from '@core/checks/halfwidth'
import { check, flagged } from './helpers'

describe('half-width', () => {
  it('flags half-width marks in Chinese text and offers the full-width one', () => {
    const paras = ['全年开展巡查,发现问题;及时整改.', '设立公开栏(含电子屏)两处']
    const items = check(halfWidth, paras)
    expect(flagged(items, paras)).toEqual([',', ';', '.', '(', ')'])
    expect(items[0].fix).toMatchObject({ from: ',', to: '，' })
  })
  it('leaves numbers, times, URLs, e-mail and Latin abbreviations alone', () => {
    const paras = [
      '投入资金1,200万元，增长3.5个百分点。',
      '每天8:30开始受理。',
      '详见www.example.gov.cn网站。',
      '来信请寄office@example.cn邮箱。',
      '推行PPP模式和e.g.等写法。',
      '1.加强组织领导。',
      '执行〔2024〕5号文件，拨打12345热线或0375-1234567，落实2021—2025年规划。'
    ]
    expect(check(halfWidth, paras)).toEqual([])
  })
})
