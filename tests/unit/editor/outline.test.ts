import { describe, expect, it } from 'vitest'
import { TextSelection, type EditorState } from '@tiptap/pm/state'
import { history, undo } from '@tiptap/pm/history'
import {
  addSection,
  deleteSection,
  moveSectionDown,
  moveSectionUp,
  shiftSectionLevel,
  type Command
} from '../../../src-renderer/src/editor/outline'
import { numberingKey, numberingPlugin, shownNumbers } from '../../../src-renderer/src/editor/numbering-plugin'
import { docJSON, levels, posInBlock, stateOf, titles } from './helpers'
import { blockAt, blockIndexAt } from '../../../src-renderer/src/editor/doc'

// 一、甲 （一）甲1 （二）甲2 二、乙 （一）乙1 三、丙
const start = () =>
  stateOf(
    docJSON([
      { id: 'a', level: 1, title: '甲' },
      { id: 'a1', level: 2, title: '甲1' },
      { id: 'a2', level: 2, title: '甲2' },
      { id: 'b', level: 1, title: '乙' },
      { id: 'b1', level: 2, title: '乙1' },
      { id: 'c', level: 1, title: '丙' }
    ]),
    [history(), numberingPlugin()]
  )

function at(state: EditorState, blockIndex: number): EditorState {
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, posInBlock(state, blockIndex))))
}

function exec(state: EditorState, cmd: Command): EditorState {
  let next: EditorState | null = null
  expect(cmd(state, (tr) => (next = state.apply(tr)))).toBe(true)
  return next!
}

function undone(state: EditorState): EditorState {
  return exec(state, undo)
}

describe('numbering decorations', () => {
  it('number every section title from its position', () => {
    expect(shownNumbers(start())).toEqual(['一、', '（一）', '（二）', '二、', '（一）', '三、'])
  })

  it('typing maps the decorations instead of rebuilding them', () => {
    const state = start()
    const before = numberingKey.getState(state)!.rebuilds
    const typed = state.apply(state.tr.insertText('文字', posInBlock(state, 2)))
    expect(numberingKey.getState(typed)!.rebuilds).toBe(before)
    expect(shownNumbers(typed)).toEqual(['一、', '（一）', '（二）', '二、', '（一）', '三、'])
  })
})

