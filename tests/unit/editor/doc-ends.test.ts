import { describe, expect, it } from 'vitest'
import { TextSelection, type EditorState } from '@tiptap/pm/state'
import { caretToDocEnd, caretToDocStart } from '../../../src-renderer/src/editor/doc-ends'
import type { Command } from '../../../src-renderer/src/editor/outline'
import { docJSON, posInBlock, stateOf } from './helpers'
import { blockAt, blockCount, blockIndexAt } from '../../../src-renderer/src/editor/doc'

const start = () =>
  stateOf(
    docJSON(
      [
        { id: 'a', level: 1, title: '甲', paragraphs: ['第一段', '第二段'] },
        { id: 'b', level: 2, title: '乙', paragraphs: ['乙的正文'] },
        // The last section ends with an empty paragraph: the caret still goes into it, not into the title.
        { id: 'c', level: 1, title: '丙', paragraphs: ['丙的正文', ''] }
      ],
      '导语在这里'
    )
  )

function exec(state: EditorState, cmd: Command): EditorState {
  let next: EditorState | null = null
  expect(cmd(state, (tr) => (next = state.apply(tr)))).toBe(true)
  return next!
}

function caret(state: EditorState): { block: number; node: string; offset: number; text: string } {
  const $head = state.selection.$head
  return { block: blockIndexAt(state.doc, $head.pos), node: $head.parent.type.name, offset: $head.parentOffset, text: $head.parent.textContent }
}

describe('Ctrl+End / Ctrl+Home', () => {
  it('Ctrl+End puts the caret at the end of the last paragraph, wherever it was', () => {
    const s = exec(start(), caretToDocEnd())
    expect(s.selection.empty).toBe(true)
    expect(caret(s)).toEqual({ block: 3, node: 'paragraph', offset: 0, text: '' })
    // Before the closing of the last paragraph, section and chapter.
    expect(s.selection.head).toBe(s.doc.content.size - 3)
    // Typing there lands after the last text, never in a heading.
    const typed = s.apply(s.tr.insertText('尾'))
    const last = blockAt(typed.doc, blockCount(typed.doc) - 1)
    expect(last.lastChild!.textContent).toBe('尾')
    expect(last.firstChild!.textContent).toBe('丙')
  })

  it('Ctrl+Home puts the caret at the start of the first paragraph of the preamble', () => {
    const s0 = start()
    const from = s0.apply(s0.tr.setSelection(TextSelection.create(s0.doc, posInBlock(s0, 2))))
    const s = exec(from, caretToDocStart())
    expect(caret(s)).toEqual({ block: 0, node: 'paragraph', offset: 0, text: '导语在这里' })
    expect(s.selection.empty).toBe(true)
  })

  it('with Shift the selection keeps its anchor and extends to the end or the start', () => {
    const s0 = start()
    const anchor = posInBlock(s0, 1) + 1
    const s1 = s0.apply(s0.tr.setSelection(TextSelection.create(s0.doc, anchor)))
    const toEnd = exec(s1, caretToDocEnd(true))
    expect(toEnd.selection.anchor).toBe(anchor)
    expect(toEnd.selection.head).toBe(toEnd.doc.content.size - 3)
    const toStart = exec(toEnd, caretToDocStart(true))
    expect(toStart.selection.anchor).toBe(anchor)
    expect(caret(toStart)).toMatchObject({ block: 0, offset: 0 })
  })

  it('scrolls the caret into view', () => {
    let scrolled = false
    const s = start()
    caretToDocEnd()(s, (tr) => (scrolled = tr.scrolledIntoView))
    expect(scrolled).toBe(true)
  })
})
