// The import corpus: .docx files made by different producers (hand-assembled WPS-style XML,
// the docx library, LibreOffice), each with the outline, parts and figures a clerk would see.
import { beforeAll, describe, expect, it } from 'vitest'
import {
  buildImportedReport,
  FREE_STRUCTURE,
  paragraphCounts,
  parseDocx,
  planImport,
  proposeTemplate,
  recogniseReport,
  blockText,
  demoteSections,
  type RecognisedReport
} from '@core/import'
import { BUILT_IN_TEMPLATES, GOV_DISCLOSURE_TEMPLATE, RULE_OF_LAW_TEMPLATE, WORK_SUMMARY_TEMPLATE } from '@core/templates'
import { metricTableCellId } from '@core/metric-tables'
import { docxBytes, documentXml, handTypedReport, para, run, tableTitleReport, wpsAutoNumberedReport } from '../../fixtures/import/hand'
import { normalizeChineseText } from '@core/text'
import { disclosureReport, styledRuleOfLawReport } from '../../fixtures/import/docx-lib'
import { libreOfficeReport } from '../../fixtures/import/libreoffice'

const outline = (r: RecognisedReport) => r.sections.map((s) => `${s.level} ${s.title}`)
const bodyTexts = (r: RecognisedReport, i: number) => r.sections[i].body.flatMap((b) => (b.type === 'paragraph' ? [blockText(b)] : []))
let counter = 0
const ids = () => ({ reportId: `r${++counter}`, newSectionId: () => `x${++counter}`, now: 1 })

describe('hand-assembled WPS-style file (automatic numbering, text box title, split runs)', () => {
  const parsed = parseDocx(wpsAutoNumberedReport())
  const rec = recogniseReport(parsed, 'accept')

  it('reads the title from the text box once (not again from its VML fallback)', () => {
    expect(rec.title).toBe('青禾镇人民政府关于2024年度工作情况的总结')
    expect(rec.addressee).toBe('县人民政府')
    expect(rec.preamble.map((b) => (b.type === 'paragraph' ? blockText(b) : ''))).toEqual(['现将我镇一年来的工作总结如下。'])
  })

  it('takes heading levels from automatic numbering and from a style whose id is not its name', () => {
    expect(outline(rec)).toEqual(['1 工作开展情况', '2 产业发展', '2 社会治理', '1 存在的问题', '1 下一步打算'])
    expect(rec.sections.map((s) => s.source)).toEqual(['auto-number', 'auto-number', 'auto-number', 'auto-number', 'style'])
  })

  it('keeps bold lead sentences as body text with their bold, joins split figures and soft breaks', () => {
    expect(bodyTexts(rec, 1)).toEqual(['一是抓项目。全年新建道路61条，完成投资约320万元。', '二是抓招商。引进企业12家。'])
    const first = rec.sections[1].body[0]
    expect(first.type === 'paragraph' && first.runs[0]).toEqual({ text: '一是抓项目。', bold: true })
    expect(bodyTexts(rec, 2)).toEqual(['开展矛盾排查45次，化解纠纷38起。'])
    expect(paragraphCounts(rec)).toEqual([0, 2, 1, 1, 1])
  })

  it('finds joint organs side by side in a borderless table and the date under them', () => {
    expect(rec.organs).toEqual(['中共青禾镇委员会', '青禾镇人民政府'])
    expect(rec.date).toBe('2025-01-20')
    expect(rec.year).toBe(2024)
  })

  it('lists tracked changes and comments; accepting or keeping the text as shown', () => {
    expect(parsed.changeCount).toEqual({ insertions: 1, deletions: 1 })
    expect(parsed.changeAuthors).toEqual(['审核人'])
    expect(parsed.comments).toEqual([{ author: '审核人', text: '这句再具体些' }])
    expect(bodyTexts(rec, 3)).toEqual(['基层力量仍然薄弱。需要加强。'])
    expect(bodyTexts(recogniseReport(parsed, 'asShown'), 3)).toEqual(['基层力量仍然比较薄弱。需要加强。'])
  })

  it('offers the figures of the prose, joined across runs', () => {
    const plan = planImport(rec, WORK_SUMMARY_TEMPLATE, 2024, true)
    expect(plan.figures.map((f) => f.text)).toEqual(['61条', '约320万元', '12家', '45次', '38起'])
  })
})

