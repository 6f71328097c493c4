// Title line breaking: word boundaries, balanced lines, the customary break before 关于.
import { describe, expect, it } from 'vitest'
import { textWidthChars } from '@core/layout'
import { GBT9704_PROFILE } from '@core/layout'
import { MAX_TITLE_LINES, breakTitle, dialogTitleLimit, titleBreakCandidates, titleLimit, titleLineCount, titleProblem } from '@core/pages/title'

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

describe('long titles (issue 15.5)', () => {
  it('breaks a 300-character title into full lines that keep every character', () => {
    const long = '青石镇人民政府关于深入推进法治乡村建设和基层依法治理能力提升'.repeat(10)
    expect(Array.from(long)).toHaveLength(300)
    const lines = breakTitle(long, 20)
    expect(lines.join('')).toBe(long)
    expect(lines.length).toBeGreaterThanOrEqual(15)
    for (const w of widths(lines)) expect(w).toBeLessThanOrEqual(20)
    for (let i = 1; i < lines.length - 1; i++) {
      const w = widths(lines)
      expect(w[i] < w[i - 1] - 0.5 && w[i] < w[i + 1] - 0.5).toBe(false)
    }
  })

  it('breaks only at candidate positions and spends at most one line more than needed', () => {
    const titles = [
      '青石镇人民政府关于深入推进法治乡村建设和基层依法治理能力提升三年行动计划中期评估情况的报告',
      '中共青石镇委员会青石镇人民政府关于二〇二四年度法治政府建设工作情况的报告',
      '关于全面推进乡村振兴战略实施和农村人居环境整治提升行动开展情况的报告'
    ]
    for (const t of titles) {
      const lines = breakTitle(t, 20)
      const candidates = titleBreakCandidates(t)
      // Each break is a candidate position.
      let at = 0
      for (const l of lines.slice(0, -1)) {
        at += Array.from(l).length
        expect(candidates.has(at)).toBe(true)
      }
      expect(lines.length).toBeLessThanOrEqual(Math.ceil(textWidthChars(t) / 20) + 1)
    }
  })
})

describe('title limit in the dialogs', () => {
  it('takes 20 二号 characters a line on the GB/T 9704 type area, at most 3 lines', () => {
    const limit = titleLimit(GBT9704_PROFILE)
    // 156 mm type width / 22 pt (二号) = 442 pt / 22 pt → 20 characters.
    expect(limit.charsPerLine).toBe(20)
    expect(limit.maxLines).toBe(MAX_TITLE_LINES)
    expect(dialogTitleLimit().charsPerLine).toBeLessThanOrEqual(limit.charsPerLine)
  })

  it('accepts ordinary and joint-organ titles and refuses a 130-character one in Chinese', () => {
    const limit = dialogTitleLimit()
    expect(titleProblem('梁洼镇人民政府关于2024年法治政府建设情况的报告', limit)).toBeNull()
    expect(titleProblem('中共梁洼镇委员会 梁洼镇人民政府关于2024年法治政府建设情况的报告', limit)).toBeNull()
    const problem = titleProblem('关于全面推进乡村振兴战略实施情况的报告'.repeat(7), limit)
    expect(problem).toMatch(/标题过长/)
    expect(problem).toMatch(/请精简标题/)
    expect(titleProblem('   ', limit)).toMatch(/不能为空/)
  })

  it('counts the clerk’s own line breaks: four short lines are too many', () => {
    expect(titleLineCount('青石镇\n人民政府\n关于工作\n的报告', 20)).toBe(4)
    expect(titleProblem('青石镇\n人民政府\n关于工作\n的报告', dialogTitleLimit())).not.toBeNull()
  })
})
