import { describe, expect, it } from 'vitest'
import { TextSelection } from '@tiptap/pm/state'
import { detectChanges, isEmptyChange, snapshotOf } from '../../../src-renderer/src/editor/changes'
import { moveSectionDown, deleteSection } from '../../../src-renderer/src/editor/outline'
import { docJSON, posInBlock, stateOf } from './helpers'

const outline = () =>
  stateOf(
    docJSON([
      { id: 'a', level: 1, title: '甲', paragraphs: ['甲文'] },
      { id: 'b', level: 1, title: '乙', paragraphs: ['乙文'] },
      { id: 'c', level: 1, title: '丙', paragraphs: ['丙文'] }
    ])
  )

describe('changed-section detector', () => {
  it('reports nothing for an untouched document', () => {
    const state = outline()
    const { change } = detectChanges(state.doc, snapshotOf(state.doc))
    expect(isEmptyChange(change)).toBe(true)
  })

  it('reports only the section that was edited, without a new order', () => {
    const state = outline()
    const saved = snapshotOf(state.doc)
    const edited = state.apply(state.tr.insertText('新增', posInBlock(state, 2) + 1))
    const { change } = detectChanges(edited.doc, saved)
    expect(change.changed.map((b) => b.attrs.id)).toEqual(['b'])
    expect(change.changed[0].content[0].content).toEqual([{ type: 'text', text: '乙新增' }])
    expect(change.removedIds).toEqual([])
    expect(change.order).toBeNull()
  })

  it('after saving, the next detection starts from what was saved', () => {
    const state = outline()
    const first = state.apply(state.tr.insertText('一', posInBlock(state, 1)))
    const { next } = detectChanges(first.doc, snapshotOf(state.doc))
    const second = first.apply(first.tr.insertText('二', posInBlock(first, 3)))
    const { change } = detectChanges(second.doc, next)
    expect(change.changed.map((b) => b.attrs.id)).toEqual(['c'])
  })

  it('reports a new order when sections move', () => {
    const state = outline()
    const saved = snapshotOf(state.doc)
    const at = state.apply(state.tr.setSelection(TextSelection.create(state.doc, posInBlock(state, 1))))
    let moved = at
    moveSectionDown()(at, (tr) => (moved = at.apply(tr)))
    const { change } = detectChanges(moved.doc, saved)
    expect(change.order).toEqual(['preamble', 'b', 'a', 'c'])
    expect(change.removedIds).toEqual([])
    // The moved sections are the same content under the same ids; writing them is harmless
    // but nothing else may be written.
    expect(change.changed.every((b) => b.attrs.id === 'a' || b.attrs.id === 'b')).toBe(true)
  })

  it('reports removed ids and the new order when a section is deleted', () => {
    const state = outline()
    const saved = snapshotOf(state.doc)
    const at = state.apply(state.tr.setSelection(TextSelection.create(state.doc, posInBlock(state, 2))))
    let after = at
    deleteSection()(at, (tr) => (after = at.apply(tr)))
    const { change } = detectChanges(after.doc, saved)
    expect(change.removedIds).toEqual(['b'])
    expect(change.order).toEqual(['preamble', 'a', 'c'])
    expect(change.changed).toEqual([])
  })
})
