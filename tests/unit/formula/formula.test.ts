import { describe, expect, it } from 'vitest'
import { checkFormulas, computeAll, computeFormula, describeFormulaResult, findCycles, parseFormula } from '@core/formula'

const vals = (o: Record<string, number | null>) => (id: string) => (id in o ? o[id] : null)

describe('formula parsing', () => {
  it('respects precedence, parentheses, unary minus and full-width operators', () => {
    expect(computeFormula('1 + 2 * 3', vals({}))).toEqual({ state: 'ok', value: 7 })
    expect(computeFormula('(1 + 2) * 3', vals({}))).toEqual({ state: 'ok', value: 9 })
    expect(computeFormula('-a + 10', vals({ a: 4 }))).toEqual({ state: 'ok', value: 6 })
    expect(computeFormula('１０ × （a － 2） ÷ 4', vals({ a: 6 }))).toEqual({ state: 'ok', value: 10 })
    expect(computeFormula('8 / 2 / 2', vals({}))).toEqual({ state: 'ok', value: 2 })
    expect(computeFormula('10 - 3 - 2', vals({}))).toEqual({ state: 'ok', value: 5 })
  })

  it('references metric ids bare (with dots) or in braces', () => {
    const r = computeFormula('enforcement.certified / {人员.总数} * 100', vals({ 'enforcement.certified': 45, '人员.总数': 50 }))
    expect(r).toEqual({ state: 'ok', value: 90 })
    const p = parseFormula('a + sum(b, {c d}) - a')
    expect(p.ok && p.refs).toEqual(['a', 'b', 'c d'])
  })

  it('rounds floating-point noise away', () => {
    expect(computeFormula('0.1 + 0.2', vals({}))).toEqual({ state: 'ok', value: 0.3 })
  })

  it('explains broken formulas in Chinese and never evaluates code', () => {
    const broken = ['', 'a +', '(a + b', 'a + b)', 'a b', 'sum()', 'sum(a, b', 'a ; b', 'alert("x")', 'a + {b', '× 3', 'a, b']
    for (const src of broken) {
      const p = parseFormula(src)
      expect(p.ok, src).toBe(false)
      if (!p.ok) expect(p.message, src).toMatch(/[\u4e00-\u9fff]/)
    }
    expect(computeFormula('a +', vals({ a: 1 })).state).toBe('error')
  })
})

describe('formula evaluation states', () => {
  it('division by zero is a state, never NaN or Infinity', () => {
    expect(computeFormula('a / b', vals({ a: 3, b: 0 }))).toEqual({ state: 'divByZero' })
    expect(computeFormula('0 / 0', vals({}))).toEqual({ state: 'divByZero' })
    expect(computeFormula('a / (b - b)', vals({ a: 1, b: 5 }))).toEqual({ state: 'divByZero' })
  })

  it('missing inputs are listed by id', () => {
    expect(computeFormula('a / b * 100', vals({ a: 3 }))).toEqual({ state: 'missing', missing: ['b'] })
    expect(computeFormula('a + b', vals({}))).toEqual({ state: 'missing', missing: ['a', 'b'] })
  })

  it('sum() counts blank inputs as 0 once any is filled, and is missing when all are blank', () => {
    expect(computeFormula('sum(a, b, c)', vals({ a: 2, c: 5 }))).toEqual({ state: 'ok', value: 7 })
    expect(computeFormula('sum(a, b)', vals({}))).toEqual({ state: 'missing', missing: ['a', 'b'] })
    expect(computeFormula('sum(a, b / c)', vals({ a: 1, b: 1, c: 0 }))).toEqual({ state: 'divByZero' })
  })

  it('describes each state for the clerk', () => {
    expect(describeFormulaResult({ state: 'divByZero' })).toContain('除数为 0')
    expect(describeFormulaResult({ state: 'missing', missing: ['a'] }, () => '执法人员总数')).toBe('待填：执法人员总数')
    expect(describeFormulaResult({ state: 'error', message: 'x' })).toContain('公式有误')
  })
})

describe('metric sets with formulas', () => {
  const metrics = [
    { id: 'staff', label: '执法人员数', type: 'integer' },
    { id: 'certified', label: '持证人数', type: 'integer' },
    { id: 'rate', label: '持证率', type: 'percent', formula: 'certified / staff * 100' },
    { id: 'rateTwice', label: '持证率的两倍', type: 'percent', formula: 'rate * 2' }
  ]

  it('computes chains of computed metrics', () => {
    const r = computeAll(metrics, new Map([['staff', 40], ['certified', 30]]))
    expect(r.get('rate')).toEqual({ state: 'ok', value: 75 })
    expect(r.get('rateTwice')).toEqual({ state: 'ok', value: 150 })
    const empty = computeAll(metrics, new Map([['staff', 0], ['certified', 0]]))
    expect(empty.get('rate')).toEqual({ state: 'divByZero' })
    expect(empty.get('rateTwice')).toEqual({ state: 'divByZero' })
  })

  it('finds unknown references, text references and cycles', () => {
    const bad = [
      { id: 'a', label: '甲', formula: 'b + 1' },
      { id: 'b', label: '乙', formula: 'c * 2' },
      { id: 'c', label: '丙', formula: 'a' },
      { id: 'd', label: '丁', formula: 'nobody + 1' },
      { id: 'e', label: '戊', type: 'text' },
      { id: 'f', label: '己', formula: 'e + 1' },
      { id: 'g', label: '庚', formula: 'g' }
    ]
    const problems = checkFormulas(bad)
    const text = problems.map((p) => p.message).join('\n')
    expect(text).toMatch(/循环引用：“甲” → “乙” → “丙” → “甲”/)
    expect(text).toMatch(/不存在的指标“nobody”/)
    expect(text).toMatch(/文字指标“戊”/)
    expect(problems.some((p) => p.metricId === 'g' && p.message.includes('循环'))).toBe(true)
    expect(checkFormulas(metrics)).toEqual([])
  })

  it('evaluates a cycle to an error instead of looping', () => {
    const r = computeAll([{ id: 'a', label: 'a', formula: 'b' }, { id: 'b', label: 'b', formula: 'a + 1' }], new Map())
    expect(r.get('a')?.state).toBe('error')
    expect(r.get('b')?.state).toBe('error')
  })

  it('findCycles reports each cycle once', () => {
    expect(findCycles(new Map([['x', ['y']], ['y', ['x']], ['z', ['x']]]))).toHaveLength(1)
    expect(findCycles(new Map([['x', ['y']], ['y', []]]))).toEqual([])
  })
})
