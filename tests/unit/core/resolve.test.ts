import { describe, expect, it } from 'vitest'
import { createReportFromTemplate, ReportInputError } from '@core/report-factory'
import type { ParagraphJSON, ReportDocJSON, SectionJSON } from '@core/report'
import { resolveReport } from '@core/resolve'
import type { MetricValue } from '@core/template'
import { RULE_OF_LAW_TEMPLATE as T } from '@core/templates'

function fresh(organs = ['中共梁洼镇委员会', '梁洼镇人民政府']) {
  let n = 0
  return createReportFromTemplate(
    T,
    { organs, addressee: '中共鲁山县委、鲁山县人民政府', year: 2024, date: '2025-01-05' },
    { reportId: 'r', newSectionId: () => `s${++n}`, now: 0 }
  )
}

const text = (t: string, bold = false) => (bold ? { type: 'text' as const, text: t, marks: [{ type: 'bold' as const }] } : { type: 'text' as const, text: t })
const chip = (metricId: string) => ({ type: 'metric' as const, attrs: { metricId } })
const para = (...content: ParagraphJSON['content'] & object): ParagraphJSON => ({ type: 'paragraph', content })
const section = (id: string, level: 1 | 2 | 3 | 4, title: string, ...paragraphs: ParagraphJSON[]): SectionJSON => ({
  type: 'section',
  attrs: { id, level, templateKey: null, required: false },
  content: [{ type: 'sectionTitle', content: [text(title)] }, ...paragraphs]
})

