import { describe, expect, it } from 'vitest'
import {
  citedMetricIds,
  findMissingCitedMetrics,
  formatMetricValue,
  groupMetricsBySection,
  metricChipText,
  parseMetricInput
} from '@core/metrics'
import type { ReportDocJSON } from '@core/report'
import type { MetricDefinition, MetricValue, ReportTemplate } from '@core/template'
import { RULE_OF_LAW_TEMPLATE } from '@core/templates'

const count: MetricDefinition = {
  id: 'x.count',
  label: '巡查次数',
  unit: '次',
  type: 'integer',
  qualifiers: ['余', '多', '约'],
  sectionKey: 'a'
}
const exact: MetricDefinition = { ...count, id: 'x.exact', label: '案件数', unit: '件', qualifiers: [] }
const rate: MetricDefinition = { id: 'x.rate', label: '持证率', unit: '%', type: 'percent', decimals: 1, qualifiers: [], sectionKey: 'a' }
const money: MetricDefinition = { id: 'x.money', label: '投入资金', unit: '万元', type: 'decimal', decimals: 2, min: 0, max: 10000, qualifiers: ['约'], sectionKey: 'b' }
const note: MetricDefinition = { id: 'x.note', label: '牵头单位', unit: '', type: 'text', qualifiers: [], sectionKey: 'b' }
const v = (metricId: string, value: number | string | null, qualifier: MetricValue['qualifier'] = ''): MetricValue => ({ metricId, value, qualifier })

describe('parseMetricInput', () => {
  it('accepts plain, padded, full-width and thousands-separated numbers', () => {
    expect(parseMetricInput(count, '120')).toEqual({ ok: true, value: 120 })
    expect(parseMetricInput(count, '  120 ')).toEqual({ ok: true, value: 120 })
    expect(parseMetricInput(count, '１２０')).toEqual({ ok: true, value: 120 })
    expect(parseMetricInput(count, '3，300')).toEqual({ ok: true, value: 3300 })
    expect(parseMetricInput(count, '1,234,567')).toEqual({ ok: true, value: 1234567 })
    expect(parseMetricInput(count, '120次')).toEqual({ ok: true, value: 120 })
  })
  it('treats an empty input as clearing the value', () => {
    expect(parseMetricInput(count, '')).toEqual({ ok: true, value: null })
    expect(parseMetricInput(count, ' \u3000 ')).toEqual({ ok: true, value: null })
    expect(parseMetricInput(note, '')).toEqual({ ok: true, value: null })
  })
  it('rejects fractions and words for integers with a Chinese message and an example', () => {
    for (const bad of ['12.5', 'abc', '一百二十', '12 3 4x']) {
      const r = parseMetricInput(count, bad)
      expect(r.ok, bad).toBe(false)
      if (!r.ok) expect(r.message).toMatch(/请输入整数，例如 \d+/)
    }
  })
  it('tells the clerk to pick a qualifier instead of typing it', () => {
    const r = parseMetricInput(count, '120余')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.message).toContain('修饰词')
  })
  it('checks ranges: counts are not negative, definitions may set bounds', () => {
    const neg = parseMetricInput(count, '-3')
    expect(neg).toEqual({ ok: false, message: '数值不能小于 0' })
    expect(parseMetricInput(money, '10001')).toEqual({ ok: false, message: '数值不能大于 10000' })
    expect(parseMetricInput(money, '10000')).toEqual({ ok: true, value: 10000 })
    const huge = parseMetricInput(count, '99999999999999999999')
    expect(huge.ok).toBe(false)
  })
  it('keeps percentages within 0–100 and accepts a typed % sign', () => {
    expect(parseMetricInput(rate, '100')).toEqual({ ok: true, value: 100 })
    expect(parseMetricInput(rate, '98.5%')).toEqual({ ok: true, value: 98.5 })
    expect(parseMetricInput(rate, '９６．５％')).toEqual({ ok: true, value: 96.5 })
    expect(parseMetricInput(rate, '120')).toEqual({ ok: false, message: '百分比应在 0 到 100 之间' })
    expect(parseMetricInput(rate, '-1')).toEqual({ ok: false, message: '百分比应在 0 到 100 之间' })
    const growth = { ...rate, min: -50, max: 500 }
    expect(parseMetricInput(growth, '250')).toEqual({ ok: true, value: 250 })
    expect(parseMetricInput(growth, '-60').ok).toBe(false)
  })
  it('limits decimal places', () => {
    expect(parseMetricInput(money, '12.25')).toEqual({ ok: true, value: 12.25 })
    const r = parseMetricInput(money, '12.255')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.message).toContain('2 位小数')
    expect(parseMetricInput(rate, '99.55').ok).toBe(false)
  })
  it('returns text metrics trimmed', () => {
    expect(parseMetricInput(note, '  司法所 ')).toEqual({ ok: true, value: '司法所' })
  })
})

