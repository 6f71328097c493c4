import { describe, expect, it } from 'vitest'
import type { ReportDocJSON } from '@core/report'
import { RULE_OF_LAW_TEMPLATE } from '@core/templates'
import { createReportFromTemplate } from '@core/report-factory'
import { reportSchema } from '../../../src-renderer/src/editor/schema'
import { docFromBlocks, editorDocJSON, listSections, reportDocJSON } from '../../../src-renderer/src/editor/doc'

describe('report schema', () => {
  it('round-trips a report created from the built-in template exactly', () => {
    let n = 0
    const { doc } = createReportFromTemplate(
      RULE_OF_LAW_TEMPLATE,
      { organs: ['甲镇人民政府'], addressee: '乙县人民政府', year: 2024, date: '2025-01-15', title: '' },
      { reportId: 'r1', newSectionId: () => `s${++n}`, now: 0 }
    )
    const node = reportSchema().nodeFromJSON(editorDocJSON(doc))
    node.check()
    expect(reportDocJSON(node)).toEqual(doc)
    // Same key order as well: storage compares JSON text in places.
    expect(JSON.stringify(reportDocJSON(node))).toBe(JSON.stringify(doc))
  })

  it('round-trips every node and mark core/report.ts allows', () => {
    const doc: ReportDocJSON = {
      type: 'doc',
      content: [
        { type: 'preamble', attrs: { id: 'preamble' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: '今年以来，' }] }] },
        {
          type: 'section',
          attrs: { id: 'a', level: 1, templateKey: 'measures', required: true },
          content: [
            { type: 'sectionTitle', content: [{ type: 'text', text: '主要举措' }] },
            {
              type: 'paragraph',
              content: [
                { type: 'text', text: '开展巡查', marks: [{ type: 'bold' }] },
                { type: 'metric', attrs: { metricId: 'enforcement.patrols', show: 'value' } },
                { type: 'metric', attrs: { metricId: 'enforcement.patrols', show: 'yoy' } },
                { type: 'hardBreak' },
                { type: 'text', text: '结束', marks: [{ type: 'comment', attrs: { threadId: 't1' } }] },
                { type: 'text', text: '了', marks: [{ type: 'insertion', attrs: { id: 'i1', author: '李主任', at: 5 } }] },
                { type: 'text', text: '。', marks: [{ type: 'deletion', attrs: { id: 'd1', author: '李主任', at: 6 } }] }
              ]
            },
            { type: 'paragraph' }
          ]
        },
        { type: 'section', attrs: { id: 'b', level: 4, templateKey: null, required: false }, content: [{ type: 'sectionTitle' }] }
      ]
    }
    expect(reportDocJSON(reportSchema().nodeFromJSON(editorDocJSON(doc)))).toEqual(doc)
  })

  it('has only the node and mark types of the report format', () => {
    const schema = reportSchema()
    expect(Object.keys(schema.nodes).sort()).toEqual(['chapter', 'doc', 'hardBreak', 'metric', 'paragraph', 'plainTable', 'preamble', 'section', 'sectionTitle', 'text'])
    // bold, plus the review's comment anchor and suggested insertion/deletion.
    expect(Object.keys(schema.marks).sort()).toEqual(['bold', 'comment', 'deletion', 'insertion'])
    expect(schema.nodes.metric.isAtom && schema.nodes.metric.isInline).toBe(true)
    // A chip holds an id and a display flag (figure or year-on-year change), never a value.
    expect(Object.keys(schema.nodes.metric.spec.attrs ?? {})).toEqual(['metricId', 'show'])
  })

  it('rejects content outside the format', () => {
    const schema = reportSchema()
    expect(() => schema.nodeFromJSON({ type: 'doc', content: [{ type: 'heading', content: [] }] })).toThrow()
    // A section must start with its title.
    const bad = schema.nodeFromJSON(
      editorDocJSON({
        type: 'doc',
        content: [
          { type: 'preamble', attrs: { id: 'preamble' }, content: [{ type: 'paragraph' }] },
          { type: 'section', attrs: { id: 'x', level: 1, templateKey: null, required: false }, content: [{ type: 'paragraph' }] }
        ]
      } as unknown as ReportDocJSON)
    )
    expect(() => bad.check()).toThrow()
  })

  it('builds the document from stored rows in order and numbers the sections', () => {
    const doc = docFromBlocks(reportSchema(), [
      { type: 'preamble', attrs: { id: 'preamble' }, content: [{ type: 'paragraph' }] },
      { type: 'section', attrs: { id: 'a', level: 1, templateKey: null, required: false }, content: [{ type: 'sectionTitle' }] },
      { type: 'section', attrs: { id: 'b', level: 2, templateKey: null, required: false }, content: [{ type: 'sectionTitle' }] },
      { type: 'section', attrs: { id: 'c', level: 1, templateKey: null, required: false }, content: [{ type: 'sectionTitle' }] }
    ])
    expect(listSections(doc).map((s) => `${s.id}${s.number}`)).toEqual(['a一、', 'b（一）', 'c二、'])
  })
})
