// Suggestion mode, accept/reject and comment anchors on real ProseMirror state (no view).
import { describe, expect, it } from 'vitest'
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state'
import { reportSchema } from '../../../src-renderer/src/editor/schema'
import { setSuggestMode, suggestModePlugin, SUGGEST_REFUSED_MESSAGE } from '../../../src-renderer/src/editor/review/suggest'
import { addCommentMark, findCommentRanges, findSuggestions, settleSuggestions } from '../../../src-renderer/src/editor/review/commands'
import { commentAnchors, listSuggestions } from '@core/review/marks'
import { docJSON, posOf } from '../editor/helpers'
import { blockAt, editorDocJSON, reportDocJSON } from '../../../src-renderer/src/editor/doc'

function setup(text = '全年开展巡查工作。', refusals: string[] = [], now: () => number = () => 42): EditorState {
  const schema = reportSchema()
  const doc = schema.nodeFromJSON(editorDocJSON(docJSON([{ id: 's1', level: 1, title: '主要做法', paragraphs: [text] }], '导语')))
  return EditorState.create({ schema, doc, plugins: [suggestModePlugin({ onRefused: (m) => refusals.push(m), now })] })
}

function apply(state: EditorState, tr: Transaction): EditorState {
  return state.applyTransaction(tr).state
}

function suggesting(state: EditorState, author = '李主任'): EditorState {
  let next = state
  setSuggestMode(state, (tr) => (next = apply(state, tr)), { enabled: true, author })
  return next
}

function paragraphText(state: EditorState): string {
  // Section 1's first paragraph.
  return blockAt(state.doc, 1).child(1).textContent
}

function cursorAt(state: EditorState, pos: number): EditorState {
  return apply(state, state.tr.setSelection(TextSelection.create(state.doc, pos)))
}

function typeText(state: EditorState, text: string): EditorState {
  let s = state
  for (const ch of text) s = apply(s, s.tr.insertText(ch))
  return s
}

function backspace(state: EditorState): EditorState {
  const { from } = state.selection
  return apply(state, state.tr.delete(from - 1, from))
}

describe('suggestion mode', () => {
  it('keeps typed text as one insertion suggestion with the author', () => {
    let s = suggesting(setup())
    s = cursorAt(s, posOf(s, '巡查'))
    s = typeText(s, '日常')
    expect(paragraphText(s)).toBe('全年开展日常巡查工作。')
    const list = findSuggestions(s.doc)
    expect(list).toHaveLength(1)
    expect(list[0]).toMatchObject({ kind: 'insertion', author: '李主任', text: '日常', at: 42 })
  })

  it('typing on extends the same suggestion (same id and time), so it stays one run of text', () => {
    let clock = 1000
    let s = suggesting(setup(undefined, [], () => (clock += 25)))
    s = cursorAt(s, posOf(s, '巡查'))
    s = typeText(s, '日常性')
    const paragraph = blockAt(s.doc, 1).child(1)
    const inserted: string[] = []
    paragraph.forEach((n) => {
      if (n.marks.some((m) => m.type.name === 'insertion')) inserted.push(n.text!)
    })
    expect(inserted).toEqual(['日常性'])
  })

  it('keeps deleted text in place as a deletion suggestion, and Backspace goes on leftwards', () => {
    let s = suggesting(setup())
    s = cursorAt(s, posOf(s, '巡查'))
    s = backspace(backspace(s))
    // Nothing disappears; both characters are one struck-out suggestion.
    expect(paragraphText(s)).toBe('全年开展巡查工作。')
    const list = findSuggestions(s.doc)
    expect(list).toHaveLength(1)
    expect(list[0]).toMatchObject({ kind: 'deletion', text: '开展', author: '李主任' })
    expect(s.selection.from).toBe(posOf(s, '开展'))
  })

  it('replacing a selection suggests a deletion and an insertion', () => {
    let s = suggesting(setup())
    const from = posOf(s, '巡查')
    s = apply(s, s.tr.setSelection(TextSelection.create(s.doc, from, from + 2)))
    s = apply(s, s.tr.insertText('检查'))
    expect(paragraphText(s)).toBe('全年开展巡查检查工作。')
    expect(findSuggestions(s.doc).map((x) => [x.kind, x.text])).toEqual([
      ['deletion', '巡查'],
      ['insertion', '检查']
    ])
  })

  it('deleting one’s own pending insertion just removes it', () => {
    let s = suggesting(setup())
    s = cursorAt(s, posOf(s, '工作'))
    s = typeText(s, '专项')
    s = backspace(backspace(s))
    expect(paragraphText(s)).toBe('全年开展巡查工作。')
    expect(findSuggestions(s.doc)).toEqual([])
  })

  it('refuses a paragraph split with a message, leaving the text unchanged', () => {
    const refusals: string[] = []
    let s = suggesting(setup(undefined, refusals))
    s = cursorAt(s, posOf(s, '巡查'))
    const before = s.doc
    s = apply(s, s.tr.split(s.selection.from))
    expect(s.doc.eq(before)).toBe(true)
    expect(refusals).toEqual([SUGGEST_REFUSED_MESSAGE])
  })

  it('edits normally when suggestion mode is off', () => {
    let s = setup()
    s = cursorAt(s, posOf(s, '巡查'))
    s = typeText(s, '日常')
    s = backspace(s)
    expect(paragraphText(s)).toBe('全年开展日巡查工作。')
    expect(findSuggestions(s.doc)).toEqual([])
  })
})

