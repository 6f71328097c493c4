// Font mapping per profile and the missing-font report shown before export.
import { describe, expect, it } from 'vitest'
import { GBT9704_PROFILE, PRACTICE_PROFILE } from '@core/layout'
import { cssFontFamily, FONT_FALLBACKS, fontReport, fontStack, isCffOnlyFont } from '@core/pages/fonts'

const installedOnly = (names: string[]) => (family: string) => names.includes(family)

describe('font mapping', () => {
  it('has free TrueType fallbacks for every face either profile names', () => {
    for (const profile of [GBT9704_PROFILE, PRACTICE_PROFILE]) {
      for (const family of Object.values(profile.fonts)) {
        const stack = fontStack(family)
        expect(stack[0]).toBe(family)
        expect(stack.some((f) => /^(AR PL|WenQuanYi)/.test(f)), family).toBe(true)
        for (const f of stack) expect(isCffOnlyFont(f), f).toBe(false)
      }
    }
  })

  it('maps Kai faces to Kai and Hei to Hei', () => {
    expect(FONT_FALLBACKS['楷体_GB2312']).toContain('AR PL UKai CN')
    expect(FONT_FALLBACKS['黑体']).toContain('WenQuanYi Zen Hei')
  })

  it('writes a quoted CSS stack with a generic family last', () => {
    const css = cssFontFamily('仿宋_GB2312')
    expect(css.startsWith('"仿宋_GB2312", ')).toBe(true)
    expect(css.endsWith(', serif')).toBe(true)
  })

  it('knows Noto CJK and Source Han as CFF-only', () => {
    expect(isCffOnlyFont('Noto Serif CJK SC')).toBe(true)
    expect(isCffOnlyFont('Noto Sans CJK JP')).toBe(true)
    expect(isCffOnlyFont('Source Han Sans SC')).toBe(true)
    expect(isCffOnlyFont('AR PL UMing CN')).toBe(false)
  })
})

describe('fontReport', () => {
  it('is complete and silent on a PC with every face', () => {
    const r = fontReport(GBT9704_PROFILE, () => true)
    expect(r.complete).toBe(true)
    expect(r.messages).toEqual([])
  })

  it('names each missing face once, the text roles using it, and its substitute', () => {
    const r = fontReport(GBT9704_PROFILE, installedOnly(['AR PL UMing CN', 'AR PL UKai CN', 'WenQuanYi Zen Hei']))
    expect(r.complete).toBe(false)
    const body = r.entries.find((e) => e.required === '仿宋_GB2312')!
    expect(body.roles).toEqual(['body', 'heading3', 'heading4'])
    expect(body.substitute).toBe('AR PL UMing CN')
    expect(r.entries.find((e) => e.required === '楷体_GB2312')!.substitute).toBe('AR PL UKai CN')
    expect(r.entries.find((e) => e.required === '黑体')!.substitute).toBe('WenQuanYi Zen Hei')
    expect(r.messages.some((m) => m.includes('仿宋_GB2312') && m.includes('AR PL UMing CN') && m.includes('正文'))).toBe(true)
    expect(r.entries.length).toBeGreaterThan(0)
    expect(r.entries.every((e) => !e.cffWarning)).toBe(true)
  })

  it('prefers the Windows face when only the GB2312 one is missing', () => {
    const r = fontReport(GBT9704_PROFILE, installedOnly(['仿宋', '楷体', '黑体', '宋体', 'SimSun']))
    expect(r.entries.find((e) => e.required === '仿宋_GB2312')!.substitute).toBe('仿宋')
    expect(r.entries.find((e) => e.required === '黑体')!.installed).toBe(true)
  })

  it('warns when the face that will print is CFF-only (system default Noto CJK)', () => {
    const r = fontReport(PRACTICE_PROFILE, () => false, 'Noto Serif CJK SC')
    expect(r.entries.length).toBeGreaterThan(0)
    expect(r.entries.every((e) => e.substitute === null)).toBe(true)
    expect(r.entries.every((e) => e.cffWarning)).toBe(true)
    expect(r.messages.some((m) => m.includes('Type 3') && m.includes('Noto Serif CJK SC'))).toBe(true)
  })
})
