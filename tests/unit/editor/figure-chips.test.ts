// Figures ↔ chips in the editor (issue 9 items 2–3): converting is one undo step, deleting a
// metric turns its chips back into the text they showed, and 设为指标 finds the figure in the
// selection.
import { describe, expect, it } from 'vitest'
import { history, undo } from '@tiptap/pm/history'
import { TextSelection, type EditorState } from '@tiptap/pm/state'
import { chipsToTextTransaction, figureAtSelection, figureToChipTransaction } from '../../../src-renderer/src/editor/figure-chips'
import { WORK_SUMMARY_TEMPLATE as W } from '@core/templates'
import { docJSON, stateOf } from './helpers'
import { blockAt } from '../../../src-renderer/src/editor/doc'

function textPos(state: EditorState, needle: string): number {
  let at = -1
  state.doc.descendants((node, pos) => {
    if (at < 0 && node.isText && node.text!.includes(needle)) at = pos + node.text!.indexOf(needle)
    return at < 0
  })
  if (at < 0) throw new Error(`not found: ${needle}`)
  return at
}

const paragraphOf = (state: EditorState) => blockAt(state.doc, 1).child(1).toJSON()

describe('figure to chip', () => {
  it('replaces exactly the figure, in one transaction that one undo reverts', () => {
    let state = stateOf(docJSON([{ id: 's1', level: 1, title: '学法', paragraphs: ['全年领导班子会议学法8次，效果良好。'] }]), [history()])
    const from = textPos(state, '8次')
    state = state.apply(figureToChipTransaction(state, from, from + 2, 'own.study'))
    expect(paragraphOf(state).content).toEqual([
      { type: 'text', text: '全年领导班子会议学法' },
      { type: 'metric', attrs: { metricId: 'own.study', show: 'value' } },
      { type: 'text', text: '，效果良好。' }
    ])
    let undone: EditorState | null = null
    expect(undo(state, (tr) => (undone = state.apply(tr)))).toBe(true)
    expect(undone!.doc.textContent).toContain('全年领导班子会议学法8次，效果良好。')
    expect(undone!.doc.eq(stateOf(docJSON([{ id: 's1', level: 1, title: '学法', paragraphs: ['全年领导班子会议学法8次，效果良好。'] }])).doc)).toBe(true)
  })
})

describe('a deleted metric’s chips become text', () => {
  it('each chip becomes what it showed (value or 同比), others stay, one undo brings them back', () => {
    const json = docJSON([{ id: 's1', level: 1, title: '学法', paragraphs: [''] }])
    json.content[1].content[1] = {
      type: 'paragraph',
      content: [
        { type: 'text', text: '学法' },
        { type: 'metric', attrs: { metricId: 'own.study' } },
        { type: 'text', text: '，' },
        { type: 'metric', attrs: { metricId: 'own.study', show: 'yoy' } },
        { type: 'text', text: '；巡查' },
        { type: 'metric', attrs: { metricId: 'enforcement.patrols' } }
      ]
    }
    const before = stateOf(json, [history()])
    const tr = chipsToTextTransaction(before, 'own.study', (show) => (show === 'yoy' ? '同比增长100%' : '8次'))!
    const after = before.apply(tr)
    expect(blockAt(after.doc, 1).child(1).textContent).toBe('学法8次，同比增长100%；巡查')
    const chips: string[] = []
    after.doc.descendants((n) => void (n.type.name === 'metric' && chips.push(n.attrs.metricId)))
    expect(chips).toEqual(['enforcement.patrols'])
    let undone: EditorState | null = null
    undo(after, (t) => (undone = after.apply(t)))
    expect(undone!.doc.eq(before.doc)).toBe(true)
    expect(chipsToTextTransaction(after, 'own.study', () => 'x')).toBeNull()
  })
})

describe('设为指标 finds the figure in the selection', () => {
  const base = stateOf(docJSON([{ id: 's1', level: 1, title: '学法', paragraphs: ['全年领导班子会议学法8次，党委会议学法5次。'] }]))

  it('a selection over the figure, or the caret inside it, gives the figure and its clause', () => {
    const at = textPos(base, '8次')
    const selected = figureAtSelection(base.apply(base.tr.setSelection(TextSelection.create(base.doc, at, at + 2))), W)
    expect(selected).toMatchObject({ figure: { text: '8次', value: 8, unit: '次' }, from: at, to: at + 2, before: '全年领导班子会议学法' })
    const caret = figureAtSelection(base.apply(base.tr.setSelection(TextSelection.create(base.doc, textPos(base, '5次') + 1))), W)
    expect(caret).toMatchObject({ figure: { text: '5次' }, before: '党委会议学法' })
  })

  it('says so when there is no figure', () => {
    const at = textPos(base, '全年')
    const none = figureAtSelection(base.apply(base.tr.setSelection(TextSelection.create(base.doc, at, at + 2))), W)
    expect('message' in none && none.message).toContain('没有带单位的数字')
  })
})