describe('hand-typed numbers in every width, two-line title, signature pushed right with spaces', () => {
  const rec = recogniseReport(parseDocx(handTypedReport()))

  it('recognises every hand-typed number form', () => {
    expect(rec.title).toBe('中共青禾镇委员会 青禾镇人民政府关于2024年法治政府建设情况的报告')
    expect(rec.addressee).toBe('中共示例县委、示例县人民政府')
    expect(outline(rec)).toEqual([
      '1 2024年度推进法治政府建设的主要举措和成效',
      '2 依法全面履行政府职能',
      '3 严格规范执法',
      '2 严格规范公正文明执法',
      '3 加强执法监督',
      '4 完善制度',
      '1 2024年度推进法治政府建设存在的不足和原因',
      '1 2025年度推进法治政府建设的主要安排'
    ])
  })

  it('splits a run-in heading from its body and keeps a data table as a table', () => {
    expect(bodyTexts(rec, 2)).toEqual(['全年开展日常巡查120余次，纠正占道经营26起。'])
    const table = rec.sections[5].body.find((b) => b.type === 'table')
    expect(table?.type === 'table' && table.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['项目', '数量'],
      ['普法讲座', '6']
    ])
  })

  it('lets the clerk turn a recognised heading back into body text', () => {
    const fixed = demoteSections(rec, new Set([5]))
    expect(outline(fixed)).toHaveLength(7)
    expect(fixed.sections[4].title).toBe('加强执法监督')
    expect(bodyTexts(fixed, 4)).toEqual(['完善制度', '制定执法公示办法1项。'])
    expect(fixed.sections[4].body.some((b) => b.type === 'table')).toBe(true)
  })

  it('reads the signature typed with leading spaces and a full-width date', () => {
    expect(rec.organs).toEqual(['青禾镇人民政府'])
    expect(rec.date).toBe('2025-01-15')
    expect(bodyTexts(rec, 7)).toEqual(['继续深化法治宣传。'])
  })

  it('proposes the 法治政府 template and maps its sections; the table is kept in the report', () => {
    const proposal = proposeTemplate(rec, BUILT_IN_TEMPLATES)
    expect(proposal.templateId).toBe(RULE_OF_LAW_TEMPLATE.id)
    const plan = planImport(rec, RULE_OF_LAW_TEMPLATE, 2024, false)
    expect(plan.sectionKeys[0]).toBe(RULE_OF_LAW_TEMPLATE.sections[0].key)
    expect(plan.plainTables).toBe(1)
    const built = buildImportedReport(rec, plan, { templateId: RULE_OF_LAW_TEMPLATE.id, title: rec.title, addressee: rec.addressee, organs: rec.organs, year: 2024, date: rec.date }, ids())
    const withTable = built.doc.content.find((b) => b.content.some((c) => c.type === 'plainTable'))
    expect(withTable?.content.find((c) => c.type === 'plainTable')).toEqual({ type: 'plainTable', attrs: { rows: [['项目', '数量'], ['普法讲座', '6']] } })
    expect(built.report.sectionOrder).toEqual(built.doc.content.map((b) => b.attrs.id))
  })

  it('turns a figure the clerk binds into a chip with its value; 作为底稿 advances years and clears it', () => {
    const plan = planImport(rec, RULE_OF_LAW_TEMPLATE, 2024, false)
    const patrols = plan.figures.find((f) => f.text === '120余次')!
    const metric = RULE_OF_LAW_TEMPLATE.metrics.find((m) => m.unit === '次')!
    const input = { templateId: RULE_OF_LAW_TEMPLATE.id, title: rec.title, addressee: rec.addressee, organs: rec.organs, year: 2024, date: rec.date }
    const built = buildImportedReport(rec, plan, input, ids(), { bindings: { [patrols.key]: metric.id } })
    expect(built.values.find((v) => v.metricId === metric.id)).toEqual({ metricId: metric.id, value: 120, qualifier: '余' })
    expect(JSON.stringify(built.doc)).toContain(`"metricId":"${metric.id}"`)
    const draft = buildImportedReport(rec, plan, input, ids(), { bindings: { [patrols.key]: metric.id }, asDraft: true })
    expect(draft.report.meta.year).toBe(2025)
    expect(draft.report.meta.date).toBe('2026-01-15')
    expect(draft.report.meta.title).toContain('2025年法治政府')
    expect(draft.values.every((v) => v.value === null)).toBe(true)
    const table = draft.doc.content.flatMap((b) => b.content).find((c) => c.type === 'plainTable')
    expect(table).toEqual({ type: 'plainTable', attrs: { rows: [['项目', '数量'], ['普法讲座', '']] } })
  })
})

describe('title in a table cell, bullet list, date in Chinese numerals', () => {
  const rec = recogniseReport(parseDocx(tableTitleReport()))
  it('reads each part', () => {
    expect(rec.title).toBe('青禾镇2024年安全生产工作总结')
    expect(rec.addressee).toBe('')
    expect(rec.preamble.map((b) => (b.type === 'paragraph' ? blockText(b) : ''))).toEqual(['今年全镇未发生较大安全事故。'])
    expect(outline(rec)).toEqual(['1 主要做法', '1 下一步打算'])
    // A bulleted paragraph (numbering through its style) stays body text.
    expect(bodyTexts(rec, 0)).toEqual(['排查隐患32处。'])
    expect(rec.organs).toEqual(['青禾镇安全生产委员会'])
    expect(rec.date).toBe('2025-01-20')
  })
})