describe('accept and reject', () => {
  function withTwo(): EditorState {
    let s = suggesting(setup())
    s = cursorAt(s, posOf(s, '巡查'))
    s = typeText(s, '日常')
    s = cursorAt(s, posOf(s, '全年') + 2)
    s = backspace(s)
    return s
  }

  it('accepts one: an insertion stays as plain text, the other suggestion remains', () => {
    let s = withTwo()
    const [del, ins] = findSuggestions(s.doc)
    expect([del.kind, ins.kind]).toEqual(['deletion', 'insertion'])
    settleSuggestions(new Set([ins.id]), 'accept')(s, (tr) => (s = apply(s, tr)))
    expect(findSuggestions(s.doc).map((x) => x.id)).toEqual([del.id])
    expect(paragraphText(s)).toBe('全年开展日常巡查工作。')
  })

  it('accept all applies every suggestion; reject all restores the original', () => {
    let a = withTwo()
    settleSuggestions(null, 'accept')(a, (tr) => (a = apply(a, tr)))
    expect(paragraphText(a)).toBe('全开展日常巡查工作。')
    let r = withTwo()
    settleSuggestions(null, 'reject')(r, (tr) => (r = apply(r, tr)))
    expect(paragraphText(r)).toBe('全年开展巡查工作。')
    expect(findSuggestions(a.doc)).toEqual([])
    expect(findSuggestions(r.doc)).toEqual([])
  })

  it('is not itself tracked while suggestion mode is on', () => {
    let s = withTwo()
    settleSuggestions(null, 'reject')(s, (tr) => (s = apply(s, tr)))
    expect(findSuggestions(s.doc)).toEqual([])
  })

  it('stores suggestions in the section JSON the core reads', () => {
    const s = withTwo()
    const json = reportDocJSON(s.doc)
    expect(listSuggestions(json).map((x) => [x.kind, x.text, x.author])).toEqual([
      ['deletion', '年', '李主任'],
      ['insertion', '日常', '李主任']
    ])
  })
})

describe('comment anchors through edits', () => {
  function commented(): EditorState {
    let s = setup('全年开展巡查工作，发现问题及时整改。')
    const from = posOf(s, '发现问题')
    s = apply(s, s.tr.setSelection(TextSelection.create(s.doc, from, from + 4)))
    addCommentMark('t1')(s, (tr) => (s = apply(s, tr)))
    return s
  }

  it('anchors a comment on the selected text only', () => {
    const s = commented()
    expect(findCommentRanges(s.doc).get('t1')?.text).toBe('发现问题')
    expect(addCommentMark('t2')(cursorAt(s, 3))).toBe(false)
  })

  it('moves with its text when text is inserted or deleted before it', () => {
    let s = commented()
    const before = findCommentRanges(s.doc).get('t1')!
    s = cursorAt(s, posOf(s, '巡查'))
    s = typeText(s, '日常')
    let now = findCommentRanges(s.doc).get('t1')!
    expect(now.from).toBe(before.from + 2)
    expect(now.text).toBe('发现问题')
    s = apply(s, s.tr.delete(posOf(s, '全年'), posOf(s, '全年') + 2))
    now = findCommentRanges(s.doc).get('t1')!
    expect(now.from).toBe(before.from)
    expect(now.text).toBe('发现问题')
  })

  it('does not grow when typing right after it; shrinks when part of it is deleted', () => {
    let s = commented()
    const end = findCommentRanges(s.doc).get('t1')!.to
    s = typeText(cursorAt(s, end), '和隐患')
    expect(findCommentRanges(s.doc).get('t1')!.text).toBe('发现问题')
    const from = posOf(s, '问题')
    s = apply(s, s.tr.delete(from, from + 2))
    expect(findCommentRanges(s.doc).get('t1')!.text).toBe('发现')
  })

  it('disappears from the document when its text is deleted, so the core reports it orphaned', () => {
    let s = commented()
    const r = findCommentRanges(s.doc).get('t1')!
    s = apply(s, s.tr.delete(r.from, r.to))
    expect(findCommentRanges(s.doc).has('t1')).toBe(false)
    expect(commentAnchors(reportDocJSON(s.doc)).has('t1')).toBe(false)
  })
})
