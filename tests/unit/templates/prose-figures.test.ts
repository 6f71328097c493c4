// The prose-figure finder on the sample report's own text: every figure the reference lists
// must be found with its value, qualifier and unit; dates and names must not be.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { convertFigureToChip, findChipContradictions, findProseFigures, findProseFiguresInDoc, yoyWordContradicts } from '@core/prose-figures'
import { RULE_OF_LAW_TEMPLATE as T } from '@core/templates'
import type { MetricValue, ReportTemplate } from '@core/template'
import type { ReportDocJSON } from '@core/report'
import { loadSampleFigures, SAMPLE_REPORT_PATH } from '../../fixtures/sample-figures'
import { loadSampleReport } from '../../fixtures/sample-report'

const sampleText = readFileSync(SAMPLE_REPORT_PATH, 'utf8')
const figures = loadSampleFigures()

describe('prose-figure finder on the sample report', () => {
  const found = findProseFigures(sampleText, T)

  it('finds every figure listed in the reference, with value, qualifier and unit', () => {
    expect(figures.length).toBeGreaterThanOrEqual(16)
    for (const f of figures) {
      const hit = found.find((x) => x.value === f.value && x.qualifier === f.qualifier && x.unit.replace(/\(/g, '（').replace(/\)/g, '）') === f.unit)
      expect(hit, f.text).toBeDefined()
      expect(sampleText.slice(hit!.start, hit!.end)).toBe(hit!.text)
    }
    // '查处煤泥晾晒场10个, 复耕10个': both occurrences.
    const tens = figures.filter((f) => f.text === '10个').length
    expect(found.filter((x) => x.value === 10 && x.unit === '个')).toHaveLength(tens)
  })

  it('does not take years, dates, list numbers or holiday names for figures', () => {
    for (const x of found) {
      expect(x.unit, x.text).not.toMatch(/^(年|月|日)/)
      expect(sampleText.slice(x.start - 1, x.start), x.text).not.toMatch(/[.．]/)
    }
    expect(findProseFigures('2024年3月15日召开会议，“6.26国际禁毒日”开展活动，第3次会议', T)).toEqual([])
  })

  it('proposes a metric only when the words of the clause name it, never by unit alone', () => {
    const values: MetricValue[] = [{ metricId: 'enforcement.patrols', value: 120, qualifier: '余' }]
    const [hit] = findProseFigures('全年开展日常巡查120余次', T, values)
    expect(hit).toMatchObject({ value: 120, qualifier: '余', unit: '次', candidates: ['enforcement.patrols'], preselect: 'enforcement.patrols' })
    // Same unit, other words: nothing offered, even when the value equals a filled metric.
    const [study] = findProseFigures('党委中心组专题学习120余次', T, values)
    expect(study).toMatchObject({ unit: '次', candidates: [], preselect: null })
    const [growth] = findProseFigures('工业投资同比增长463%', T)
    expect(growth).toMatchObject({ unit: '%', candidates: [], preselect: null })
    const [approx] = findProseFigures('约见企业约２０户次', T)
    expect(approx).toMatchObject({ value: 20, qualifier: '约', text: '约２０户次', candidates: ['enforcement.polluterInterviews'] })
  })

  it('pre-selects nothing when two metrics are named equally strongly', () => {
    const [f] = findProseFigures('查处煤泥晾晒场并复耕5个', T)
    expect(f.candidates.slice(0, 2).sort()).toEqual(['enforcement.dryingSitesClosed', 'enforcement.dryingSitesReclaimed'])
    // The nearer words rank first, but neither is chosen for the clerk.
    expect(f.candidates[0]).toBe('enforcement.dryingSitesReclaimed')
    expect(f.preselect).toBeNull()
  })

  it('looks only at the figure’s own clause', () => {
    const found = findProseFigures('开展日常巡查120次，召开专题会议3次', T)
    expect(found.map((f) => [f.text, f.candidates])).toEqual([
      ['120次', ['enforcement.patrols']],
      ['3次', []]
    ])
  })
})