describe('docx library: heading styles and the disclosure tables with merged headers', () => {
  let styled: RecognisedReport
  let disclosure: RecognisedReport
  beforeAll(async () => {
    styled = recogniseReport(parseDocx(await styledRuleOfLawReport()))
    disclosure = recogniseReport(parseDocx(await disclosureReport()))
  })

  it('reads Heading 1/2 styles as levels 1/2', () => {
    expect(styled.title).toBe('青禾镇人民政府关于2023年法治政府建设情况的报告')
    expect(outline(styled)).toEqual([
      '1 2023年度推进法治政府建设的主要举措和成效',
      '2 依法全面履行政府职能',
      '2 深入开展法治宣传教育',
      '1 2023年度推进法治政府建设存在的不足和原因',
      '1 2024年度推进法治政府建设的主要安排'
    ])
    expect(styled.organs).toEqual(['青禾镇人民政府'])
    expect(styled.date).toBe('2024-02-01')
    expect(styled.year).toBe(2023)
  })

  it('proposes the disclosure template and fills its tables through the merged header cells', () => {
    expect(outline(disclosure)).toHaveLength(6)
    expect(proposeTemplate(disclosure, BUILT_IN_TEMPLATES).templateId).toBe(GOV_DISCLOSURE_TEMPLATE.id)
    const plan = planImport(disclosure, GOV_DISCLOSURE_TEMPLATE, 2024, false)
    expect(plan.matchedTables.map((t) => t.tableId)).toEqual(['disclosure.t2a', 'disclosure.t3', 'disclosure.t4'])
    expect(plan.plainTables).toBe(0)
    const value = (table: string, row: string, col: string) => plan.tableValues.find((v) => v.metricId === metricTableCellId(table, row, col))?.value
    expect(value('disclosure.t2a', 'normativeDocs', 'inForce')).toBe(12)
    expect(value('disclosure.t3', 'received', 'natural')).toBe(5)
    expect(value('disclosure.t3', 'received', 'business')).toBe(1)
    expect(value('disclosure.t3', 'disclosed', 'natural')).toBe(4)
    // Totals are the template's sums, never stored from the document.
    expect(value('disclosure.t3', 'received', 'total')).toBeUndefined()
    expect(value('disclosure.t4', 'cases', 'review.upheld')).toBe(1)
    expect(value('disclosure.t4', 'cases', 'suitAfterReview.upheld')).toBe(2)
    expect(value('disclosure.t4', 'cases', 'suitDirect.upheld')).toBe(0)
    expect(plan.sectionKeys).toEqual(['overall', 'active', 'requests', 'review', 'problems', 'other'])
  })
})

describe('LibreOffice (from a flat ODT)', () => {
  const made = libreOfficeReport()
  it.skipIf('skip' in made)(`reads LibreOffice's heading styles${'skip' in made ? ` — skipped: ${made.skip}` : ''}`, () => {
    if (!('bytes' in made)) return
    const rec = recogniseReport(parseDocx(made.bytes))
    expect(rec.title).toBe('青禾镇2024年工作总结')
    expect(rec.addressee).toBe('青禾镇党委、政府')
    expect(outline(rec)).toEqual(['1 2024年工作开展情况', '2 产业发展', '2 民生保障', '1 存在的问题', '1 下一步工作打算'])
    expect(rec.organs).toEqual(['青禾镇人民政府'])
    expect(rec.date).toBe('2025-01-08')
    expect(proposeTemplate(rec, BUILT_IN_TEMPLATES).templateId).toBe(WORK_SUMMARY_TEMPLATE.id)
    expect(planImport(rec, WORK_SUMMARY_TEMPLATE, 2024, false).figures.map((f) => f.text)).toEqual(['300亩', '85户', '12万元'])
  })
})

it('a document without any known outline is 自由结构', () => {
  const rec: RecognisedReport = { title: '会议纪要', addressee: '', organs: [], date: '', year: null, preamble: [], sections: [{ level: 1, title: '参会人员', source: 'number', body: [] }] }
  expect(proposeTemplate(rec, BUILT_IN_TEMPLATES).templateId).toBe(FREE_STRUCTURE)
})

describe('a Word tab inside a line', () => {
  // Clerks line up fields with the Tab key; the gap must survive import and the export's text cleaning.
  const body = [
    para(run('关于2024年法治政府建设情况的报告'), '<w:jc w:val="center"/>'),
    para(run('一、主要举措')),
    para(`${run('联系人：王明')}<w:r><w:tab/></w:r>${run('电话：0571-1234567')}`),
    para(`${run('普法讲座')}<w:r><w:tab/></w:r>${run('六场')}`)
  ].join('')
  const rec = recogniseReport(parseDocx(docxBytes({ document: documentXml(body) })), 'accept')

  it('keeps a visible gap between the fields, and the export cleaning keeps it too', () => {
    const texts = bodyTexts(rec, 0)
    expect(texts).toEqual(['联系人：王明\u3000\u3000电话：0571-1234567', '普法讲座\u3000\u3000六场'])
    for (const text of texts) expect(normalizeChineseText(text)).toBe(text)
  })
})
