// The editor groups sections in chapters (runs of about 12 sections) so that Chromium tracks ~20
// off-screen boxes instead of ~200. The grouping must be invisible and stay bounded: the stored
// blocks round-trip exactly, and after any outline command, paste, deletion or undo every chapter
// holds 1–CHAPTER_MAX sections and no small chapter is left beside one it could join.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { TextSelection, type EditorState } from '@tiptap/pm/state'
import { Fragment, Slice } from '@tiptap/pm/model'
import { closeHistory, history, redo, undo } from '@tiptap/pm/history'
import type { BlockJSON, SectionLevel } from '@core/report'
import { addSection, deleteSection, moveSectionDown, moveSectionUp, shiftSectionLevel, type Command } from '../../../src-renderer/src/editor/outline'
import {
  CHAPTER_MAX,
  CHAPTER_MIN,
  blockAt,
  blockCount,
  blockIndexAt,
  blockPos,
  chapterSizes,
  docJSONFromBlocks,
  forEachBlock,
  reportDocJSON
} from '../../../src-renderer/src/editor/doc'
import { reportSchema } from '../../../src-renderer/src/editor/schema'
import { uniqueIdsPlugin } from '../../../src-renderer/src/editor/unique-ids'
import { docJSON, posInBlock, stateOf, titles, type SectionSpec } from './helpers'

/** How many sections each chapter holds. */
function chapterCounts(state: EditorState): number[] {
  const out: number[] = []
  state.doc.forEach((top) => {
    if (top.type.name === 'chapter') out.push(top.childCount)
  })
  return out
}

function expectBounded(state: EditorState): void {
  state.doc.check()
  const counts = chapterCounts(state)
  for (const n of counts) expect(n).toBeLessThanOrEqual(CHAPTER_MAX)
  for (let i = 1; i < counts.length; i++) {
    const small = Math.min(counts[i - 1], counts[i]) < CHAPTER_MIN
    expect(small && counts[i - 1] + counts[i] <= CHAPTER_MAX, `chapters ${counts.join(',')}`).toBe(false)
  }
}

const LEVELS: SectionLevel[] = [1, 2, 3, 3, 2, 1, 2, 2, 3, 4, 1, 2, 3, 2, 1, 2, 1, 2, 2, 3, 1, 2, 2, 2, 1, 1, 2]
const specs = (n: number): SectionSpec[] =>
  Array.from({ length: n }, (_, i) => ({ id: `s${i}`, level: LEVELS[i % LEVELS.length], title: `第${i}节`, paragraphs: [`第${i}节的正文`] }))

const start = (n = 27) => stateOf(docJSON(specs(n)), [history(), uniqueIdsPlugin(() => `u${++nextId}`)])
let nextId = 0

function at(state: EditorState, blockIndex: number): EditorState {
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, posInBlock(state, blockIndex))))
}

function run(state: EditorState, command: Command): EditorState {
  let next: EditorState | null = null
  // Each command its own undo step (history would merge quick successive edits).
  command(state, (tr) => (next = state.apply(closeHistory(tr))))
  return next ?? state
}

