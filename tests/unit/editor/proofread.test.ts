// The checks' spots, found on the resolved report, point at the right editor text — through
// chips, hard breaks, leading spaces and pending insertions — and the certain fixes go in as
// one undoable transaction.
import { describe, expect, it } from 'vitest'
import { history, undo } from '@tiptap/pm/history'
import { EditorState } from '@tiptap/pm/state'
import { runChecks, type CheckItem } from '@core/checks'
import { createReportFromTemplate } from '@core/report-factory'
import { resolveReport } from '@core/resolve'
import type { ReportDocJSON } from '@core/report'
import { RULE_OF_LAW_TEMPLATE } from '@core/templates'
import { metricChipText } from '@core/metrics'
import { reportSchema } from '../../../src-renderer/src/editor/schema'
import { editorDocJSON } from '../../../src-renderer/src/editor/doc'
import { fixTransaction, spotRange, type TextFix } from '../../../src-renderer/src/editor/proofread'

const template = RULE_OF_LAW_TEMPLATE
const values = [{ metricId: 'enforcement.patrols', value: 120, qualifier: '余' as const }]
const chipText = (id: string) => metricChipText(template.metrics.find((m) => m.id === id), values.find((v) => v.metricId === id)).text

const doc: ReportDocJSON = {
  type: 'doc',
  content: [
    { type: 'preamble', attrs: { id: 'preamble' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: '　　今年巡查' }, { type: 'metric', attrs: { metricId: 'enforcement.patrols' } }, { type: 'text', text: ',发现问题;' }, { type: 'hardBreak' }, { type: 'text', text: '第二行,，完' }] }] },
    {
      type: 'section',
      attrs: { id: 'a', level: 1, templateKey: null, required: false },
      content: [
        { type: 'sectionTitle', content: [{ type: 'text', text: '一、主要举措' }] },
        { type: 'paragraph', content: [{ type: 'text', text: '新增', marks: [{ type: 'insertion', attrs: { id: 'x', author: '甲', at: 1 } }] }, { type: 'text', text: '开展\u0007培训(两次)' }] }
      ]
    }
  ]
}

function setup() {
  const { report } = createReportFromTemplate(template, { organs: ['示例镇人民政府'], addressee: '示例县人民政府', year: 2024, date: '2025-01-15' }, { reportId: 'r', newSectionId: () => 's', now: 0 })
  const resolved = resolveReport(report, doc, template, values, { raw: true })
  const items = runChecks({ report: resolved, template, values, year: 2024, date: '2025-01-15', today: '2025-02-01' })
  const schema = reportSchema()
  const state = EditorState.create({ schema, doc: schema.nodeFromJSON(editorDocJSON(doc)), plugins: [history()] })
  return { items, state }
}

const textFixes = (items: CheckItem[]): TextFix[] =>
  items.flatMap((i) => (i.fix?.kind === 'replace' ? [{ spot: i.fix.location, from: i.fix.from, to: i.fix.to }] : []))

describe('proofreading spots in the editor', () => {
  it('selects the flagged text itself', () => {
    const { items, state } = setup()
    const texts = items.flatMap((i) => {
      if (i.location.kind !== 'text') return []
      const r = spotRange(state.doc, i.location, chipText)
      return r ? [state.doc.textBetween(r.from, r.to, '', '▢')] : ['<lost>']
    })
    expect(texts).toEqual(expect.arrayContaining([',', ';', ',，', '\u0007', '(', ')', '一、']))
    expect(texts).not.toContain('<lost>')
  })

  it('applies every certain fix in one transaction that one undo takes back', () => {
    const { items, state } = setup()
    const { tr, applied } = fixTransaction(state, textFixes(items), chipText)
    expect(applied).toBeGreaterThanOrEqual(6)
    const next = state.apply(tr!)
    const text = (s: EditorState) => s.doc.textBetween(0, s.doc.content.size, '|', '▢')
    expect(text(next)).toContain('今年巡查▢，发现问题；')
    expect(text(next)).toContain('第二行，完')
    expect(text(next)).toContain('开展培训（两次）')
    expect(text(next)).toContain('|主要举措|')
    expect(text(next)).toContain('新增') // the pending insertion is not touched
    let undone: EditorState | null = null
    undo(next, (t) => (undone = next.apply(t)))
    expect(text(undone!)).toBe(text(state))
  })

  it('skips a fix whose text has changed since the check', () => {
    const { items, state } = setup()
    const fixes = textFixes(items).map((f) => ({ ...f, from: `${f.from}x` }))
    expect(fixTransaction(state, fixes, chipText)).toEqual({ tr: null, applied: 0 })
  })
})
