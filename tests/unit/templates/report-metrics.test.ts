// Report-own metrics (issue 9 item 2) and the conversion check (item 3), in the pure core:
// labels proposed from the words, definitions from figures, the panel's groups following the
// document, last year's values by id or label, carried by 以去年报告为底稿, resolved in exports.
import { describe, expect, it } from 'vitest'
import {
  checkOwnMetric,
  groupMetricsForPanel,
  ownMetricForFigure,
  previousValuesForReport,
  proposeMetricLabel,
  withReportMetrics
} from '@core/report-metrics'
import { checkFigureConversion, findProseFigures } from '@core/prose-figures'
import { createReportFromTemplate } from '@core/report-factory'
import { advanceReport } from '@core/year-advance'
import { resolveReport } from '@core/resolve'
import { RULE_OF_LAW_TEMPLATE as T, WORK_SUMMARY_TEMPLATE as W } from '@core/templates'
import type { MetricDefinition, MetricValue } from '@core/template'

const own = (id: string, label: string, unit = '次'): MetricDefinition => ownMetricForFigure(`own.${id}`, label, { unit, value: 1, qualifier: '' })

describe('a label proposed from the words around a figure', () => {
  it('drops fillers and adds the measure word of the unit', () => {
    expect(proposeMetricLabel('全年领导班子会议学法', '', '次')).toBe('领导班子会议学法次数')
    expect(proposeMetricLabel('累计审查各类经济合同', '', '份')).toBe('审查各类经济合同份数')
    expect(proposeMetricLabel('开展法治讲座', '', '场')).toBe('开展法治讲座场次')
    expect(proposeMetricLabel('全镇受理信访事项共', '', '件')).toBe('受理信访事项件数')
    expect(proposeMetricLabel('投入普法经费', '', '万元')).toBe('投入普法经费金额')
    // Words after the figure when none come before it.
    expect(proposeMetricLabel('', '行政诉讼案件', '起')).toBe('行政诉讼案件起数')
    expect(proposeMetricLabel('审查合同', '', '件')).toBe('审查合同件数')
    expect(proposeMetricLabel('办理复议案', '', '件')).toBe('办理复议案件数')
  })

  it('keeps a rate word for percentages and stays short', () => {
    expect(proposeMetricLabel('群众满意率达到', '', '%')).toBe('群众满意率')
    expect(proposeMetricLabel('网上办理', '', '%')).toBe('网上办理比例')
    expect(proposeMetricLabel('依托门户网站和政务新媒体等多个平台主动发布', '', '条').length).toBeLessThanOrEqual(20)
    expect(proposeMetricLabel('', '', '次')).toBe('新指标次数')
  })
})

describe('a metric made from a figure', () => {
  it('takes type, unit and decimals from the figure', () => {
    expect(ownMetricForFigure('own.a', '学法次数', { unit: '次', value: 8, qualifier: '' })).toMatchObject({ type: 'integer', unit: '次', min: 0 })
    expect(ownMetricForFigure('own.b', '经费', { unit: '万元', value: 12.5, qualifier: '' })).toMatchObject({ type: 'decimal', decimals: 1 })
    const pct = ownMetricForFigure('own.c', '满意率', { unit: '％', value: 93.6, qualifier: '' })
    expect(pct).toMatchObject({ type: 'percent', unit: '%', decimals: 1 })
    expect(pct.max).toBeUndefined()
  })

  it('refuses an empty or duplicate name', () => {
    expect(checkOwnMetric({ ...own('x', ''), label: ' ' }, [])).toHaveLength(1)
    expect(checkOwnMetric(own('x', '日常巡查次数'), T.metrics)[0]).toContain('已有名为“日常巡查次数”')
    expect(checkOwnMetric(own('x', '学法次数'), T.metrics)).toEqual([])
  })

  it('works in a template without metrics (年度工作总结): the figure is offered nothing, the clerk makes one', () => {
    expect(W.metrics).toEqual([])
    const [f] = findProseFigures('全年领导班子会议学法8次', W)
    expect(f).toMatchObject({ text: '8次', candidates: [] })
    const def = own('study', '领导班子会议学法次数')
    const tpl = withReportMetrics(W, { ownMetrics: [def] })
    expect(tpl.metrics.map((m) => m.id)).toEqual(['own.study'])
    // From now on the words name it.
    expect(findProseFigures('党委会议学法5次，领导班子会议学法8次', tpl).map((x) => x.candidates)).toEqual([[], ['own.study']])
    expect(withReportMetrics(tpl, { ownMetrics: [def] })).toBe(tpl)
  })
})

