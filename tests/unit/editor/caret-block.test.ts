// The block holding the caret carries the class that keeps it laid out (content-visibility
// visible): after moving the caret, selecting across blocks, typing, splitting and deleting,
// exactly the blocks of the anchor and the head carry it.
import { describe, expect, it } from 'vitest'
import { TextSelection, type EditorState } from '@tiptap/pm/state'
import { DecorationSet } from '@tiptap/pm/view'
import fc from 'fast-check'
import { CARET_BLOCK_CLASS, caretBlockPlugin } from '../../../src-renderer/src/editor/caret-block'
import { docJSON, posInBlock, stateOf } from './helpers'

const filler = (n: number) => ({ id: `f${n}`, level: 2 as const, title: `节${n}`, paragraphs: [`第${n}节正文`] })

// 14 sections, so two chapters of 7: 甲 乙 and five more, then 丙 … 丁.
const start = () =>
  stateOf(
    docJSON([
      { id: 'a', level: 1, title: '甲', paragraphs: ['第一段'] },
      { id: 'b', level: 2, title: '乙', paragraphs: ['乙的正文', '第二段'] },
      ...[1, 2, 3, 4, 5].map(filler),
      { id: 'c', level: 1, title: '丙', paragraphs: [] },
      ...[6, 7, 8, 9, 10].map(filler),
      { id: 'd', level: 1, title: '丁', paragraphs: ['丁的正文'] }
    ]),
    [caretBlockPlugin()]
  )

/** Indexes of the top-level nodes (the preamble, the chapters) that carry the class. */
function marked(state: EditorState): number[] {
  const set = state.plugins[0].getState(state) as DecorationSet
  const out: number[] = []
  state.doc.forEach((node, offset, index) => {
    const decos = set.find(offset, offset + node.nodeSize).filter((d) => d.from === offset && d.to === offset + node.nodeSize)
    if (decos.some((d) => (d as unknown as { type: { attrs: { class?: string } } }).type.attrs.class === CARET_BLOCK_CLASS)) out.push(index)
  })
  expect(set.find().length).toBe(out.length)
  return out
}

const caretIn = (state: EditorState, index: number) => state.apply(state.tr.setSelection(TextSelection.create(state.doc, posInBlock(state, index))))

describe('caret block', () => {
  // Top level: 0 the preamble, 1 the chapter of 甲 (block 1) and 乙 (block 2), 2 the chapter of 丙 (block 8) and 丁 (block 14).
  it('marks the chapter of the caret, and follows it', () => {
    let s = start()
    expect(marked(s)).toEqual([0])
    s = caretIn(s, 8)
    expect(marked(s)).toEqual([2])
    s = s.apply(s.tr.insertText('新'))
    expect(marked(s)).toEqual([2])
    s = caretIn(s, 2)
    expect(marked(s)).toEqual([1])
  })

  it('marks both ends of a selection across chapters', () => {
    const s0 = start()
    const s = s0.apply(s0.tr.setSelection(TextSelection.create(s0.doc, posInBlock(s0, 1), posInBlock(s0, 14))))
    expect(marked(s)).toEqual([1, 2])
  })

  it('after any sequence of caret moves, typing, splits and deletions: exactly the anchor and head blocks', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('caret' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('type' as const), text: fc.constantFrom('字', '两字', '') }),
      fc.record({ kind: fc.constant('split' as const) }),
      fc.record({ kind: fc.constant('delete' as const), length: fc.integer({ min: 1, max: 40 }) })
    )
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        let s = start()
        for (const st of steps) {
          const tr = s.tr
          if (st.kind === 'caret') tr.setSelection(TextSelection.near(s.doc.resolve(Math.min(st.at, s.doc.content.size))))
          else if (st.kind === 'type') tr.insertText(st.text)
          else if (st.kind === 'split') {
            if (s.selection.$from.parent.type.name !== 'paragraph') continue
            tr.split(s.selection.from)
          } else {
            const from = s.selection.from
            const to = Math.min(from + st.length, s.doc.content.size)
            try {
              tr.delete(from, to)
            } catch {
              continue
            }
          }
          s = s.apply(tr)
        }
        const want = [...new Set([s.selection.$anchor, s.selection.$head].filter(($p) => $p.depth >= 1).map(($p) => $p.index(0)))].sort((a, b) => a - b)
        expect(marked(s)).toEqual(want)
      })
    )
  })
})
