// @vitest-environment happy-dom
// The read-only metric tables after a section's text: a widget decoration keyed by the
// section's templateKey (nothing in the document), mapped while typing and rebuilt only when
// the set of sections changes; its table follows the values (computed totals, numbers in
// right-aligned cells) without transactions, and waits for the end of an IME composition.
import { describe, expect, it, vi } from 'vitest'
import { nextTick, ref, watchEffect } from 'vue'
import type { EditorState } from '@tiptap/pm/state'
import { metricTableCellId, resolveMetricTable } from '@core/metric-tables'
import { GOV_DISCLOSURE_TEMPLATE } from '@core/templates'
import type { MetricTableDefinition, MetricValue } from '@core/template'
import { metricTablesKey, metricTablesPlugin, tablesWidget, type MetricTableSource } from '../../../src-renderer/src/editor/metric-tables-plugin'
import { docJSON, section, stateOf } from './helpers'
import { blockAt, blockPos } from '../../../src-renderer/src/editor/doc'

const template = GOV_DISCLOSURE_TEMPLATE
const t3 = template.tables!.find((t) => t.id === 'disclosure.t3')!
const tablesBySection = (key: string) => (template.tables ?? []).filter((t) => t.sectionKey === key)

function sourceWith(values = ref<MetricValue[]>([]), fill: (t: MetricTableDefinition) => void = () => {}): MetricTableSource {
  return {
    tablesFor: tablesBySection,
    resolve: (table) => resolveMetricTable(table, template, values.value),
    fill,
    track: (effect) => watchEffect(effect)
  }
}

const outline = [
  { id: 'a', level: 1 as const, title: '总体情况', templateKey: 'overview', paragraphs: ['概述。'] },
  { id: 'b', level: 1 as const, title: '收到和处理申请情况', templateKey: 'requests', paragraphs: ['本年度收到申请。'] },
  { id: 'c', level: 1 as const, title: '存在的问题', templateKey: 'problems', paragraphs: ['问题。'] }
]

const widgets = (state: EditorState) => metricTablesKey.getState(state)!.decorations.find()
const builds = (state: EditorState) => metricTablesKey.getState(state)!.builds

/** End of the content of the block at `index`. */
function endOf(state: EditorState, index: number): number {
  return blockPos(state.doc, index) + blockAt(state.doc, index).nodeSize - 1
}

describe('metricTablesPlugin decorations', () => {
  it('puts one widget at the end of each section whose template key has tables, and none elsewhere', () => {
    const state = stateOf(docJSON(outline), [metricTablesPlugin(sourceWith())])
    const ws = widgets(state)
    expect(ws).toHaveLength(1)
    expect(ws[0].from).toBe(endOf(state, 2))
    expect(ws[0].spec.templateKey).toBe('requests')
    // Nothing is added to the document.
    expect(JSON.stringify(state.doc.toJSON())).not.toContain(t3.title)
  })

  it('maps the widget while typing, without rebuilding', () => {
    let state = stateOf(docJSON(outline), [metricTablesPlugin(sourceWith())])
    const before = builds(state)
    for (const ch of '新增一句。') state = state.apply(state.tr.insertText(ch, endOf(state, 2) - 1))
    expect(builds(state)).toBe(before)
    expect(widgets(state)[0].from).toBe(endOf(state, 2))
    // Typing in an earlier section moves it too.
    state = state.apply(state.tr.insertText('补充', endOf(state, 1) - 1))
    expect(builds(state)).toBe(before)
    expect(widgets(state)[0].from).toBe(endOf(state, 2))
  })

  it('rebuilds when a section with tables is added or removed', () => {
    let state = stateOf(docJSON(outline), [metricTablesPlugin(sourceWith())])
    const schema = state.schema
    const review = schema.nodeFromJSON(section({ id: 'd', level: 1, title: '复议诉讼情况', templateKey: 'review' }))
    state = state.apply(state.tr.insert(state.doc.content.size, review))
    expect(widgets(state).map((w) => w.spec.templateKey)).toEqual(['requests', 'review'])
    expect(widgets(state)[1].from).toBe(endOf(state, 4))
    // Remove section b (index 2).
    const from = endOf(state, 1) + 1
    state = state.apply(state.tr.delete(from, endOf(state, 2) + 1))
    expect(widgets(state).map((w) => w.spec.templateKey)).toEqual(['review'])
  })

  it('follows a section replaced by another one (same number of sections)', () => {
    let state = stateOf(docJSON(outline), [metricTablesPlugin(sourceWith())])
    const replace = (templateKey: string, id: string) => {
      const node = state.schema.nodeFromJSON(section({ id, level: 1, title: '替换', templateKey }))
      state = state.apply(state.tr.replaceWith(endOf(state, 1) + 1, endOf(state, 2) + 1, node))
    }
    replace('review', 'r1')
    expect(widgets(state).map((w) => [w.spec.templateKey, w.spec.sectionId, w.from])).toEqual([['review', 'r1', endOf(state, 2)]])
    replace('problems', 'p1')
    expect(widgets(state)).toHaveLength(0)
  })
})

describe('the table widget', () => {
  const view = () => {
    const dom = document.createElement('div')
    return { dom, composing: false }
  }

  it('shows the caption, the header, computed totals right-aligned, and a 填写表格 button', async () => {
    const values = ref<MetricValue[]>([])
    const fill = vi.fn()
    const root = tablesWidget(view(), [t3], sourceWith(values, fill))
    expect(root.getAttribute('contenteditable')).toBe('false')
    expect(root.querySelector('figcaption')!.textContent).toBe(t3.title)
    const headers = Array.from(root.querySelectorAll('thead th')).map((th) => th.textContent)
    for (const c of t3.columns) expect(headers).toContain(c.label)
    const cell = (row: string, col: string) => root.querySelector<HTMLElement>(`td[data-metric-id="${metricTableCellId(t3.id, row, col)}"]`)!
    values.value = [
      { metricId: metricTableCellId(t3.id, 'received', 'natural'), value: 41, qualifier: '' },
      { metricId: metricTableCellId(t3.id, 'received', 'business'), value: 6, qualifier: '' }
    ]
    await nextTick()
    expect(cell('received', 'natural').textContent).toBe('41')
    expect(cell('received', 'total').textContent).toBe('47')
    expect(cell('received', 'total').classList.contains('editor-metric-table__computed')).toBe(true)
    expect(cell('received', 'natural').classList.contains('editor-metric-table__num')).toBe(true)
    const button = root.querySelector('button')!
    expect(button.textContent).toBe('填写表格')
    button.click()
    expect(fill).toHaveBeenCalledWith(t3)
  })

  it('waits for the end of an IME composition before changing its DOM, and stops with the widget', async () => {
    const values = ref<MetricValue[]>([])
    const v = view()
    const root = tablesWidget(v, [t3], sourceWith(values)) as HTMLElement & { hbStop?: () => void }
    const total = () => root.querySelector(`td[data-metric-id="${metricTableCellId(t3.id, 'received', 'total')}"]`)!.textContent
    v.composing = true
    values.value = [{ metricId: metricTableCellId(t3.id, 'received', 'natural'), value: 5, qualifier: '' }]
    await nextTick()
    expect(total()).toBe('')
    v.composing = false
    v.dom.dispatchEvent(new Event('compositionend'))
    expect(total()).toBe('5')
    root.hbStop!()
    values.value = [{ metricId: metricTableCellId(t3.id, 'received', 'natural'), value: 9, qualifier: '' }]
    await nextTick()
    expect(total()).toBe('5')
  })
})
