// The editor groups sections in chapters (a level-1 section and the sections under it) so that
// Chromium tracks ~20 off-screen boxes instead of ~200. The grouping must be invisible: the
// stored blocks round-trip exactly, and after any outline command, paste, deletion or undo the
// chapters are again exactly the canonical grouping of the sections' levels.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { TextSelection, type EditorState } from '@tiptap/pm/state'
import { closeHistory, history, redo, undo } from '@tiptap/pm/history'
import type { BlockJSON, SectionLevel } from '@core/report'
import { addSection, deleteSection, moveSectionDown, moveSectionUp, shiftSectionLevel, type Command } from '../../../src-renderer/src/editor/outline'
import { blockAt, blockCount, blockIndexAt, blockPos, chaptersOf, docJSONFromBlocks, forEachBlock, reportDocJSON } from '../../../src-renderer/src/editor/doc'
import { reportSchema } from '../../../src-renderer/src/editor/schema'
import { docJSON, levels, posInBlock, stateOf, titles, type SectionSpec } from './helpers'

/** The chapters' level sequences, e.g. [[1, 2], [1]]. */
function chapterLevels(state: EditorState): number[][] {
  const out: number[][] = []
  state.doc.forEach((top) => {
    if (top.type.name === 'chapter') out.push(top.content.content.map((s) => s.attrs.level as number))
  })
  return out
}

/** The canonical grouping: a new chapter at each level-1 section (and at the first section). */
function canonical(levelList: number[]): number[][] {
  return chaptersOf(levelList.map((level) => ({ attrs: { level: level as SectionLevel } }))).map((c) => c.map((s) => s.attrs.level))
}

function expectCanonical(state: EditorState): void {
  state.doc.check()
  expect(chapterLevels(state)).toEqual(canonical(levels(state)))
}

const SPECS: SectionSpec[] = [
  { id: 'a', level: 1, title: '甲', paragraphs: ['甲的正文'] },
  { id: 'a1', level: 2, title: '甲1', paragraphs: ['甲1的正文', '第二段'] },
  { id: 'a11', level: 3, title: '甲1一', paragraphs: [''] },
  { id: 'b', level: 1, title: '乙', paragraphs: ['乙的正文'] },
  { id: 'b1', level: 2, title: '乙1' },
  { id: 'c', level: 1, title: '丙', paragraphs: ['丙的正文'] }
]

const start = () => stateOf(docJSON(SPECS), [history()])

function at(state: EditorState, blockIndex: number): EditorState {
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, posInBlock(state, blockIndex))))
}

describe('chapters in the editor document', () => {
  it('are built from the stored blocks, and the blocks read back exactly', () => {
    const json = docJSON([{ id: 'x', level: 2, title: '先有二级' }, ...SPECS])
    const doc = reportSchema().nodeFromJSON(docJSONFromBlocks(json.content as BlockJSON[]))
    doc.check()
    // A report may start below level 1: its first chapter starts there.
    expect(doc.content.content.map((n) => n.type.name)).toEqual(['preamble', 'chapter', 'chapter', 'chapter', 'chapter'])
    expect(reportDocJSON(doc)).toEqual(json)
    expect(blockCount(doc)).toBe(8)
    const ids: string[] = []
    forEachBlock(doc, (node, pos, index) => {
      ids.push(node.attrs.id)
      expect(doc.nodeAt(pos)).toBe(node)
      expect(blockPos(doc, index)).toBe(pos)
      expect(blockAt(doc, index)).toBe(node)
      expect(blockIndexAt(doc, pos + 1)).toBe(index)
    })
    expect(ids).toEqual(['preamble', 'x', 'a', 'a1', 'a11', 'b', 'b1', 'c'])
  })

  it('stay canonical after any sequence of outline commands, and undo/redo brings back each state', () => {
    const commands: Record<string, Command> = {
      add: addSection(),
      remove: deleteSection(),
      up: moveSectionUp(),
      down: moveSectionDown(),
      promote: shiftSectionLevel(-1),
      demote: shiftSectionLevel(1)
    }
    const step = fc.record({ block: fc.nat(), command: fc.constantFrom(...Object.keys(commands)) })
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 14 }), (steps) => {
        let state = start()
        const seen: string[] = [JSON.stringify(reportDocJSON(state.doc))]
        for (const s of steps) {
          const placed = at(state, 1 + (s.block % (blockCount(state.doc) - 1)))
          let next: EditorState | null = null
          // Each command its own undo step (history would merge quick successive edits).
          commands[s.command](placed, (tr) => (next = placed.apply(closeHistory(tr))))
          if (!next) continue
          state = next
          expectCanonical(state)
          seen.push(JSON.stringify(reportDocJSON(state.doc)))
        }
        // Undo walks back through the same flat documents, each with canonical chapters.
        for (let i = seen.length - 2; i >= 0; i--) {
          let back: EditorState | null = null
          undo(state, (tr) => (back = state.apply(tr)))
          state = back!
          expectCanonical(state)
          expect(JSON.stringify(reportDocJSON(state.doc))).toBe(seen[i])
        }
        let forward: EditorState | null = null
        if (redo(state, (tr) => (forward = state.apply(tr)))) expectCanonical(forward!)
      }),
      { numRuns: 80 }
    )
  })

  it('demoting a chapter head joins it to the chapter before; promoting splits it out again', () => {
    let state = at(start(), 4) // 乙
    shiftSectionLevel(1)(state, (tr) => (state = state.apply(tr)))
    expect(chapterLevels(state)).toEqual([
      [1, 2, 3, 2, 2],
      [1]
    ])
    shiftSectionLevel(-1)(state, (tr) => (state = state.apply(tr)))
    expect(chapterLevels(state)).toEqual([[1, 2, 3], [1, 2], [1]])
    // The caret stayed in 乙's title throughout.
    expect(blockAt(state.doc, blockIndexAt(state.doc, state.selection.from)).attrs.id).toBe('b')
  })

  it('a deletion across chapters leaves a valid document with canonical chapters', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (a, b) => {
        const state = start()
        const size = state.doc.content.size
        const [from, to] = [a % size, b % size].sort((x, y) => x - y)
        let next: EditorState
        try {
          next = state.apply(state.tr.delete(from, to))
        } catch {
          return // ProseMirror refuses some ranges outright: nothing changed
        }
        expectCanonical(next)
      }),
      { numRuns: 200 }
    )
  })

  it('pasting copied sections (a slice across chapters) regroups them', () => {
    const state = start()
    // From inside 甲1's body to inside 乙's body: crosses the boundary between two chapters.
    const slice = state.doc.slice(posInBlock(state, 2) + 4, posInBlock(state, 4) + 4)
    const end = blockPos(state.doc, blockCount(state.doc) - 1) + 2
    const pasted = state.apply(state.tr.replaceRange(end, end, slice))
    expectCanonical(pasted)
    expect(titles(pasted).length).toBeGreaterThanOrEqual(titles(state).length)
  })
})
