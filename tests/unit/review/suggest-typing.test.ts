// Typing in 修订模式 marks the typed text in the keystroke's own transaction (handleTextInput →
// trackedTextInput) instead of a second transaction appended after it. The document, the
// selection and what undo takes back must be exactly what the two-transaction path made.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state'
import { history, undo } from '@tiptap/pm/history'
import type { Node as PMNode } from '@tiptap/pm/model'
import { reportSchema } from '../../../src-renderer/src/editor/schema'
import { setSuggestMode, suggestModePlugin, trackedTextInput } from '../../../src-renderer/src/editor/review/suggest'
import { findSuggestions } from '../../../src-renderer/src/editor/review/commands'
import { posOf } from '../editor/helpers'
import { blockAt, editorDocJSON } from '../../../src-renderer/src/editor/doc'
import type { ReportDocJSON } from '@core/report'

type Path = 'appended' | 'own'

/** A paragraph holding plain text, another author's insertion and deletion, and a bold run. */
function startDoc(): PMNode {
  const schema = reportSchema()
  const ins = (id: string, author: string) => ({ type: 'insertion', attrs: { id, author, at: 7 } })
  const del = (id: string, author: string) => ({ type: 'deletion', attrs: { id, author, at: 8 } })
  return schema.nodeFromJSON(
    editorDocJSON({
    type: 'doc',
    content: [
      { type: 'preamble', attrs: { id: 'preamble' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: '导语段落' }] }] },
      {
        type: 'section',
        attrs: { id: 's1', level: 1, templateKey: null, required: false },
        content: [
          { type: 'sectionTitle', content: [{ type: 'text', text: '主要做法' }] },
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: '全年开展' },
              { type: 'text', text: '日常', marks: [ins('x-ins', '张科长')] },
              { type: 'text', text: '巡查', marks: [del('x-del', '张科长')] },
              { type: 'text', text: '工作', marks: [{ type: 'bold' }] },
              { type: 'text', text: '共计' },
              { type: 'text', text: '十二', marks: [ins('own-ins', '李主任')] },
              { type: 'text', text: '次。' }
            ]
          },
          { type: 'paragraph', content: [{ type: 'text', text: '第二段文字' }] }
        ]
      }
    ]
  } as ReportDocJSON)
  )
}

interface Run {
  state: EditorState
  path: Path
  clock: number
}

function start(path: Path): Run {
  const run: Run = { state: null as unknown as EditorState, path, clock: 1000 }
  // Undo groups by adjacency only here (no time threshold): both runs group the same keys.
  const plugins = [suggestModePlugin({ now: () => ++run.clock }), history({ newGroupDelay: 1e12 })]
  run.state = EditorState.create({ schema: reportSchema(), doc: startDoc(), plugins })
  return run
}

function apply(run: Run, tr: Transaction): void {
  run.state = run.state.applyTransaction(tr).state
}

/** What ProseMirror's DOM reading does for typed text: handleTextInput, else the default transaction. */
function typeText(run: Run, text: string, composition?: number): void {
  const { from, to } = run.state.selection
  const state = run.state
  const deflt = () => {
    const tr = state.tr.insertText(text, from, to)
    if (composition) tr.setMeta('composition', composition)
    return tr.scrollIntoView()
  }
  const own = run.path === 'own' ? trackedTextInput(state, from, to, deflt, () => ++run.clock) : null
  apply(run, own ?? deflt())
}

/** Every suggestion id renamed by order of first appearance (new ids are random). */
function normalised(state: EditorState): unknown {
  const names = new Map<string, string>()
  const json = JSON.stringify(state.doc.toJSON(), (key, value) => {
    if (key === 'id' && typeof value === 'string' && value !== 'preamble' && value !== 's1') {
      if (!names.has(value)) names.set(value, `id${names.size}`)
      return names.get(value)
    }
    return value
  })
  return { doc: JSON.parse(json), selection: [state.selection.from, state.selection.to], stored: state.storedMarks?.map((m) => m.type.name) ?? null }
}

