// @vitest-environment happy-dom
// Item 3 of issue 11: what the editor page shows (counts, citations, outline) follows each
// keystroke from the blocks it touched (the outline in the keystroke's own frame, the counts a
// moment later, once typing pauses), and equals what a full pass over the document gives.
import { afterEach, describe, expect, it, vi } from 'vitest'
import fc from 'fast-check'
import { Editor } from '@tiptap/core'
import { TextSelection } from '@tiptap/pm/state'
import { schemaExtensions } from '../../../src-renderer/src/editor/schema'
import { blockAt, blockPos, editorDocJSON } from '../../../src-renderer/src/editor/doc'
import { moveSectionUp } from '../../../src-renderer/src/editor/outline'
import { CharacterCounter } from '../../../src-renderer/src/editor/counts'
import { COUNTS_EVERY_MS, useEditorDerived, type EditorDerived } from '../../../src-renderer/src/composables/editor-derived'
import { docJSON } from '../editor/helpers'

const CHIPS: Record<string, string> = { m1: '12', m2: '3.5' }
const chipText = (id: string) => CHIPS[id] ?? ''

const SECTIONS = 40
function makeEditor(): Editor {
  const spec = Array.from({ length: SECTIONS }, (_, i) => ({ id: `s${i}`, level: (i % 3 === 0 ? 1 : 2) as 1 | 2, title: `第${i}节标题`, paragraphs: [`第${i}节的正文。`, '第二段'] }))
  const json = docJSON(spec, '导语')
  // Section 5 cites m1 once.
  const p = json.content[6].content[1] as { content: unknown[] }
  p.content = [{ type: 'text', text: '共' }, { type: 'metric', attrs: { metricId: 'm1', show: 'value' } }, { type: 'text', text: '次' }]
  return new Editor({ extensions: schemaExtensions(), content: editorDocJSON(json), enableCoreExtensions: { delete: false } })
}

const frame = () => new Promise<void>((ok) => requestAnimationFrame(() => ok()))
const countsFollow = () => new Promise<void>((ok) => setTimeout(ok, COUNTS_EVERY_MS + 50))

/** What a fresh full pass over the current document shows. */
function full(editor: Editor): Pick<EditorDerived, 'totalChars' | 'citations' | 'firstCitation' | 'outline'> & { dispose(): void } {
  return useEditorDerived(editor, chipText)
}

function caretInBlock(editor: Editor, block: number, child = 1): void {
  const doc = editor.state.doc
  let pos = blockPos(doc, block) + 1
  for (let c = 0; c < child; c++) pos += blockAt(doc, block).child(c).nodeSize
  editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(doc, pos + 1)))
}

let editors: Editor[] = []
afterEach(() => {
  editors.forEach((e) => e.destroy())
  editors = []
  vi.restoreAllMocks()
})

/** An editor with the page's derived state, the caret in `block`, and the total before typing. */
async function typingInBlock(block: number): Promise<{ editor: Editor; d: EditorDerived; total0: number }> {
  const editor = makeEditor()
  editors.push(editor)
  const d = useEditorDerived(editor, chipText)
  const total0 = d.totalChars.value
  caretInBlock(editor, block)
  await frame()
  return { editor, d, total0 }
}

