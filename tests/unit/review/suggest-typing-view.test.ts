// @vitest-environment happy-dom
// The report editor in 修订模式: each typed key is one transaction (no appended marking pass),
// driven the way ProseMirror's DOM reading hands typed text over (the handleTextInput prop,
// then the default insertion), through the real editor with all its plugins.
import { afterEach, describe, expect, it } from 'vitest'
import type { Editor } from '@tiptap/core'
import { TextSelection, type Transaction } from '@tiptap/pm/state'
import type { BlockJSON } from '@core/report'
import { mountReportEditor, unmountReportEditor } from '../editor/mount'
import { setSuggestMode } from '../../../src-renderer/src/editor/review/suggest'
import { findSuggestions } from '../../../src-renderer/src/editor/review/commands'
import { setEditorLock } from '../../../src-renderer/src/editor/lock'
import { blockAt } from '../../../src-renderer/src/editor/doc'

const BLOCKS: BlockJSON[] = [
  { type: 'preamble', attrs: { id: 'preamble' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: '导语：今年全镇依法行政。' }] }] },
  {
    type: 'section',
    attrs: { id: 's1', level: 1, templateKey: null, required: false },
    content: [
      { type: 'sectionTitle', content: [{ type: 'text', text: '主要举措' }] },
      { type: 'paragraph', content: [{ type: 'text', text: '全年开展巡查工作。' }] }
    ]
  }
] as BlockJSON[]

afterEach(unmountReportEditor)

function open(): Editor {
  return mountReportEditor(BLOCKS)
}

/** Typed text as ProseMirror's DOM reading passes it on: handleTextInput first, else the default. */
function key(ed: Editor, text: string, useProp = true): void {
  const view = ed.view
  const { from, to } = view.state.selection
  const deflt = () => view.state.tr.insertText(text, from, to).scrollIntoView()
  if (!useProp || !view.someProp('handleTextInput', (f) => f(view, from, to, text, deflt))) view.dispatch(deflt())
}

function caretAfter(ed: Editor, needle: string): void {
  let at = -1
  ed.state.doc.descendants((node, pos) => {
    if (at < 0 && node.isText && node.text!.includes(needle)) at = pos + node.text!.indexOf(needle) + needle.length
    return at < 0
  })
  ed.view.dispatch(ed.state.tr.setSelection(TextSelection.create(ed.state.doc, at)))
}

function recordTransactions(ed: Editor): Array<{ transaction: Transaction; appended: number }> {
  const seen: Array<{ transaction: Transaction; appended: number }> = []
  ed.on('transaction', ({ transaction, appendedTransactions }) => {
    if (transaction.docChanged) seen.push({ transaction, appended: appendedTransactions.length })
  })
  return seen
}

describe('typing in 修订模式 through the report editor', () => {
  it('is one transaction per key, and the typed word is one insertion that one undo takes back', () => {
    const ed = open()
    setSuggestMode(ed.state, ed.view.dispatch, { enabled: true, author: '王小明' })
    caretAfter(ed, '开展')
    const before = ed.state.doc
    const seen = recordTransactions(ed)
    for (const ch of '日常') key(ed, ch)
    expect(seen.map((s) => s.appended)).toEqual([0, 0])
    expect(blockAt(ed.state.doc, 1).child(1).textContent).toBe('全年开展日常巡查工作。')
    expect(findSuggestions(ed.state.doc).map((s) => [s.kind, s.author, s.text])).toEqual([['insertion', '王小明', '日常']])
    // The DOM shows it inside one <ins> by the author.
    const ins = ed.view.dom.querySelectorAll('ins.review-ins')
    expect([...ins].map((e) => [e.getAttribute('data-author'), e.textContent])).toEqual([['王小明', '日常']])
    ed.commands.undo()
    expect(ed.state.doc.eq(before)).toBe(true)
  })

  it('the default path (no handleTextInput) still takes two: the insertion, then its marking', () => {
    // Shows the count above measures what it claims: without the prop the plugin marks the
    // text in an appended transaction.
    const ed = open()
    setSuggestMode(ed.state, ed.view.dispatch, { enabled: true, author: '王小明' })
    caretAfter(ed, '开展')
    const seen = recordTransactions(ed)
    key(ed, '日', false)
    expect(seen.map((s) => s.appended)).toEqual([1])
    expect(findSuggestions(ed.state.doc).map((s) => [s.kind, s.author, s.text])).toEqual([['insertion', '王小明', '日']])
  })

  it('out of 修订模式 typing is plain text, and the approval lock still refuses typing in it', () => {
    const ed = open()
    caretAfter(ed, '开展')
    key(ed, '日')
    expect(findSuggestions(ed.state.doc)).toEqual([])
    expect(blockAt(ed.state.doc, 1).child(1).textContent).toBe('全年开展日巡查工作。')
    setSuggestMode(ed.state, ed.view.dispatch, { enabled: true, author: '王小明' })
    setEditorLock(ed.state, ed.view.dispatch, { locked: true, allowComments: true })
    const before = ed.state.doc
    key(ed, '常')
    expect(ed.state.doc.eq(before)).toBe(true)
  })
})
