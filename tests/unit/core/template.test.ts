import { describe, expect, it } from 'vitest'
import { BUILT_IN_TEMPLATES, builtInTemplate, RULE_OF_LAW_TEMPLATE } from '@core/templates'
import { loadSampleFigures } from '../../fixtures/sample-figures'

const t = RULE_OF_LAW_TEMPLATE

describe('built-in template 法治政府建设年度报告', () => {
  it('is found by id and listed among the built-ins', () => {
    expect(builtInTemplate('rule-of-law-annual')).toBe(t)
    expect(builtInTemplate('no-such-template')).toBeUndefined()
    expect(BUILT_IN_TEMPLATES).toContain(t)
    expect(t.version).toBe(1)
    expect(t.titlePattern).toContain('{organs}')
    expect(t.titlePattern).toContain('{year}')
  })

  it('has the five required items as level-1 sections, item 5 optional', () => {
    const top = t.sections.filter((s) => s.level === 1)
    expect(top).toHaveLength(5)
    const find = (word: string) => top.find((s) => s.title.includes(word))
    for (const word of ['主要举措和成效', '不足', '第一责任人', '主要安排']) {
      expect(find(word), word).toBeDefined()
      expect(find(word)!.required, word).toBe(true)
    }
    expect(find('其他需要报告')!.required).toBe(false)
    expect(find('主要举措和成效')!.title).toContain('{year}')
    expect(find('主要安排')!.title).toContain('{nextYear}')
  })

  it('splits item 1 into the sub-areas a township writes about', () => {
    const first = t.sections.findIndex((s) => s.title.includes('主要举措和成效'))
    const next = t.sections.findIndex((s, i) => i > first && s.level === 1)
    const subs = t.sections.slice(first + 1, next).map((s) => s.title).join('|')
    for (const area of ['执法', '重大行政决策', '政务公开', '营商环境', '普法|法治宣传', '法律顾问', '矛盾纠纷']) {
      expect(subs, area).toMatch(new RegExp(area))
    }
  })

  it('keys and metric ids are unique, levels valid, every section has guidance', () => {
    const keys = t.sections.map((s) => s.key)
    expect(new Set(keys).size).toBe(keys.length)
    const ids = t.metrics.map((m) => m.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(t.sections[0].level).toBe(1)
    for (const s of t.sections) {
      expect([1, 2, 3, 4]).toContain(s.level)
      expect(s.guidance.length).toBeGreaterThan(10)
    }
    // A heading may skip levels downward but never start deeper than one below its parent chain.
    for (let i = 1; i < t.sections.length; i++) {
      expect(t.sections[i].level).toBeLessThanOrEqual(t.sections[i - 1].level + 1)
    }
  })

  it('every metric points at an existing section and has a sane definition', () => {
    const keys = new Set(t.sections.map((s) => s.key))
    for (const m of t.metrics) {
      expect(keys.has(m.sectionKey), m.id).toBe(true)
      expect(m.id).toMatch(/^[a-z][A-Za-z]*(\.[a-z][A-Za-z]*)+$/)
      expect(m.label.length).toBeGreaterThan(0)
      if (m.min !== undefined && m.max !== undefined) expect(m.min).toBeLessThanOrEqual(m.max)
      for (const q of m.qualifiers) expect(['余', '多', '约']).toContain(q)
      if (m.type === 'percent') expect(m.unit).toBe('%')
    }
  })

  it('has a metric for every figure in the sample report, with its unit and qualifier', () => {
    const figures = loadSampleFigures()
    expect(figures.length).toBeGreaterThanOrEqual(16)
    const used = new Set<string>()
    for (const f of figures) {
      const candidates = t.metrics.filter((m) => m.label.includes(f.subject) && m.unit === f.unit)
      expect(candidates, f.subject + ' ' + f.text).toHaveLength(1)
      const m = candidates[0]
      expect(used.has(m.id), `${m.id} used twice`).toBe(false)
      used.add(m.id)
      if (f.qualifier) expect(m.qualifiers, m.id).toContain(f.qualifier)
      expect(m.type === 'percent' ? f.unit === '%' : true).toBe(true)
    }
  })
})