describe('converting never destroys text', () => {
  const rate = T.metrics.find((m) => m.id === 'enforcement.certifiedRate')!
  const patrols = T.metrics.find((m) => m.id === 'enforcement.patrols')!
  const cases = T.metrics.find((m) => m.id === 'oversight.reconsiderationCases')!

  it('refuses a figure the metric’s rule refuses, saying why', () => {
    const r = checkFigureConversion(rate, undefined, { text: '463%', value: 463, qualifier: '', unit: '%' })
    expect(r.ok).toBe(false)
    expect(!r.ok && r.message).toContain('“463%”不符合“执法人员持证上岗率”的填写规则')
    expect(!r.ok && r.message).toContain('保持原样')
  })

  it('refuses when the metric already holds another figure, or the qualifier would be lost', () => {
    const filled: MetricValue = { metricId: patrols.id, value: 120, qualifier: '余' }
    const other = checkFigureConversion(patrols, filled, { text: '13次', value: 13, qualifier: '', unit: '次' })
    expect(!other.ok && other.message).toContain('已填写为“120余次”')
    expect(cases.qualifiers).toEqual([])
    const lost = checkFigureConversion(cases, undefined, { text: '20余件', value: 20, qualifier: '余', unit: '件' })
    expect(!lost.ok && lost.message).toContain('不允许修饰词“余”')
    const unit = checkFigureConversion(patrols, undefined, { text: '13件', value: 13, qualifier: '', unit: '件' })
    expect(unit.ok).toBe(false)
  })

  it('accepts a figure that fits: the value to store, or nothing when already the same', () => {
    expect(checkFigureConversion(patrols, undefined, { text: '120余次', value: 120, qualifier: '余', unit: '次' })).toEqual({
      ok: true,
      fill: { metricId: patrols.id, value: 120, qualifier: '余' }
    })
    expect(checkFigureConversion(patrols, { metricId: patrols.id, value: 120, qualifier: '余' }, { text: '120余次', value: 120, qualifier: '余', unit: '次' })).toEqual({ ok: true, fill: null })
  })
})

describe('the panel groups follow the document', () => {
  const study = own('study', '领导班子会议学法次数')
  const tpl = withReportMetrics(T, { ownMetrics: [study, own('idle', '未引用的指标')] })
  const enforcementKey = T.metrics.find((m) => m.id === 'enforcement.patrols')!.sectionKey

  it('uses the sections’ current titles, puts own metrics under the section citing them, and drops deleted sections', () => {
    const sections = [
      { id: 'a', templateKey: 'measures', title: '一、改过名字的举措' },
      { id: 'b', templateKey: enforcementKey, title: '（一）新的执法标题' },
      { id: 'c', templateKey: null, title: '（二）自己加的学法一节' }
    ]
    const groups = groupMetricsForPanel(tpl, sections, new Map([['own.study', 'c']]))
    const byTitle = new Map(groups.map((g) => [g.title, g.metrics.map((m) => m.id)]))
    expect(byTitle.get('（一）新的执法标题')).toContain('enforcement.patrols')
    expect(byTitle.get('（二）自己加的学法一节')).toEqual(['own.study'])
    expect(byTitle.get('本报告指标（未引用）')).toEqual(['own.idle'])
    // No template title survives: every group is a current section or one of the two catch-alls.
    const allowed = new Set([...sections.map((s) => s.title), '其他指标', '本报告指标（未引用）'])
    for (const g of groups) expect(allowed.has(g.title), g.title).toBe(true)
    // The template's other sections were deleted: their metrics are listed under 其他指标, not lost.
    const listed = groups.flatMap((g) => g.metrics.map((m) => m.id))
    expect(listed.sort()).toEqual(tpl.metrics.map((m) => m.id).sort())
  })

  it('a template metric whose section was deleted but which is cited goes to the citing section', () => {
    const groups = groupMetricsForPanel(T, [{ id: 'x', templateKey: null, title: '一、唯一一节' }], new Map([['disputes.resolved', 'x']]))
    expect(groups.find((g) => g.title === '一、唯一一节')!.metrics.map((m) => m.id)).toEqual(['disputes.resolved'])
  })
})

