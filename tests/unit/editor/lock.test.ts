// The approval lock inside the editor (editor/lock.ts): once on, commands that bypass
// `editable` — undo, redo, bold, replace-all, inserting a chip, outline commands — leave the
// in-memory document as it was; comment anchors stay possible only when allowed.
import { describe, expect, it } from 'vitest'
import { history, redo, undo } from '@tiptap/pm/history'
import { TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state'
import { toggleMark } from '@tiptap/pm/commands'
import { SearchQuery, replaceAll, search, setSearchState } from 'prosemirror-search'
import { editorLockPlugin, setEditorLock } from '../../../src-renderer/src/editor/lock'
import { addSection, deleteSection, shiftSectionLevel } from '../../../src-renderer/src/editor/outline'
import { docJSON, stateOf, posOf } from './helpers'

type Command = (state: EditorState, dispatch?: (tr: Transaction) => void) => boolean

function exec(state: EditorState, cmd: Command): EditorState {
  let next = state
  cmd(state, (tr) => (next = next.apply(tr)))
  return next
}

function select(state: EditorState, needle: string): EditorState {
  const from = posOf(state, needle)
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, from + needle.length)))
}

function lock(state: EditorState, allowComments = false): EditorState {
  return exec(state, (s, d) => (setEditorLock(s, d!, { locked: true, allowComments }), true))
}

function start(): EditorState {
  let s = stateOf(docJSON([{ id: 's1', level: 1, title: '主要做法', paragraphs: ['全年开展执法检查。'] }, { id: 's2', level: 1, title: '存在问题', paragraphs: ['仍有不足。'] }]), [history(), search(), editorLockPlugin()])
  // An edit before the lock: undo would take it back.
  s = s.apply(s.tr.insertText('并通报', posOf(s, '。')))
  return s
}

describe('locked editor', () => {
  it('undo, redo, bold, replace-all, chip and outline commands change nothing', () => {
    const locked = lock(start())
    const doc = locked.doc
    const routes: Array<[string, EditorState]> = [
      ['undo', exec(locked, undo)],
      ['redo', exec(exec(locked, undo), redo)],
      ['bold', exec(select(locked, '执法'), toggleMark(locked.schema.marks.bold))],
      ['replace-all', exec(locked.apply(setSearchState(locked.tr, new SearchQuery({ search: '执法', replace: 'XX' }))), replaceAll)],
      ['chip', locked.apply(locked.tr.replaceSelectionWith(locked.schema.nodes.metric.create({ metricId: 'patrols' })))],
      ['add section', exec(select(locked, '执法'), addSection())],
      ['delete section', exec(select(locked, '执法'), deleteSection())],
      ['level', exec(select(locked, '不足'), shiftSectionLevel(1))],
      ['typing', locked.apply(locked.tr.insertText('999', 3))]
    ]
    for (const [route, after] of routes) expect(after.doc.eq(doc), route).toBe(true)
    expect(doc.textContent).toContain('并通报')
  })

  it('the same commands work when unlocked (the lock is what stops them)', () => {
    const open = start()
    expect(exec(open, undo).doc.textContent).not.toContain('并通报')
    expect(exec(select(open, '执法'), toggleMark(open.schema.marks.bold)).doc.eq(open.doc)).toBe(false)
  })

  it('comment anchors only while allowed', () => {
    const s = select(start(), '执法')
    const mark = s.schema.marks.comment.create({ threadId: 't1' })
    const tr = (st: EditorState) => st.tr.addMark(st.selection.from, st.selection.to, mark)
    const allowed = lock(s, true)
    expect(allowed.apply(tr(allowed)).doc.eq(allowed.doc)).toBe(false)
    const refused = lock(s, false)
    expect(refused.apply(tr(refused)).doc.eq(refused.doc)).toBe(true)
  })
})
