import { describe, expect, it } from 'vitest'
import { runChecks } from '@core/checks'
import { governmentFirst, organOrder } from '@core/checks/organ-order'
import { input } from './helpers'

describe('organ-order', () => {
  it('knows a Party committee from a government', () => {
    expect(governmentFirst(['示例镇人民政府', '中共示例镇委员会'])).toBe(true)
    expect(governmentFirst(['中共示例镇委员会', '示例镇人民政府'])).toBe(false)
    expect(governmentFirst(['示例镇人民政府'])).toBe(false)
  })
  it('flags signature and title naming the government first, and the addressee as a suggestion', () => {
    const items = runChecks(
      input({ signatures: ['示例镇人民政府', '中共示例镇委员会'], title: '示例镇人民政府 中共示例镇委员会关于2024年法治政府建设情况的报告', addressee: '示例县人民政府、中共示例县委：' }),
      [organOrder]
    )
    expect(items.map((i) => `${i.place}:${i.severity}`)).toEqual(['落款:必须修改', '标题:必须修改', '主送机关:建议检查'])
  })
  it('is silent for the right order', () => {
    const ok = input({ signatures: ['中共示例镇委员会', '示例镇人民政府'], title: '中共示例镇委员会 示例镇人民政府关于2024年法治政府建设情况的报告', addressee: '中共示例县委、示例县人民政府：' })
    expect(runChecks(ok, [organOrder])).toEqual([])
  })
})