describe('last year and next year', () => {
  const made = () => {
    let n = 0
    return createReportFromTemplate(W, { organs: ['甲镇人民政府'], addressee: '乙县', year: 2024, date: '2025-01-10' }, { reportId: 'r', newSectionId: () => `s${++n}`, now: 1 })
  }

  it('以去年报告为底稿 carries the own metrics with their ids and clears their values', () => {
    const last = made()
    last.report.ownMetrics = [own('study', '领导班子会议学法次数')]
    let n = 0
    const next = advanceReport({ ...last, template: W }, { reportId: 'n', newSectionId: () => `n${++n}`, now: 2 })
    expect(next.report.ownMetrics).toEqual(last.report.ownMetrics)
    expect(next.report.ownMetrics![0]).not.toBe(last.report.ownMetrics[0])
    expect(next.values).toEqual([{ metricId: 'own.study', value: null, qualifier: '' }])
  })

  it('last year’s value of an own metric is found by id, else by label', () => {
    const lastValues: MetricValue[] = [
      { metricId: 'own.old', value: 6, qualifier: '' },
      { metricId: 'own.same', value: 3, qualifier: '' }
    ]
    const previous = { template: W, report: { ownMetrics: [own('old', '领导班子会议学法次数'), own('same', '法治讲座场次', '场')] } }
    const report = { ownMetrics: [own('new', '领导班子 会议学法次数'), own('same', '法治讲座场次', '场'), own('other', '别的次数')] }
    const out = previousValuesForReport(W, report, previous, lastValues)
    const byId = new Map(out.map((v) => [v.metricId, v.value]))
    expect(byId.get('own.new')).toBe(6)
    expect(byId.get('own.same')).toBe(3)
    expect(byId.has('own.other')).toBe(false)
  })

  it('own metrics resolve in exports like template metrics, year-on-year included', () => {
    const r = made()
    r.report.ownMetrics = [own('study', '领导班子会议学法次数')]
    r.doc.content[1].content[1] = {
      type: 'paragraph',
      content: [
        { type: 'text', text: '全年领导班子会议学法' },
        { type: 'metric', attrs: { metricId: 'own.study' } },
        { type: 'text', text: '，' },
        { type: 'metric', attrs: { metricId: 'own.study', show: 'yoy' } }
      ]
    }
    const values: MetricValue[] = [{ metricId: 'own.study', value: 8, qualifier: '' }]
    const resolved = resolveReport(r.report, r.doc, W, values, { previousValues: [{ metricId: 'own.study', value: 4, qualifier: '' }] })
    expect(resolved.sections[0].paragraphs[0].runs.map((x) => x.text).join('')).toBe('全年领导班子会议学法8次，同比增长100%')
  })
})

describe('存为模板 keeps the report’s own metrics', () => {
  it('as template metrics under the section citing them, without the own. mark', async () => {
    const { templateFromReport } = await import('@core/templates/derive')
    let n = 0
    const r = createReportFromTemplate(W, { organs: ['甲镇人民政府'], addressee: '乙县', year: 2024, date: '2025-01-10' }, { reportId: 'r', newSectionId: () => `s${++n}`, now: 1 })
    r.report.ownMetrics = [own('study', '领导班子会议学法次数'), own('idle', '未引用的次数')]
    r.doc.content[2].content[1] = { type: 'paragraph', content: [{ type: 'text', text: '学法' }, { type: 'metric', attrs: { metricId: 'own.study' } }] }
    const tpl = templateFromReport(r.report, r.doc, W, 'new', '我的模板')
    const key = r.doc.content[2].attrs.templateKey
    expect(tpl.metrics.map((m) => [m.id, m.label, m.sectionKey])).toEqual([
      ['custom.study', '领导班子会议学法次数', key],
      ['custom.idle', '未引用的次数', '']
    ])
  })
})
