import { describe, expect, it } from 'vitest'
import { runChecks } from '@core/checks'
import { addressee } from '@core/checks/addressee'
import { input } from './helpers'

describe('addressee', () => {
  it('flags ASCII commas and offers the full-width text', () => {
    const items = runChecks(input({ addressee: '中共示例县委,示例县人民政府：' }), [addressee])
    expect(items).toHaveLength(1)
    expect(items[0].fix).toEqual({ kind: 'field', field: 'addressee', value: '中共示例县委，示例县人民政府', label: '改为全角标点' })
  })
  it('accepts 、 and ，', () => {
    expect(runChecks(input({ addressee: '中共示例县委、示例县人民政府：' }), [addressee])).toEqual([])
  })
})