type Op =
  | { kind: 'type'; text: string; composition?: number }
  | { kind: 'caret'; at: number }
  | { kind: 'select'; at: number; len: number }
  | { kind: 'backspace' }
  | { kind: 'delete' }
  | { kind: 'undo' }
  | { kind: 'mode'; enabled: boolean; author: string }

/** Positions inside text blocks (where a caret can be). */
function textPositions(doc: PMNode): number[] {
  const out: number[] = []
  doc.descendants((node, pos) => {
    if (node.isTextblock) {
      for (let p = pos + 1; p <= pos + 1 + node.content.size; p++) out.push(p)
      return false
    }
    return true
  })
  return out
}

function perform(run: Run, op: Op): void {
  const s = run.state
  switch (op.kind) {
    case 'type':
      return typeText(run, op.text, op.composition)
    case 'caret': {
      const all = textPositions(s.doc)
      return apply(run, s.tr.setSelection(TextSelection.create(s.doc, all[op.at % all.length])))
    }
    case 'select': {
      const all = textPositions(s.doc)
      const from = all[op.at % all.length]
      const $from = s.doc.resolve(from)
      const to = Math.min(from + op.len, $from.end())
      return apply(run, s.tr.setSelection(TextSelection.create(s.doc, from, to)))
    }
    case 'backspace': {
      const { from, to, empty } = s.selection
      if (!empty) return apply(run, s.tr.deleteSelection())
      if (s.selection.$from.parentOffset > 0) apply(run, s.tr.delete(from - 1, to))
      return
    }
    case 'delete': {
      const { from, to, empty, $from } = s.selection
      if (!empty) return apply(run, s.tr.deleteSelection())
      if ($from.parentOffset < $from.parent.content.size) apply(run, s.tr.delete(from, to + 1))
      return
    }
    case 'undo':
      undo(s, (tr) => apply(run, tr))
      return
    case 'mode':
      setSuggestMode(s, (tr) => apply(run, tr), { enabled: op.enabled, author: op.author })
  }
}

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('a', 'b', ' ', '日', '常', '并且', '。').map((text): Op => ({ kind: 'type', text })) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('b', 'bi', '并'), fc.integer({ min: 1, max: 3 })).map(([text, composition]): Op => ({ kind: 'type', text, composition })) },
  { weight: 3, arbitrary: fc.nat(200).map((at): Op => ({ kind: 'caret', at })) },
  { weight: 1, arbitrary: fc.tuple(fc.nat(200), fc.integer({ min: 1, max: 4 })).map(([at, len]): Op => ({ kind: 'select', at, len })) },
  { weight: 2, arbitrary: fc.constant<Op>({ kind: 'backspace' }) },
  { weight: 1, arbitrary: fc.constant<Op>({ kind: 'delete' }) },
  { weight: 1, arbitrary: fc.constant<Op>({ kind: 'undo' }) },
  { weight: 1, arbitrary: fc.tuple(fc.boolean(), fc.constantFrom('李主任', '张科长')).map(([enabled, author]): Op => ({ kind: 'mode', enabled, author })) }
)

function trace(path: Path, ops: Op[]): unknown[] {
  const run = start(path)
  perform(run, { kind: 'mode', enabled: true, author: '李主任' })
  const out = [normalised(run.state)]
  for (const op of ops) {
    perform(run, op)
    out.push(normalised(run.state))
  }
  // Then undo everything, step by step: each undo step must take back the same.
  for (let i = 0; i < ops.length + 1; i++) {
    perform(run, { kind: 'undo' })
    out.push(normalised(run.state))
  }
  return out
}

