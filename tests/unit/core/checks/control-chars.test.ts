import { describe, expect, it } from 'vitest'
import { runChecks } from '@core/checks'
import { controlChars } from '@core/checks/control-chars'
import { check, input } from './helpers'

describe('control-char', () => {
  it('flags C0 controls and bidi overrides in the body and offers to delete them', () => {
    const items = check(controlChars, ['开展\u0007巡查。', '公开\u202E栏。'])
    expect(items).toHaveLength(2)
    expect(items.every((i) => i.fix?.kind === 'replace' && i.fix.to === '')).toBe(true)
  })
  it('flags them in the title too, and leaves ordinary text alone', () => {
    expect(runChecks(input({ title: '关于2024年\u0001的报告' }), [controlChars]).map((i) => i.place)).toEqual(['标题'])
    expect(check(controlChars, ['开展巡查。\t'])).toEqual([])
  })
})
