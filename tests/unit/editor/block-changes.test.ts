// Per-keystroke work follows the change: blockChange tells which top-level blocks a
// transaction touched, and the plugins that use it give the same decorations as a full rebuild.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { TextSelection, type EditorState } from '@tiptap/pm/state'
import type { Decoration } from '@tiptap/pm/view'
import { blockChange } from '../../../src-renderer/src/editor/block-changes'
import { buildGuidance, guidanceKey, guidancePlugin } from '../../../src-renderer/src/editor/guidance-plugin'
import { buildNumberDecorations, numberingKey, numberingPlugin } from '../../../src-renderer/src/editor/numbering-plugin'
import { addSection, shiftSectionLevel } from '../../../src-renderer/src/editor/outline'
import { blockAt, blockPos } from '../../../src-renderer/src/editor/doc'
import { docJSON, stateOf } from './helpers'

const guidance = { forSection: (key: string) => `写作提示：${key}`, preamble: '导语提示' }

function fresh(): EditorState {
  return stateOf(
    docJSON(
      [
        { id: 'a', level: 1, title: '一节', paragraphs: ['已有正文'], templateKey: 'k1', required: true },
        { id: 'b', level: 2, title: '二节', paragraphs: [''], templateKey: 'k2' },
        { id: 'c', level: 2, title: '三节', paragraphs: ['正文', ''], templateKey: 'k3' },
        { id: 'd', level: 1, title: '四节', paragraphs: [''], templateKey: null }
      ],
      ''
    ),
    [guidancePlugin(guidance), numberingPlugin()]
  )
}

const describeSet = (decos: Decoration[]) =>
  decos
    .map((d) => `${d.from}-${d.to}:${String((d.spec as { key?: string }).key ?? '')}:${JSON.stringify((d as unknown as { type: { attrs?: unknown } }).type.attrs ?? null)}`)
    .sort()

/** Inside body paragraph `p` (1-based child of the block) of top-level block `index`. */
function insideParagraph(state: EditorState, index: number, p: number): number {
  const block = blockAt(state.doc, index)
  let pos = blockPos(state.doc, index) + 1
  for (let i = 0; i < p; i++) pos += block.child(i).nodeSize
  return pos + 1
}

describe('blockChange', () => {
  it('names the one section typed in, and calls adding a section a structure change', () => {
    const state = fresh()
    const typed = state.tr.insertText('字', insideParagraph(state, 2, 1))
    expect(blockChange(typed)).toEqual({ first: 2, last: 2 })
    expect(blockChange(state.tr.setSelection(TextSelection.create(state.doc, insideParagraph(state, 1, 1))))).toBe('none')
    let added = state.tr
    addSection(() => 'new')(state.apply(state.tr.setSelection(TextSelection.create(state.doc, insideParagraph(state, 2, 1)))), (tr) => (added = tr))
    expect(blockChange(added)).toBe('structure')
    let relevelled = state.tr
    shiftSectionLevel(1)(state.apply(state.tr.setSelection(TextSelection.create(state.doc, insideParagraph(state, 1, 1)))), (tr) => (relevelled = tr))
    expect(blockChange(relevelled)).toBe('structure')
  })
})

describe('incremental decorations equal a full rebuild', () => {
  it('after any sequence of typing and deleting inside sections', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ block: fc.integer({ min: 0, max: 4 }), del: fc.boolean(), text: fc.constantFrom('甲', '乙丙', 'x') }), { minLength: 1, maxLength: 12 }),
        (edits) => {
          let state = fresh()
          for (const e of edits) {
            const block = blockAt(state.doc, e.block)
            const at = insideParagraph(state, e.block, block.type.name === 'preamble' ? 0 : 1)
            const para = state.doc.resolve(at).parent
            const tr = e.del && para.content.size > 0 ? state.tr.delete(at, at + Math.min(para.content.size, e.text.length)) : state.tr.insertText(e.text, at)
            state = state.apply(tr)
          }
          expect(describeSet(guidanceKey.getState(state)!.find())).toEqual(describeSet(buildGuidance(state.doc, guidance).find()))
          expect(describeSet(numberingKey.getState(state)!.decorations.find())).toEqual(describeSet(buildNumberDecorations(state.doc).find()))
        }
      ),
      { numRuns: 60 }
    )
  })

  it('typing in a section never rebuilds the numbers', () => {
    let state = fresh()
    const before = numberingKey.getState(state)!.rebuilds
    for (let i = 0; i < 5; i++) state = state.apply(state.tr.insertText('字', insideParagraph(state, 3, 1)))
    expect(numberingKey.getState(state)!.rebuilds).toBe(before)
  })
})