describe('outline commands', () => {
  it('adds a section after the current one and its sub-sections, at the same level', () => {
    const next = exec(at(start(), 1), addSection(() => 'new'))
    expect(levels(next)).toEqual([1, 2, 2, 1, 1, 2, 1])
    expect(titles(next)).toEqual(['甲', '甲1', '甲2', '', '乙', '乙1', '丙'])
    expect(blockAt(next.doc, 4).attrs.id).toBe('new')
    expect(shownNumbers(next)).toEqual(['一、', '（一）', '（二）', '二、', '三、', '（一）', '四、'])
    // The cursor is in the new title, ready for typing.
    expect(next.selection.$from.parent.type.name).toBe('sectionTitle')
    expect(blockIndexAt(next.doc, next.selection.from)).toBe(4)
    expect(titles(undone(next))).toEqual(titles(start()))
  })

  it('adding from the preamble puts a level-1 section first', () => {
    const state = start()
    const inPreamble = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 2)))
    const next = exec(inPreamble, addSection(() => 'first'))
    expect(blockAt(next.doc, 1).attrs.id).toBe('first')
    expect(shownNumbers(next).slice(0, 2)).toEqual(['一、', '二、'])
  })

  it('deletes only the current section; its sub-sections renumber under the previous one', () => {
    const next = exec(at(start(), 4), deleteSection())
    expect(titles(next)).toEqual(['甲', '甲1', '甲2', '乙1', '丙'])
    expect(shownNumbers(next)).toEqual(['一、', '（一）', '（二）', '（三）', '二、'])
    const back = undone(next)
    expect(titles(back)).toEqual(titles(start()))
    expect(shownNumbers(back)).toEqual(['一、', '（一）', '（二）', '二、', '（一）', '三、'])
  })

  it('refuses to delete the last remaining section', () => {
    const single = stateOf(docJSON([{ id: 'only', level: 1, title: '唯一' }]), [history()])
    expect(deleteSection()(at(single, 1))).toBe(false)
  })

  it('moves a section with its sub-sections up past its previous sibling', () => {
    const next = exec(at(start(), 4), moveSectionUp())
    expect(titles(next)).toEqual(['乙', '乙1', '甲', '甲1', '甲2', '丙'])
    expect(shownNumbers(next)).toEqual(['一、', '（一）', '二、', '（一）', '（二）', '三、'])
    expect(blockIndexAt(next.doc, next.selection.from)).toBe(1)
    expect(titles(undone(next))).toEqual(titles(start()))
  })

  it('moves a section with its sub-sections down past its next sibling', () => {
    const next = exec(at(start(), 1), moveSectionDown())
    expect(titles(next)).toEqual(['乙', '乙1', '甲', '甲1', '甲2', '丙'])
    expect(blockIndexAt(next.doc, next.selection.from)).toBe(3)
    // Moving a sub-section stays within its parent.
    const sub = exec(at(start(), 2), moveSectionDown())
    expect(titles(sub)).toEqual(['甲', '甲2', '甲1', '乙', '乙1', '丙'])
    expect(shownNumbers(sub)).toEqual(['一、', '（一）', '（二）', '二、', '（一）', '三、'])
  })

  it('does not move past the edge of the parent', () => {
    expect(moveSectionUp()(at(start(), 2))).toBe(false)
    expect(moveSectionDown()(at(start(), 3))).toBe(false)
    expect(moveSectionDown()(at(start(), 6))).toBe(false)
    expect(moveSectionUp()(at(start(), 1))).toBe(false)
  })

  it('makes each operation its own undo step, even right after typing or another operation', () => {
    // Everything here happens within history's grouping delay, as fast clicks do.
    const typedState = at(start(), 6)
    const typed = typedState.apply(typedState.tr.insertText('正文', posInBlock(typedState, 6)))
    const moved = exec(typed, moveSectionUp())
    const promoted = exec(at(moved, 3), shiftSectionLevel(-1))
    const added = exec(promoted, addSection(() => 'new'))
    const deleted = exec(added, deleteSection())
    const steps = [deleted, added, promoted, moved, typed]
    let state = deleted
    for (let i = 1; i < steps.length; i++) {
      state = undone(state)
      expect([titles(state), levels(state)]).toEqual([titles(steps[i]), levels(steps[i])])
    }
    expect(titles(undone(state))).toEqual(titles(start()))
  })

  it('promotes and demotes a section within levels 1 to 4 and renumbers', () => {
    const promoted = exec(at(start(), 3), shiftSectionLevel(-1))
    expect(levels(promoted)).toEqual([1, 2, 1, 1, 2, 1])
    expect(shownNumbers(promoted)).toEqual(['一、', '（一）', '二、', '三、', '（一）', '四、'])
    const demoted = exec(at(start(), 4), shiftSectionLevel(1))
    expect(shownNumbers(demoted)).toEqual(['一、', '（一）', '（二）', '（三）', '（四）', '二、'])
    expect(levels(undone(demoted))).toEqual(levels(start()))
    expect(shiftSectionLevel(-1)(at(start(), 1))).toBe(false)
    let deep = at(start(), 2)
    deep = exec(deep, shiftSectionLevel(1))
    deep = exec(deep, shiftSectionLevel(1))
    expect(levels(deep)[1]).toBe(4)
    expect(shiftSectionLevel(1)(deep)).toBe(false)
  })
})

describe('focusSection (outline click)', () => {
  const focusState = () =>
    stateOf(
      docJSON([
        { id: 'a', level: 1, title: '甲', paragraphs: ['正文一'] },
        { id: 'b', level: 1, title: '乙', paragraphs: [] }
      ])
    )

  it('puts the caret at the start of the first body paragraph', async () => {
    const { focusSection } = await import('../../../src-renderer/src/editor/outline')
    const state = focusState()
    let next = state
    focusSection(1)(state, (tr) => (next = state.apply(tr)))
    const $head = next.selection.$head
    expect($head.parent.type.name).toBe('paragraph')
    expect($head.parentOffset).toBe(0)
    expect($head.parent.textContent).toBe('正文一')
  })

  it('gives a heading-only section an empty paragraph in the same transaction, outside undo', async () => {
    const { focusSection } = await import('../../../src-renderer/src/editor/outline')
    const state = stateOf(docJSON([{ id: 'a', level: 1, title: '甲', paragraphs: ['x'] }]), [history()])
    // Title 甲 takes 3 positions from posInBlock - 1; the paragraph <p>x</p> the next 3.
    const bare = state.apply(state.tr.delete(posInBlock(state, 1) + 2, posInBlock(state, 1) + 5))
    expect(blockAt(bare.doc, 1).childCount).toBe(1)
    let trs = 0
    let next = bare
    focusSection(1)(bare, (tr) => {
      trs++
      next = bare.apply(tr)
    })
    expect(trs).toBe(1)
    expect(blockAt(next.doc, 1).childCount).toBe(2)
    expect(next.selection.$head.parent.type.name).toBe('paragraph')
    let locked = bare
    focusSection(1, { createParagraph: false })(bare, (tr) => (locked = bare.apply(tr)))
    expect(locked.doc.eq(bare.doc)).toBe(true)
    expect(locked.selection.$head.parent.type.name).toBe('sectionTitle')
  })
})
