// The plain table block an import keeps: the editor's schema holds it, the resolver passes it
// on, the page view/PDF lay it out as a table and the Word export writes a real w:tbl.
import { describe, expect, it } from 'vitest'
import { unzipSync, strFromU8 } from 'fflate'
import { GBT9704_PROFILE } from '@core/layout'
import { reportBlocks } from '@core/pages'
import { resolveReport } from '@core/resolve'
import { exportReportDocx } from '@core/docx/export'
import { advanceReport } from '@core/year-advance'
import { WORK_SUMMARY_TEMPLATE } from '@core/templates'
import type { Report, ReportDocJSON } from '@core/report'
import { reportSchema } from '../../../src-renderer/src/editor/schema'
import { editorDocJSON, reportDocJSON } from '../../../src-renderer/src/editor/doc'

const rows = [
  ['项目', '2024年完成', '备注'],
  ['道路硬化', '12', '公里'],
  ['新建广场', '3', '']
]

const doc: ReportDocJSON = {
  type: 'doc',
  content: [
    { type: 'preamble', attrs: { id: 'preamble' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: '全年完成情况见下表。' }] }] },
    {
      type: 'section',
      attrs: { id: 's1', level: 1, templateKey: null, required: false },
      content: [{ type: 'sectionTitle', content: [{ type: 'text', text: '基础设施' }] }, { type: 'plainTable', attrs: { rows } }, { type: 'paragraph', content: [{ type: 'text', text: '表后说明。' }] }]
    }
  ]
}

const report: Report = {
  id: 'r1',
  templateId: WORK_SUMMARY_TEMPLATE.id,
  templateVersion: WORK_SUMMARY_TEMPLATE.version,
  meta: { title: '青禾镇2024年工作总结', issuingOrgans: ['青禾镇人民政府'], addressee: '', year: 2024, date: '2025-01-10' },
  status: 'draft',
  sectionOrder: ['preamble', 's1'],
  createdAt: 1,
  updatedAt: 1,
  deletedAt: null
}

describe('the plain table block', () => {
  it('is valid in the editor schema and round-trips through it', () => {
    const node = reportSchema().nodeFromJSON(editorDocJSON(doc))
    node.check()
    expect(reportDocJSON(node).content[1].content[1]).toEqual({ type: 'plainTable', attrs: { rows } })
  })

  it('is resolved in place and laid out as a table with its first row as header', () => {
    const resolved = resolveReport(report, doc, WORK_SUMMARY_TEMPLATE, [])
    expect(resolved.sections[0].paragraphs.map((p) => p.table ?? p.runs.map((r) => r.text).join(''))).toEqual([rows, '表后说明。'])
    const blocks = reportBlocks(resolved, GBT9704_PROFILE, { signatureRule: 'no-seal', attachments: [] })
    const table = blocks.find((b) => b.kind === 'table')
    expect(table?.kind === 'table' && table.table.columns.map((c) => c.header)).toEqual(rows[0])
    expect(table?.kind === 'table' && table.table.rows.map((r) => r.cells)).toEqual(rows.slice(1))
    expect(table?.kind === 'table' && table.table.columns.reduce((a, c) => a + c.widthChars, 0)).toBe(GBT9704_PROFILE.charsPerLine)
  })

  it('is written to Word as a table between the paragraphs', async () => {
    const bytes = await exportReportDocx(resolveReport(report, doc, WORK_SUMMARY_TEMPLATE, []))
    const xml = strFromU8(unzipSync(bytes)['word/document.xml'])
    const tbl = xml.indexOf('<w:tbl>')
    expect(tbl).toBeGreaterThan(xml.indexOf('基础设施'))
    expect(tbl).toBeLessThan(xml.indexOf('表后说明。'))
    for (const cell of ['道路硬化', '2024年完成', '新建广场']) expect(xml.slice(tbl)).toContain(cell)
  })

  it('as 底稿: text cells move a year on, figure cells are cleared', () => {
    const next = advanceReport({ report, doc, template: WORK_SUMMARY_TEMPLATE }, { reportId: 'r2', newSectionId: () => 's9', now: 2 })
    const table = next.doc.content[1].content[1]
    expect(table).toEqual({ type: 'plainTable', attrs: { rows: [['项目', '2025年完成', '备注'], ['道路硬化', '', '公里'], ['新建广场', '', '']] } })
  })
})
