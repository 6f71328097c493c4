import { describe, expect, it } from 'vitest'
import { advanceIsoDate, advanceReport, advanceYearsInText } from '@core/year-advance'
import { yearOnYear, yoyChipText } from '@core/year-on-year'
import { createReportFromTemplate } from '@core/report-factory'
import { citedMetricIds } from '@core/metrics'
import { RULE_OF_LAW_TEMPLATE as T } from '@core/templates'
import type { MetricDefinition } from '@core/template'
import { loadSampleReport } from '../../fixtures/sample-report'

describe('year advancement of text and dates', () => {
  it('moves the report year, last year and next year forward', () => {
    expect(advanceYearsInText('2024年度，全镇开展巡查', 2024)).toBe('2025年度，全镇开展巡查')
    expect(advanceYearsInText('于2024年3月15日召开，比2023年增加，2025年将继续', 2024)).toBe('于2025年3月15日召开，比2024年增加，2026年将继续')
    expect(advanceYearsInText('成文于2025-01-15', 2024)).toBe('成文于2026-01-15')
  })

  it('leaves spans, document numbers, other years and plain numbers alone', () => {
    const fixed = '落实《法治政府建设实施纲要（2021—2025年）》，依据国办公开办函〔2025〕30号，2010年建成，共2024人次，增长2024%'
    expect(advanceYearsInText(fixed, 2024)).toBe(fixed)
  })

  it('advances years written in Chinese numerals, keeping the zero the clerk used', () => {
    expect(advanceYearsInText('二〇二三年以来，二〇二四年全镇', 2024)).toBe('二〇二四年以来，二〇二五年全镇')
    expect(advanceYearsInText('二零二四年工作总结', 2024)).toBe('二零二五年工作总结')
    expect(advanceYearsInText('二○二四年十二月', 2024)).toBe('二○二五年十二月')
    // Far years and plan periods stay.
    expect(advanceYearsInText('二〇一〇年建成', 2024)).toBe('二〇一〇年建成')
    expect(advanceYearsInText('二〇二一至二〇二五年规划', 2024)).toBe('二〇二一至二〇二五年规划')
    expect(advanceYearsInText('二〇二三至二〇二四年度', 2024)).toBe('二〇二四至二〇二五年度')
  })

  it('moves a span of two consecutive years as a whole; longer spans (plan periods) stay', () => {
    expect(advanceYearsInText('2023至2024年度冬春火灾防控', 2024)).toBe('2024至2025年度冬春火灾防控')
    expect(advanceYearsInText('2024—2025学年', 2024)).toBe('2025—2026学年')
    expect(advanceYearsInText('2023-2024年', 2024)).toBe('2024-2025年')
    expect(advanceYearsInText('《规划（2021—2025年）》和2024年计划', 2024)).toBe('《规划（2021—2025年）》和2025年计划')
    // A span not touching the report's years is someone else's period.
    expect(advanceYearsInText('2019至2020年度', 2024)).toBe('2019至2020年度')
  })

  it('advances ISO dates, clamping 29 February', () => {
    expect(advanceIsoDate('2025-01-15')).toBe('2026-01-15')
    expect(advanceIsoDate('2024-02-29')).toBe('2025-02-28')
    expect(advanceIsoDate('not a date')).toBe('not a date')
  })

  it('以去年报告为底稿: text and title advanced, chips kept, every value cleared, linked to last year', () => {
    const last = loadSampleReport()
    let n = 0
    const next = advanceReport(last, { reportId: 'next', newSectionId: () => `n${++n}`, now: 5 })
    expect(next.report.meta.year).toBe(last.report.meta.year + 1)
    expect(next.report.previousReportId).toBe(last.report.id)
    expect(next.report.meta.title).toContain(String(last.report.meta.year + 1))
    expect(next.report.meta.date.slice(0, 4)).toBe(String(Number(last.report.meta.date.slice(0, 4)) + 1))
    expect(next.report.sectionOrder).toHaveLength(last.report.sectionOrder.length)
    expect(new Set(next.report.sectionOrder).size).toBe(next.report.sectionOrder.length)
    expect(citedMetricIds(next.doc)).toEqual(citedMetricIds(last.doc))
    expect(next.values.length).toBe(T.metrics.length)
    expect(next.values.every((v) => v.value === null)).toBe(true)
    const oldText = JSON.stringify(last.doc)
    const newText = JSON.stringify(next.doc)
    const y = last.report.meta.year
    const count = (s: string, re: RegExp) => (s.match(re) ?? []).length
    expect(count(oldText, new RegExp(`${y}年`, 'g'))).toBeGreaterThan(0)
    expect(count(newText, new RegExp(`${y + 1}年`, 'g'))).toBeGreaterThanOrEqual(count(oldText, new RegExp(`${y}年`, 'g')))
    // The source is untouched.
    expect(JSON.stringify(last.doc)).toBe(oldText)
  })

  it('works on a fresh template report too (sections from the template titles)', () => {
    const made = createReportFromTemplate(T, { organs: ['甲镇人民政府'], addressee: '乙县', year: 2024, date: '2025-01-10' }, { reportId: 'r', newSectionId: () => 's' + Math.random(), now: 1 })
    const next = advanceReport({ ...made, template: T }, { reportId: 'r2', newSectionId: () => 'n' + Math.random(), now: 2 })
    const titles = next.doc.content.slice(1).map((b) => JSON.stringify(b.content[0]))
    expect(titles.some((t) => t.includes('2025年度推进法治政府建设的主要举措和成效'))).toBe(true)
    expect(titles.some((t) => t.includes('2026年度推进法治政府建设的主要安排'))).toBe(true)
  })
})