describe('typing in 修订模式 in one transaction', () => {
  it('gives the same document, selection and undo steps as the appended-transaction path (random typing)', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 30 }), (ops) => {
        expect(trace('own', ops)).toEqual(trace('appended', ops))
      }),
      { numRuns: 300 }
    )
  })

  it('marks typed text at once: no appendTransaction pass is left to do', () => {
    const run = start('own')
    perform(run, { kind: 'mode', enabled: true, author: '李主任' })
    perform(run, { kind: 'caret', at: textPositions(run.state.doc).indexOf(posOf(run.state, '共计')) })
    const { from } = run.state.selection
    const state = run.state
    const tr = trackedTextInput(state, from, from, () => state.tr.insertText('约', from, from))
    expect(tr).not.toBeNull()
    const { transactions } = state.applyTransaction(tr!)
    expect(transactions).toHaveLength(1)
    // The two-transaction path: the user's insertion, then the plugin's marking of it.
    expect(state.applyTransaction(state.tr.insertText('约', from, from)).transactions).toHaveLength(2)
  })

  it('typing inside another author’s insertion, after a deletion and beside one’s own insertion', () => {
    for (const [anchor, offset, text, expected] of [
      // Inside 张科长's 日常: 李主任's own new insertion; 张科长's stays one suggestion around it.
      ['日常', 1, '全年开展日甲常巡查工作共计十二次。', [['张科长', '日常'], ['李主任', '甲'], ['李主任', '十二']]],
      // Right after 张科长's struck 巡查: a new insertion, the deletion stays as it was.
      ['工作', 0, '全年开展日常巡查甲工作共计十二次。', [['张科长', '日常'], ['李主任', '甲'], ['李主任', '十二']]],
      // Right after 李主任's own 十二: it grows (one suggestion, same id).
      ['次。', 0, '全年开展日常巡查工作共计十二甲次。', [['张科长', '日常'], ['李主任', '十二甲']]]
    ] as const) {
      for (const path of ['own', 'appended'] as const) {
        const run = start(path)
        perform(run, { kind: 'mode', enabled: true, author: '李主任' })
        const at = posOf(run.state, anchor) + offset
        apply(run, run.state.tr.setSelection(TextSelection.create(run.state.doc, at)))
        typeText(run, '甲')
        expect(blockAt(run.state.doc, 1).child(1).textContent).toBe(text)
        const insertions = findSuggestions(run.state.doc).filter((x) => x.kind === 'insertion')
        expect(insertions.map((x) => [x.author, x.text]), `${path} at ${anchor}+${offset}`).toEqual(expected)
        expect(findSuggestions(run.state.doc).filter((x) => x.kind === 'deletion').map((x) => x.text)).toEqual(['巡查'])
      }
    }
  })

  it('a word typed key by key is one insertion and one undo step', () => {
    const run = start('own')
    perform(run, { kind: 'mode', enabled: true, author: '李主任' })
    const before = run.state.doc
    apply(run, run.state.tr.setSelection(TextSelection.create(run.state.doc, posOf(run.state, '第二段') + 2)))
    for (const ch of '新增内容') typeText(run, ch)
    expect(blockAt(run.state.doc, 1).child(2).textContent).toBe('第二新增内容段文字')
    const list = findSuggestions(run.state.doc).filter((x) => x.author === '李主任' && x.kind === 'insertion')
    expect(list.map((x) => x.text)).toEqual(['十二', '新增内容'])
    perform(run, { kind: 'undo' })
    expect(run.state.doc.eq(before)).toBe(true)
  })

  it('leaves text input alone when 修订模式 is off or a selection is replaced', () => {
    const run = start('own')
    const at = posOf(run.state, '共计')
    const state = run.state
    expect(trackedTextInput(state, at, at, () => state.tr.insertText('x', at, at))).toBeNull()
    perform(run, { kind: 'mode', enabled: true, author: '李主任' })
    const on = run.state
    expect(trackedTextInput(on, at, at + 1, () => on.tr.insertText('x', at, at + 1))).toBeNull()
    expect(trackedTextInput(on, at, at, () => on.tr.insertText('x', at, at))).not.toBeNull()
  })
})

