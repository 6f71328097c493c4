// Title line breaking: word boundaries, balanced lines, the customary break before 关于.
import { describe, expect, it } from 'vitest'
import { textWidthChars } from '@core/layout'
import { breakTitle, titleBreakCandidates } from '@core/pages/title'

const widths = (lines: string[]) => lines.map(textWidthChars)

describe('breakTitle', () => {
  it('keeps a title that fits on one line', () => {
    expect(breakTitle('青石镇2024年工作总结', 20)).toEqual(['青石镇2024年工作总结'])
  })

  it('keeps the clerk’s own line breaks', () => {
    expect(breakTitle('青石镇人民政府\n关于工作的报告', 20)).toEqual(['青石镇人民政府', '关于工作的报告'])
  })

  it('breaks an organ-first report title before 关于', () => {
    expect(breakTitle('青山县青石镇人民政府关于2024年法治政府建设情况的报告', 20)).toEqual([
      '青山县青石镇人民政府',
      '关于2024年法治政府建设情况的报告'
    ])
  })

  it('does not spend a third line (splitting 法治政府) when two fit with the break before 关于', () => {
    expect(breakTitle('梁洼镇人民政府关于2025年法治政府建设情况的报告', 20)).toEqual([
      '梁洼镇人民政府',
      '关于2025年法治政府建设情况的报告'
    ])
  })

  it('never loses or reorders characters, and every line fits', () => {
    const titles = [
      '中共青石镇委员会青石镇人民政府关于二〇二四年度法治政府建设工作情况的报告',
      '青石镇关于进一步加强和改进新时代基层社会治理现代化建设若干重点工作推进落实情况的专题报告',
      '关于全面推进乡村振兴战略实施和农村人居环境整治提升行动开展情况的报告'
    ]
    for (const t of titles) {
      const lines = breakTitle(t, 20)
      expect(lines.join('')).toBe(t)
      expect(lines.length).toBeGreaterThan(1)
      for (const w of widths(lines)) expect(w).toBeLessThanOrEqual(20)
    }
  })

  it('balances lines when there is no 关于 to break before', () => {
    const t = '关于全面推进乡村振兴战略实施和农村人居环境整治提升行动开展情况的报告'
    const w = widths(breakTitle(t, 20))
    expect(Math.max(...w) - Math.min(...w)).toBeLessThanOrEqual(4)
  })

  it('does not split numbers, and no line starts with closing punctuation', () => {
    const t = '青石镇关于2024年“放管服”改革和优化营商环境工作推进情况（第二季度）的报告'
    const lines = breakTitle(t, 20)
    expect(lines.join('')).toBe(t)
    for (const l of lines) expect(l).not.toMatch(/^[，。、）”》]/)
    expect(lines.some((l) => l.includes('2024'))).toBe(true)
  })

  it('never gives an hourglass (a middle line shorter than both neighbours)', () => {
    const titles = [
      '青石镇人民政府关于深入推进法治乡村建设和基层依法治理能力提升三年行动计划中期评估情况的报告',
      '青石镇关于进一步加强和改进新时代基层社会治理现代化建设若干重点工作推进落实情况的专题报告'
    ]
    for (const t of titles) {
      const w = widths(breakTitle(t, 20))
      expect(w.length).toBeGreaterThanOrEqual(3)
      for (let i = 1; i < w.length - 1; i++) expect(w[i] < w[i - 1] - 0.5 && w[i] < w[i + 1] - 0.5, w.join('/')).toBe(false)
    }
  })
})

describe('titleBreakCandidates', () => {
  it('prefers the break before 关于 and refuses breaks inside numbers', () => {
    const t = '青石镇人民政府关于2024年工作的报告'
    const c = titleBreakCandidates(t)
    const guanyu = Array.from(t).indexOf('关')
    expect(c.get(guanyu)).toBeLessThan(0)
    const digits = Array.from(t).indexOf('2')
    for (let i = digits + 1; i < digits + 4; i++) expect(c.has(i)).toBe(false)
  })
})
