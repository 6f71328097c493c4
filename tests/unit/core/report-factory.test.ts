import { describe, expect, it } from 'vitest'
import { composeTitle, createReportFromTemplate, partyCommitteeFirst, ReportInputError } from '@core/report-factory'
import { PREAMBLE_ID, type SectionJSON } from '@core/report'
import { RULE_OF_LAW_TEMPLATE as T } from '@core/templates'

function ids() {
  let n = 0
  return { reportId: 'r1', newSectionId: () => `s${++n}`, now: 1_700_000_000_000 }
}
const input = { organs: ['梁洼镇人民政府'], addressee: '中共鲁山县委、鲁山县人民政府', year: 2024, date: '2025-01-15' }

function errorOf(fn: () => unknown): ReportInputError {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(ReportInputError)
    return e as ReportInputError
  }
  throw new Error('expected a ReportInputError')
}

describe('composeTitle', () => {
  it('puts one organ before 关于 and fills the year', () => {
    expect(composeTitle(T, ['梁洼镇人民政府'], 2024)).toBe('梁洼镇人民政府关于2024年法治政府建设情况的报告')
  })
  it('joins a Party committee and a government with a space, as joint titles are written', () => {
    expect(composeTitle(T, [' 中共梁洼镇委员会', '梁洼镇人民政府 '], 2024)).toBe(
      '中共梁洼镇委员会 梁洼镇人民政府关于2024年法治政府建设情况的报告'
    )
  })
})

describe('createReportFromTemplate', () => {
  it('builds report meta, a preamble and one section per template section', () => {
    const { report, doc, values } = createReportFromTemplate(T, { ...input, addressee: '中共鲁山县委、鲁山县人民政府：' }, ids())
    expect(report).toMatchObject({
      id: 'r1',
      templateId: T.id,
      templateVersion: T.version,
      status: 'draft',
      createdAt: 1_700_000_000_000,
      updatedAt: 1_700_000_000_000,
      deletedAt: null,
      meta: {
        title: '梁洼镇人民政府关于2024年法治政府建设情况的报告',
        issuingOrgans: ['梁洼镇人民政府'],
        addressee: '中共鲁山县委、鲁山县人民政府',
        year: 2024,
        date: '2025-01-15'
      }
    })
    expect(doc.content[0]).toEqual({ type: 'preamble', attrs: { id: PREAMBLE_ID }, content: [{ type: 'paragraph' }] })
    const sections = doc.content.slice(1) as SectionJSON[]
    expect(sections).toHaveLength(T.sections.length)
    expect(report.sectionOrder).toEqual([PREAMBLE_ID, ...sections.map((s) => s.attrs.id)])
    expect(new Set(report.sectionOrder).size).toBe(report.sectionOrder.length)
    sections.forEach((s, i) => {
      expect(s.attrs).toMatchObject({ level: T.sections[i].level, templateKey: T.sections[i].key, required: T.sections[i].required })
      expect(s.content[0].type).toBe('sectionTitle')
      expect(s.content.slice(1)).toEqual([{ type: 'paragraph' }])
    })
    expect(values).toHaveLength(T.metrics.length)
    expect(values.every((v) => v.value === null && v.qualifier === '')).toBe(true)
    expect(values.map((v) => v.metricId)).toEqual(T.metrics.map((m) => m.id))
  })

  it('fills {year} and {nextYear} in headings', () => {
    const { doc } = createReportFromTemplate(T, { ...input, year: 2030, date: '2031-01-10' }, ids())
    const titles = (doc.content.slice(1) as SectionJSON[]).map((s) => s.content[0].content!.map((n) => (n.type === 'text' ? n.text : '')).join(''))
    expect(titles.join('')).not.toMatch(/\{|\}/)
    expect(titles.find((t) => t.includes('主要举措'))).toMatch(/^2030年度/)
    expect(titles.find((t) => t.includes('主要安排'))).toMatch(/^2031年度/)
  })

  it('uses a typed title when given and composes one when blank', () => {
    expect(createReportFromTemplate(T, { ...input, title: ' 自拟标题 ' }, ids()).report.meta.title).toBe('自拟标题')
    expect(createReportFromTemplate(T, { ...input, title: '  ' }, ids()).report.meta.title).toBe(composeTitle(T, input.organs, 2024))
  })

  it('rejects bad input with a Chinese message naming the field', () => {
    const cases: Array<[Partial<typeof input>, string]> = [
      [{ organs: [] }, 'organs'],
      [{ organs: ['  ', ''] }, 'organs'],
      [{ organs: ['甲', '乙', '丙'] }, 'organs'],
      [{ organs: ['甲', '甲'] }, 'organs'],
      [{ year: 1999 }, 'year'],
      [{ year: 2101 }, 'year'],
      [{ year: 2024.5 }, 'year'],
      [{ date: '2025-02-30' }, 'date'],
      [{ date: '' }, 'date']
    ]
    for (const [patch, field] of cases) {
      const err = errorOf(() => createReportFromTemplate(T, { ...input, ...patch }, ids()))
      expect(err.field, JSON.stringify(patch)).toBe(field)
      expect(err.message).toMatch(/[\u4e00-\u9fff]/)
    }
    expect(errorOf(() => createReportFromTemplate(T, { ...input, organs: ['甲', '乙', '丙'] }, ids())).message).toContain('最多两个')
    expect(errorOf(() => createReportFromTemplate(T, { ...input, year: 1999 }, ids())).message).toContain('2000')
  })

  it('accepts the boundary years', () => {
    expect(createReportFromTemplate(T, { ...input, year: 2000 }, ids()).report.meta.year).toBe(2000)
    expect(createReportFromTemplate(T, { ...input, year: 2100 }, ids()).report.meta.year).toBe(2100)
  })
})

describe('partyCommitteeFirst (联合发文: 党委在前)', () => {
  it('puts the Party committee before the government whichever was typed first', () => {
    expect(partyCommitteeFirst(['梁洼镇人民政府', '中共梁洼镇委员会'])).toEqual(['中共梁洼镇委员会', '梁洼镇人民政府'])
    expect(partyCommitteeFirst(['梁洼镇党委', '梁洼镇人民政府'])).toEqual(['梁洼镇党委', '梁洼镇人民政府'])
  })
  it('leaves a single organ and two governments as they are', () => {
    expect(partyCommitteeFirst(['梁洼镇人民政府'])).toEqual(['梁洼镇人民政府'])
    expect(partyCommitteeFirst(['甲镇人民政府', '乙镇人民政府'])).toEqual(['甲镇人民政府', '乙镇人民政府'])
  })
})