describe('turning figures into chips and checking chips', () => {
  const plainDoc = (text: string): ReportDocJSON => ({
    type: 'doc',
    content: [
      { type: 'preamble', attrs: { id: 'preamble' }, content: [{ type: 'paragraph' }] },
      { type: 'section', attrs: { id: 's1', level: 1, templateKey: null, required: false }, content: [{ type: 'sectionTitle', content: [{ type: 'text', text: '执法' }] }, { type: 'paragraph', content: [{ type: 'text', text, marks: [{ type: 'bold' }] }] }] }
    ]
  })

  it('finds figures in the document and converts one into a chip, keeping the text around it', () => {
    const doc = plainDoc('开展日常巡查120余次，纠正占道经营26起。')
    const list = findProseFiguresInDoc(doc, T)
    expect(list.map((f) => f.text)).toEqual(['120余次', '26起'])
    expect(list[0].context).toContain('日常巡查120余次')
    const r = convertFigureToChip(doc, list[1], 'enforcement.streetVendingCorrected')!
    const para = r.doc.content[1].content[1]
    expect(para.content).toEqual([
      { type: 'text', text: '开展日常巡查120余次，纠正占道经营', marks: [{ type: 'bold' }] },
      { type: 'metric', attrs: { metricId: 'enforcement.streetVendingCorrected' } },
      { type: 'text', text: '。', marks: [{ type: 'bold' }] }
    ])
    expect(r.value).toEqual({ metricId: 'enforcement.streetVendingCorrected', value: 26, qualifier: '' })
    expect(doc.content[1].content[1].content).toHaveLength(1)
    // Stale: the text changed since the figure was found.
    expect(convertFigureToChip(plainDoc('开展日常巡查130余次'), list[0], 'enforcement.patrols')).toBeNull()
  })

  it('the sample document with every figure as a chip has no figures left in prose', () => {
    const { doc, template, values } = loadSampleReport()
    const left = findProseFiguresInDoc(doc, template, values).filter((f) => figures.some((x) => x.value === f.value))
    expect(left.map((f) => f.text)).toEqual([])
    expect(findChipContradictions(doc, template, values)).toEqual([])
  })

  it('flags a chip whose neighbours repeat its unit or qualifier, or contradict it with a number', () => {
    const template: ReportTemplate = T
    const values: MetricValue[] = [
      { metricId: 'enforcement.patrols', value: 120, qualifier: '余' },
      { metricId: 'enforcement.landCases', value: 3, qualifier: '' }
    ]
    const chip = (metricId: string) => ({ type: 'metric' as const, attrs: { metricId } })
    const doc: ReportDocJSON = {
      type: 'doc',
      content: [
        { type: 'preamble', attrs: { id: 'preamble' }, content: [{ type: 'paragraph' }] },
        {
          type: 'section',
          attrs: { id: 's1', level: 1, templateKey: null, required: false },
          content: [
            { type: 'sectionTitle', content: [{ type: 'text', text: '执法' }] },
            { type: 'paragraph', content: [{ type: 'text', text: '巡查约' }, chip('enforcement.patrols'), { type: 'text', text: '次，' }] },
            { type: 'paragraph', content: [{ type: 'text', text: '发现案件' }, chip('enforcement.landCases'), { type: 'text', text: '（5）起' }] }
          ]
        }
      ]
    }
    const messages = findChipContradictions(doc, template, values).map((c) => c.message)
    expect(messages.some((m) => /约.*修饰词重复/.test(m))).toBe(true)
    expect(messages.some((m) => /又写了一遍“次”/.test(m))).toBe(true)
    expect(messages.some((m) => /数字“5”.*不一致/.test(m))).toBe(true)
    expect(yoyWordContradicts('比上年减少', 'up')).toBe(true)
    expect(yoyWordContradicts('全年', 'up')).toBe(false)
  })
})