describe('formatMetricValue', () => {
  it('writes 余 and 多 after the number and 约 before it', () => {
    expect(formatMetricValue(count, v(count.id, 120, '余'))).toBe('120余次')
    expect(formatMetricValue(count, v(count.id, 3300, '多'))).toBe('3300多次')
    expect(formatMetricValue(count, v(count.id, 20, '约'))).toBe('约20次')
    expect(formatMetricValue(count, v(count.id, 26))).toBe('26次')
  })
  it('keeps compound units such as 份（册）', () => {
    const materials = RULE_OF_LAW_TEMPLATE.metrics.find((m) => m.unit === '份（册）')!
    expect(formatMetricValue(materials, v(materials.id, 3300, '多'))).toBe('3300多份（册）')
  })
  it('ignores a qualifier the definition does not allow', () => {
    expect(formatMetricValue(exact, v(exact.id, 3, '余'))).toBe('3件')
    expect(formatMetricValue(rate, v(rate.id, 100, '约'))).toBe('100%')
  })
  it('writes percentages and decimals with at most the defined places', () => {
    expect(formatMetricValue(rate, v(rate.id, 100))).toBe('100%')
    expect(formatMetricValue(rate, v(rate.id, 98.5))).toBe('98.5%')
    expect(formatMetricValue(rate, v(rate.id, 98.46))).toBe('98.5%')
    expect(formatMetricValue(money, v(money.id, 12.5, '约'))).toBe('约12.5万元')
    expect(formatMetricValue(money, v(money.id, 3.14159))).toBe('3.14万元')
    expect(formatMetricValue(count, v(count.id, 0))).toBe('0次')
  })
  it('returns null for an empty value', () => {
    expect(formatMetricValue(count, v(count.id, null))).toBeNull()
    expect(formatMetricValue(count, undefined)).toBeNull()
    expect(formatMetricValue(note, v(note.id, '  '))).toBeNull()
    expect(formatMetricValue(note, v(note.id, '司法所'))).toBe('司法所')
  })
})

describe('metricChipText', () => {
  it('shows the value, a placeholder naming the metric, or an unknown marker', () => {
    expect(metricChipText(count, v(count.id, 120, '余'))).toEqual({ text: '120余次', missing: false })
    expect(metricChipText(count, v(count.id, null))).toEqual({ text: '【未填：巡查次数】', missing: true })
    expect(metricChipText(count, undefined)).toEqual({ text: '【未填：巡查次数】', missing: true })
    expect(metricChipText(undefined, v('gone', 3))).toEqual({ text: '【未知指标】', missing: true })
  })
})

const template: ReportTemplate = {
  id: 't',
  version: 1,
  name: 't',
  description: '',
  builtIn: false,
  titlePattern: '{organs}关于{year}年的报告',
  defaultAddressee: '',
  preambleGuidance: '',
  sections: [
    { key: 'a', level: 1, title: '{year}年工作', guidance: 'g', required: true },
    { key: 'empty', level: 2, title: '无指标', guidance: 'g', required: false },
    { key: 'b', level: 1, title: '{nextYear}年打算', guidance: 'g', required: true }
  ],
  metrics: [count, exact, rate, money, note]
}

const doc: ReportDocJSON = {
  type: 'doc',
  content: [
    { type: 'preamble', attrs: { id: 'preamble' }, content: [{ type: 'paragraph', content: [{ type: 'metric', attrs: { metricId: 'x.rate' } }] }] },
    {
      type: 'section',
      attrs: { id: 's1', level: 1, templateKey: 'a', required: true },
      content: [
        { type: 'sectionTitle', content: [{ type: 'text', text: '标题' }, { type: 'metric', attrs: { metricId: 'x.exact' } }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: '巡查' },
            { type: 'metric', attrs: { metricId: 'x.count' } },
            { type: 'hardBreak' },
            { type: 'metric', attrs: { metricId: 'x.rate' } },
            { type: 'metric', attrs: { metricId: 'gone' } }
          ]
        },
        { type: 'paragraph' }
      ]
    }
  ]
}

describe('cited metrics', () => {
  it('lists chip metric ids once, in document order, titles included', () => {
    expect(citedMetricIds(doc)).toEqual(['x.rate', 'x.exact', 'x.count', 'gone'])
  })
  it('finds cited metrics without a value, ignoring uncited and unknown ones', () => {
    const values = [v('x.rate', 100), v('x.exact', null), v('x.money', null)]
    expect(findMissingCitedMetrics(doc, template, values).map((m) => m.id)).toEqual(['x.exact', 'x.count'])
    const all = [v('x.rate', 100), v('x.exact', 0), v('x.count', 5)]
    expect(findMissingCitedMetrics(doc, template, all)).toEqual([])
  })
})

describe('groupMetricsBySection', () => {
  it('groups metrics under their section in outline order, skipping empty sections', () => {
    const groups = groupMetricsBySection(template, 2024)
    expect(groups.map((g) => [g.sectionKey, g.title, g.metrics.map((m) => m.id)])).toEqual([
      ['a', '2024年工作', ['x.count', 'x.exact', 'x.rate']],
      ['b', '2025年打算', ['x.money', 'x.note']]
    ])
  })
  it('puts metrics of unknown sections last instead of losing them', () => {
    const t = { ...template, metrics: [...template.metrics, { ...count, id: 'x.lost', sectionKey: 'nowhere' }] }
    const groups = groupMetricsBySection(t)
    expect(groups.at(-1)!.sectionKey).toBeNull()
    expect(groups.at(-1)!.metrics.map((m) => m.id)).toEqual(['x.lost'])
    expect(groups[0].title).toBe('{year}年工作')
  })
  it('covers every metric of the built-in template exactly once', () => {
    const ids = groupMetricsBySection(RULE_OF_LAW_TEMPLATE).flatMap((g) => g.metrics.map((m) => m.id))
    expect(ids.slice().sort()).toEqual(RULE_OF_LAW_TEMPLATE.metrics.map((m) => m.id).sort())
  })
})