describe('editor-derived after a keystroke', () => {
  it('updates the counts after the keys, recounting only the touched block', async () => {
    const { editor, d, total0 } = await typingInBlock(10)
    const counted = vi.spyOn(CharacterCounter.prototype, 'block')
    editor.view.dispatch(editor.state.tr.insertText('新增五个字'))
    await countsFollow()
    expect(d.totalChars.value).toBe(total0 + 5)
    // The typed block once (the section count reads the cached value): not one call per block.
    const recounted = new Set(counted.mock.results.map((r) => r.value))
    expect(counted.mock.calls.length).toBeLessThanOrEqual(3)
    expect(counted.mock.calls.length).toBeGreaterThan(0)
    expect(recounted.size).toBeLessThanOrEqual(2)
    expect(d.sectionChars.value).toBe(counted.mock.results[0].value)
    d.dispose()
  })

  it('while typing goes on, shows the counts within the max wait, and once more after the pause', async () => {
    const { editor, d, total0 } = await typingInBlock(10)
    const pause = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms))
    // 14 keys 100 ms apart: the pause never comes, the max wait (1 s) does.
    const seen: number[] = []
    for (let i = 0; i < 14; i++) {
      editor.view.dispatch(editor.state.tr.insertText('字'))
      await pause(100)
      seen.push(d.totalChars.value)
    }
    expect(seen.some((n) => n > total0 && n < total0 + 14)).toBe(true)
    // Right after the last key the counts lag; a pause later they show every key.
    await countsFollow()
    expect(d.totalChars.value).toBe(total0 + 14)
    d.dispose()
  })

  it('keeps the outline buttons’ states while typing, and redoes them when the caret or the outline moves', async () => {
    const editor = makeEditor()
    editors.push(editor)
    const d = useEditorDerived(editor, chipText)
    // Block 1 is the first level-1 section: nothing to move it above.
    caretInBlock(editor, 1)
    await frame()
    expect(d.can.value).toMatchObject({ up: false, down: true, remove: true })
    editor.view.dispatch(editor.state.tr.insertText('字'))
    await frame()
    expect(d.can.value).toMatchObject({ up: false, down: true })
    // Block 4 is the second level-1 section.
    caretInBlock(editor, 4)
    await frame()
    expect(d.can.value).toMatchObject({ up: true, down: true })
    // Moved up, the same section is first again: same caret section id, new outline.
    expect(moveSectionUp()(editor.state, editor.view.dispatch)).toBe(true)
    await frame()
    expect(d.outline.value[0].id).toBe('s3')
    expect(d.can.value).toMatchObject({ up: false, down: true })
    // The caret stays in the same block while the section before it changes level: 上移 follows.
    caretInBlock(editor, 2)
    await frame()
    expect(d.can.value.up).toBe(false) // s4 (level 2) right after the level-1 s3
    const head = blockAt(editor.state.doc, 1)
    editor.view.dispatch(editor.state.tr.setNodeMarkup(blockPos(editor.state.doc, 1), undefined, { ...head.attrs, level: 2 }))
    await frame()
    expect(d.currentIndex.value).toBe(2)
    expect(d.can.value.up).toBe(true) // s3 is now its level-2 sibling
    d.dispose()
  })

  it('changes only the typed title’s outline entry and keeps the others as they were', async () => {
    const editor = makeEditor()
    editors.push(editor)
    const d = useEditorDerived(editor, chipText)
    const before = d.outline.value
    caretInBlock(editor, 7, 0)
    editor.view.dispatch(editor.state.tr.insertText('改'))
    await frame()
    const after = d.outline.value
    expect(after).not.toBe(before)
    expect(after.filter((e, i) => e !== before[i]).map((e) => e.index)).toEqual([7])
    expect(after[6].title).toBe(`改${before[6].title}`)
    d.dispose()
  })

  it('equals a full pass after any sequence of typing, deleting and citing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({ block: fc.integer({ min: 0, max: SECTIONS }), child: fc.integer({ min: 0, max: 2 }), op: fc.constantFrom('type', 'delete', 'chip', 'unchip'), metric: fc.constantFrom('m1', 'm2') }),
          { minLength: 1, maxLength: 12 }
        ),
        async (steps) => {
          const editor = makeEditor()
          editors.push(editor)
          const d = useEditorDerived(editor, chipText)
          for (const s of steps) {
            const node = blockAt(editor.state.doc, s.block)
            const child = Math.min(s.child, node.childCount - 1)
            caretInBlock(editor, s.block, child)
            const { from } = editor.state.selection
            const tr = editor.state.tr
            if (s.op === 'type') tr.insertText('字')
            else if (s.op === 'delete' && editor.state.selection.$from.parentOffset > 0) tr.delete(from - 1, from)
            else if (s.op === 'chip') tr.insert(from, editor.schema.nodes.metric.create({ metricId: s.metric }))
            else if (s.op === 'unchip') {
              editor.state.doc.descendants((n, pos) => {
                if (n.type.name === 'metric' && tr.steps.length === 0) tr.delete(pos, pos + n.nodeSize)
                return true
              })
            }
            editor.view.dispatch(tr)
            await frame()
          }
          await countsFollow()
          const f = full(editor)
          expect(d.totalChars.value).toBe(f.totalChars.value)
          expect([...d.citations.value].sort()).toEqual([...f.citations.value].sort())
          expect([...d.firstCitation.value].sort()).toEqual([...f.firstCitation.value].sort())
          expect(d.outline.value).toEqual(f.outline.value)
          f.dispose()
          d.dispose()
        }
      ),
      { numRuns: 15 }
    )
  })
})