describe('year-on-year phrases', () => {
  const count: MetricDefinition = { id: 'c', label: '化解矛盾纠纷起数', unit: '起', type: 'integer', qualifiers: [], sectionKey: '' }
  const rate: MetricDefinition = { id: 'r', label: '持证率', unit: '%', type: 'percent', decimals: 1, qualifiers: [], sectionKey: '' }
  const v = (value: number | null) => ({ metricId: 'x', value, qualifier: '' as const })

  it('computes relative and absolute changes', () => {
    const up = yearOnYear(count, v(150), v(130))
    expect(up).toMatchObject({ state: 'ok', direction: 'up' })
    expect(up.state === 'ok' && up.phrase).toBe(`同比增长${(((150 - 130) / 130) * 100).toFixed(1)}%`)
    expect(yearOnYear(count, v(108), v(111), 'difference')).toMatchObject({ phrase: '同比减少3起', direction: 'down' })
    expect(yearOnYear(count, v(111), v(111))).toMatchObject({ phrase: '与上年持平' })
    expect(yearOnYear(count, v(5), v(0))).toMatchObject({ phrase: '同比增加5起' })
    expect(yearOnYear(rate, v(100), v(97.5))).toMatchObject({ phrase: '同比提高2.5个百分点' })
  })

  it('gives a visible placeholder when a year is missing, never a number', () => {
    expect(yoyChipText(count, v(3), v(null))).toEqual({ text: '【缺去年数据：化解矛盾纠纷起数】', missing: true })
    expect(yoyChipText(count, v(null), v(3))).toEqual({ text: '【未填：化解矛盾纠纷起数】', missing: true })
    expect(yoyChipText(count, v(4), v(2)).text).toBe('同比增长100%')
  })

  it('keeps significant digits: a small real change is never rounded to 0%', () => {
    expect(yearOnYear(count, v(10004), v(10000))).toMatchObject({ phrase: '同比增长0.04%', direction: 'up' })
    expect(yearOnYear(count, v(99999), v(100000))).toMatchObject({ phrase: '同比下降0.001%', direction: 'down' })
    expect(yearOnYear(count, v(10421), v(10000))).toMatchObject({ phrase: '同比增长4.2%' })
    expect(yearOnYear(rate, v(97.54), v(97.5))).toMatchObject({ phrase: '同比提高0.04个百分点' })
  })
})

describe('year-on-year chips in the resolved report', () => {
  it('a chip with show: yoy prints the computed change; without last year it prints a visible placeholder', async () => {
    const { resolveReport } = await import('@core/resolve')
    let n = 0
    const made = createReportFromTemplate(T, { organs: ['甲镇人民政府'], addressee: '乙县', year: 2024, date: '2025-01-10' }, { reportId: 'r', newSectionId: () => `s${++n}`, now: 1 })
    const section = made.doc.content[1]
    section.content[1] = {
      type: 'paragraph',
      content: [
        { type: 'text', text: '化解矛盾纠纷' },
        { type: 'metric', attrs: { metricId: 'disputes.resolved' } },
        { type: 'text', text: '，' },
        { type: 'metric', attrs: { metricId: 'disputes.resolved', show: 'yoy' } }
      ]
    }
    const now = [{ metricId: 'disputes.resolved', value: 108, qualifier: '' as const }]
    const last = [{ metricId: 'disputes.resolved', value: 111, qualifier: '' as const }]
    const text = (r: ReturnType<typeof resolveReport>) => r.sections[0].paragraphs[0].runs.map((x) => x.text).join('')
    const withLast = resolveReport(made.report, made.doc, T, now, { previousValues: last })
    expect(text(withLast)).toBe(`化解矛盾纠纷108起，同比下降${Number(((3 / 111) * 100).toFixed(1))}%`)
    const without = resolveReport(made.report, made.doc, T, now)
    expect(text(without)).toContain('【缺去年数据：')
    expect(without.sections[0].paragraphs[0].runs.at(-1)!.missing).toBe(true)
  })
})