describe('resolveReport', () => {
  it('resolves a freshly created report: numbers, titles, meta, no body yet', () => {
    const { report, doc, values } = fresh()
    const r = resolveReport(report, doc, T, values)
    expect(r.title).toBe('中共梁洼镇委员会 梁洼镇人民政府关于2024年法治政府建设情况的报告')
    expect(r.addressee).toBe('中共鲁山县委、鲁山县人民政府：')
    expect(r.signatures).toEqual(['中共梁洼镇委员会', '梁洼镇人民政府'])
    expect(r.dateText).toBe('2025年1月5日')
    expect(r.author).toContain('梁洼镇人民政府')
    expect(r.preamble).toEqual([])
    expect(r.sections).toHaveLength(T.sections.length)
    expect(r.sections.every((s) => s.paragraphs.length === 0)).toBe(true)
    const levels = T.sections.map((s) => s.level)
    const firstTwo = levels.indexOf(2)
    expect(r.sections[0].number).toBe('一、')
    expect(r.sections[firstTwo].number).toBe('（一）')
    expect(r.sections[firstTwo + 1].number).toBe('（二）')
    const ones = r.sections.filter((s) => s.level === 1).map((s) => s.number)
    expect(ones).toEqual(['一、', '二、', '三、', '四、', '五、'])
    expect(r.sections.map((s) => s.title.map((x) => x.text).join('')).join('')).not.toMatch(/[{}]/)
  })

  it('numbers all four levels by position', () => {
    const { report, values } = fresh()
    const doc: ReportDocJSON = {
      type: 'doc',
      content: [
        { type: 'preamble', attrs: { id: 'preamble' }, content: [{ type: 'paragraph' }] },
        section('a', 1, '甲'),
        section('b', 2, '乙'),
        section('c', 3, '丙'),
        section('d', 4, '丁'),
        section('e', 4, '戊'),
        section('f', 3, '己'),
        section('g', 1, '庚'),
        section('h', 3, '辛')
      ]
    }
    const r = resolveReport(report, doc, T, values)
    expect(r.sections.map((s) => `${s.number}${s.title[0].text}`)).toEqual([
      '一、甲', '（一）乙', '1.丙', '（1）丁', '（2）戊', '2.己', '二、庚', '1.辛'
    ])
    expect(r.sections.map((s) => s.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'])
  })

  it('turns chips into text runs, flags missing and unknown ones, keeps bold', () => {
    const { report, values } = fresh()
    const filled: MetricValue[] = values.map((v) =>
      v.metricId === 'enforcement.patrols' ? { ...v, value: 120, qualifier: '余' } : v
    )
    const doc: ReportDocJSON = {
      type: 'doc',
      content: [
        { type: 'preamble', attrs: { id: 'preamble' }, content: [para(text('导语'))] },
        section(
          's', 1, '执法',
          para(text('一是', true), text('开展巡查'), chip('enforcement.patrols'), text('，纠正'), chip('enforcement.streetVendingCorrected'), chip('nope'), text('。'))
        )
      ]
    }
    const runs = resolveReport(report, doc, T, filled).sections[0].paragraphs[0].runs
    expect(runs).toEqual([
      { text: '一是', bold: true },
      { text: '开展巡查' },
      { text: '120余次', fromMetric: true },
      { text: '，纠正' },
      { text: '【未填：纠正违法占道经营起数】', fromMetric: true, missing: true },
      { text: '【未知指标】', fromMetric: true, missing: true },
      { text: '。' }
    ])
  })

  it('cleans text, merges like runs, splits at hard breaks, drops trailing empty paragraphs', () => {
    const { report, values } = fresh()
    const doc: ReportDocJSON = {
      type: 'doc',
      content: [
        {
          type: 'preamble',
          attrs: { id: 'preamble' },
          content: [para(text('\u3000\u3000[bookmark: _GoBack]今年以来,'), text('镇政府\u0007坚持 依法 行政 '), { type: 'hardBreak' }, text('第二行')), { type: 'paragraph' }, para(text('  '))]
        },
        section('s', 1, '标题\u0001', { type: 'paragraph' }, para(text('正文')), { type: 'paragraph' }, { type: 'paragraph' })
      ]
    }
    const r = resolveReport(report, doc, T, values)
    expect(r.preamble).toEqual([{ runs: [{ text: '今年以来，镇政府坚持依法行政' }] }, { runs: [{ text: '第二行' }] }])
    expect(r.sections[0].title).toEqual([{ text: '标题' }])
    // An empty paragraph in the middle stays; only the trailing ones go.
    expect(r.sections[0].paragraphs).toEqual([{ runs: [] }, { runs: [{ text: '正文' }] }])
    const raw = resolveReport(report, doc, T, values, { normalize: false })
    expect(raw.preamble[0].runs[0].text).toBe('[bookmark: _GoBack]今年以来,镇政府坚持 依法 行政')
  })

  it('adds the addressee colon once and omits an empty addressee', () => {
    const { report, doc, values } = fresh(['梁洼镇人民政府'])
    expect(resolveReport({ ...report, meta: { ...report.meta, addressee: '县政府：' } }, doc, T, values).addressee).toBe('县政府：')
    expect(resolveReport({ ...report, meta: { ...report.meta, addressee: '县政府:' } }, doc, T, values).addressee).toBe('县政府：')
    expect(resolveReport({ ...report, meta: { ...report.meta, addressee: ' ' } }, doc, T, values).addressee).toBe('')
    expect(resolveReport(report, doc, T, values).signatures).toEqual(['梁洼镇人民政府'])
  })

  it('normalises an addressee like body text: ASCII commas between organs become full-width', () => {
    const { report, doc, values } = fresh(['梁洼镇人民政府'])
    const withCommas = { ...report, meta: { ...report.meta, addressee: '中共鲁山县委,鲁山县人民政府' } }
    expect(resolveReport(withCommas, doc, T, values).addressee).toBe('中共鲁山县委，鲁山县人民政府：')
    // The checks read the raw text, so they can still point at the comma.
    expect(resolveReport(withCommas, doc, T, values, { raw: true }).addressee).toBe('中共鲁山县委,鲁山县人民政府：')
  })

  it('raw mode keeps control characters and marks required sections', () => {
    const { report, doc, values } = fresh(['梁洼镇人民政府'])
    const r = resolveReport({ ...report, meta: { ...report.meta, title: '报告\u0007' } }, doc, T, values, { raw: true })
    expect(r.title).toBe('报告\u0007')
    expect(r.sections.filter((s) => s.required).length).toBe(T.sections.filter((s) => s.required).length)
  })

  it('refuses a stored report whose date is invalid, with a Chinese message', () => {
    const { report, doc, values } = fresh()
    expect(() => resolveReport({ ...report, meta: { ...report.meta, date: '2025-02-30' } }, doc, T, values)).toThrow(ReportInputError)
  })
})
