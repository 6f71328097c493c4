// Formulas written with metric names (core/formula-labels.ts): 【名称】 in, {id} stored, back to
// names for display; unknown and shared names refused with a message naming them.
import { describe, expect, it } from 'vitest'
import { computeFormula, parseFormula } from '@core/formula'
import { formulaFromLabels, formulaToLabels, formulaToken, labelIndex } from '@core/formula-labels'

const metrics = [
  { id: 'm20', label: '行政诉讼案件数' },
  { id: 'm21', label: '行政复议案件数' },
  { id: 'x.rate', label: '办结率(%)' },
  { id: 'd1', label: '培训次数' },
  { id: 'd2', label: '培训次数' }
]
const index = labelIndex(metrics)

describe('formulaFromLabels', () => {
  it('turns 【名称】 into {id} that parses and computes', () => {
    const r = formulaFromLabels('【行政复议案件数】÷【行政诉讼案件数】×100', index)
    expect(r).toEqual({ ok: true, formula: '{m21}÷{m20}×100' })
    if (!r.ok) return
    const parsed = parseFormula(r.formula)
    expect(parsed.ok && parsed.refs).toEqual(['m21', 'm20'])
    expect(computeFormula(r.formula, (id) => ({ m21: 3, m20: 12 })[id] ?? null)).toEqual({ state: 'ok', value: 25 })
  })

  it('accepts names with brackets or symbols, spaces around the name, ids written directly and sum()', () => {
    expect(formulaFromLabels('sum(【 办结率(%) 】, m20)', index)).toEqual({ ok: true, formula: 'sum({x.rate}, m20)' })
  })

  it('refuses an unknown name, naming it', () => {
    const r = formulaFromLabels('【行政复议案件数】÷【行政应诉案件数】', index)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.message).toContain('“【行政应诉案件数】”不是本模板的指标名称')
  })

  it('refuses a name two metrics share and asks to pick; the picked token resolves', () => {
    const r = formulaFromLabels('【培训次数】+1', index)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.message).toMatch(/有 2 个指标都叫“培训次数”.*选择指标/)
    const token = formulaToken(metrics[4], index)
    expect(token).toBe('【培训次数#d2】')
    expect(formulaFromLabels(`${token}+1`, index)).toEqual({ ok: true, formula: '{d2}+1' })
  })

  it('refuses unpaired or empty brackets', () => {
    for (const bad of ['【行政复议案件数÷2', '行政复议案件数】÷2', '【】+1', '【a】】']) expect(formulaFromLabels(bad, index).ok, bad).toBe(false)
  })
})

describe('formulaToLabels', () => {
  it('shows stored ids as names with × and ÷, and round-trips to the same computation', () => {
    for (const stored of ['m21 / m20 * 100', '{m21}/{m20}*100', 'sum(m20, m21) - {x.rate}']) {
      const shown = formulaToLabels(stored, index)
      expect(shown).not.toMatch(/m2[01]/)
      const back = formulaFromLabels(shown, index)
      expect(back.ok, shown).toBe(true)
      if (!back.ok) continue
      const lookup = (id: string) => ({ m20: 8, m21: 2, 'x.rate': 50 })[id] ?? null
      expect(computeFormula(back.formula, lookup)).toEqual(computeFormula(stored, lookup))
    }
    expect(formulaToLabels('m21 / m20 * 100', index)).toBe('【行政复议案件数】÷【行政诉讼案件数】×100')
  })

  it('leaves unknown ids for the check to name, and shares get the picked form', () => {
    expect(formulaToLabels('m99 + d1', index)).toBe('m99 + 【培训次数#d1】')
  })

  it('does not touch operators inside names', () => {
    const idx = labelIndex([{ id: 'a', label: '件数/人次' }])
    expect(formulaToLabels('a * 2', idx)).toBe('【件数/人次】×2')
  })
})