describe('chapters in the editor document', () => {
  it('cut the stored sections into even runs of at most 12, and the blocks read back exactly', () => {
    expect(chapterSizes(27)).toEqual([9, 9, 9])
    expect(chapterSizes(12)).toEqual([12])
    expect(chapterSizes(13)).toEqual([7, 6])
    expect(chapterSizes(1)).toEqual([1])
    const json = docJSON(specs(27))
    const doc = reportSchema().nodeFromJSON(docJSONFromBlocks(json.content as BlockJSON[]))
    doc.check()
    expect(doc.content.content.map((n) => n.type.name)).toEqual(['preamble', 'chapter', 'chapter', 'chapter'])
    expect(reportDocJSON(doc)).toEqual(json)
    expect(blockCount(doc)).toBe(28)
    const ids: string[] = []
    forEachBlock(doc, (node, pos, index) => {
      ids.push(node.attrs.id)
      expect(doc.nodeAt(pos)).toBe(node)
      expect(blockPos(doc, index)).toBe(pos)
      expect(blockAt(doc, index)).toBe(node)
      expect(blockIndexAt(doc, pos + 1)).toBe(index)
    })
    expect(ids).toEqual(['preamble', ...specs(27).map((s) => s.id)])
    // Between blocks, a position counts as the next block, across chapter boundaries too.
    const firstChapter = doc.child(1)
    const endOfFirst = doc.child(0).nodeSize + firstChapter.nodeSize - 1
    expect(blockIndexAt(doc, endOfFirst)).toBe(1 + firstChapter.childCount)
    expect(blockIndexAt(doc, endOfFirst + 1)).toBe(1 + firstChapter.childCount)
    expect(blockIndexAt(doc, doc.content.size)).toBe(27)
  })

  it('stay bounded after any sequence of outline commands, and undo brings back each state', () => {
    const commands: Record<string, Command> = {
      add: addSection(),
      remove: deleteSection(),
      up: moveSectionUp(),
      down: moveSectionDown(),
      promote: shiftSectionLevel(-1),
      demote: shiftSectionLevel(1)
    }
    // Adding and removing weigh more, so chapters grow past the maximum and shrink below the minimum.
    const name = fc.constantFrom('add', 'add', 'add', 'remove', 'remove', 'remove', 'up', 'down', 'promote', 'demote')
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.array(fc.record({ block: fc.nat(), command: name }), { minLength: 1, maxLength: 40 }), (n, steps) => {
        let state = start(n)
        const seen: string[] = [JSON.stringify(reportDocJSON(state.doc))]
        for (const s of steps) {
          const next = run(at(state, 1 + (s.block % (blockCount(state.doc) - 1))), commands[s.command])
          if (next.doc.eq(state.doc)) continue
          state = next
          expectBounded(state)
          seen.push(JSON.stringify(reportDocJSON(state.doc)))
        }
        // Undo walks back through the same flat documents, each with bounded chapters.
        for (let i = seen.length - 2; i >= 0; i--) {
          state = run(state, undo)
          expectBounded(state)
          expect(JSON.stringify(reportDocJSON(state.doc))).toBe(seen[i])
        }
        expectBounded(run(state, redo))
      }),
      { numRuns: 60 }
    )
  })

  it('adding sections to one chapter splits only that chapter; the others stay the same nodes', () => {
    let state = start(27) // chapters of 9, 9, 9
    const before = [state.doc.child(1), state.doc.child(3)]
    for (let i = 0; i < CHAPTER_MAX - 9 + 1; i++) state = run(at(state, 12), addSection())
    // The middle chapter grew to 25 and was cut in three even parts.
    expect(chapterCounts(state)).toEqual([9, 9, 8, 8, 9])
    // The first and last chapters were not redrawn: the same node objects.
    expect(state.doc.child(1)).toBe(before[0])
    expect(state.doc.child(5)).toBe(before[1])
  })

  it('a chapter emptied down to a few sections joins its neighbour', () => {
    let state = start(27)
    for (let i = 0; i < 7; i++) state = run(at(state, 10), deleteSection())
    // The middle chapter, down to 2 sections, joined the one after it.
    expect(chapterCounts(state)).toEqual([9, 11])
    expect(titles(state)).toHaveLength(20)
  })

  it('a deletion across chapters leaves a valid document with bounded chapters', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (a, b) => {
        const state = start(27)
        const size = state.doc.content.size
        const [from, to] = [a % size, b % size].sort((x, y) => x - y)
        let next: EditorState
        try {
          next = state.apply(state.tr.delete(from, to))
        } catch {
          return // ProseMirror refuses some ranges outright: nothing changed
        }
        expectBounded(next)
      }),
      { numRuns: 200 }
    )
  })

  it('a hostile paste of 300 copied sections with one id comes in cut into bounded chapters, each with its own id, and one undo takes it out', () => {
    let state = start(27)
    const schema = state.schema
    const section = (i: number) =>
      schema.nodes.section.create({ id: 'dup', level: 1 + (i % 4), templateKey: null, required: false }, [
        schema.nodes.sectionTitle.create(null, schema.text(`粘贴${i}`)),
        schema.nodes.paragraph.create(null, schema.text('正文'))
      ])
    const pasted = new Slice(Fragment.from(schema.nodes.chapter.create(null, Array.from({ length: 300 }, (_, i) => section(i)))), 0, 0)
    const before = JSON.stringify(reportDocJSON(state.doc))
    const end = blockPos(state.doc, 10)
    state = run(state, (s, dispatch) => {
      dispatch?.(s.tr.replaceRange(end, end, pasted))
      return true
    })
    expectBounded(state)
    expect(titles(state)).toHaveLength(327)
    const ids = new Set<string>()
    forEachBlock(state.doc, (node) => void ids.add(node.attrs.id))
    expect(ids.size).toBe(328)
    state = run(state, undo)
    expect(JSON.stringify(reportDocJSON(state.doc))).toBe(before)
  })

  it('pasting copied sections (a slice across chapters) keeps them bounded', () => {
    let state = start(27)
    // From inside the 8th section's body to inside the 12th's: crosses a chapter boundary.
    const slice = state.doc.slice(posInBlock(state, 8) + 4, posInBlock(state, 12) + 4)
    for (let i = 0; i < 5; i++) {
      const end = blockPos(state.doc, blockCount(state.doc) - 1) + 2
      state = state.apply(state.tr.replaceRange(end, end, slice))
      expectBounded(state)
    }
    expect(titles(state).length).toBeGreaterThan(27 + 5 * 3)
  })
})
