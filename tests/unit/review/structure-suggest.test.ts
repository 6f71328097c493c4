// Paragraph splits and joins in suggestion mode (修订模式): kept as suggested hard breaks, listed
// as 分段 / 合并段落, accepted or rejected in the editor and in the stored JSON alike.
import { describe, expect, it } from 'vitest'
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state'
import { Fragment, Slice } from '@tiptap/pm/model'
import { reportSchema } from '../../../src-renderer/src/editor/schema'
import { flattenSlice, setSuggestMode, suggestJoin, suggestModePlugin, suggestSplit } from '../../../src-renderer/src/editor/review/suggest'
import { findSuggestions, settleSuggestions } from '../../../src-renderer/src/editor/review/commands'
import { listSuggestions, settleSuggestions as settleJSON } from '@core/review/marks'
import { resolveReport } from '@core/resolve'
import { RULE_OF_LAW_TEMPLATE } from '@core/templates'
import type { InlineJSON, Report, ReportDocJSON } from '@core/report'
import { docJSON, posOf } from '../editor/helpers'
import { META, blocks, del, ins, t } from './fixtures'
import { blockAt, editorDocJSON, reportDocJSON } from '../../../src-renderer/src/editor/doc'

function setup(paragraphs: string[], refusals: string[] = []): EditorState {
  const schema = reportSchema()
  const doc = schema.nodeFromJSON(editorDocJSON(docJSON([{ id: 's1', level: 1, title: '主要做法', paragraphs }], '导语')))
  let s = EditorState.create({ schema, doc, plugins: [suggestModePlugin({ onRefused: (m) => refusals.push(m), now: () => 42 })] })
  setSuggestMode(s, (tr) => (s = s.applyTransaction(tr).state), { enabled: true, author: '李主任' })
  return s
}

function apply(state: EditorState, tr: Transaction): EditorState {
  return state.applyTransaction(tr).state
}

function run(state: EditorState, cmd: (s: EditorState, d?: (tr: Transaction) => void) => boolean): EditorState {
  let next = state
  expect(cmd(state, (tr) => (next = apply(next, tr)))).toBe(true)
  return next
}

function cursorAt(state: EditorState, pos: number): EditorState {
  return apply(state, state.tr.setSelection(TextSelection.create(state.doc, pos)))
}

/** The section's paragraphs as text, hard breaks shown as '¶'. */
function paragraphs(state: EditorState): string[] {
  const out: string[] = []
  blockAt(state.doc, 1).forEach((p) => {
    if (p.type.name !== 'paragraph') return
    let text = ''
    p.forEach((n) => (text += n.isText ? n.text : n.type.name === 'hardBreak' ? '¶' : '▢'))
    out.push(text)
  })
  return out
}

function settle(state: EditorState, ids: string[] | null, mode: 'accept' | 'reject'): EditorState {
  return run(state, settleSuggestions(ids ? new Set(ids) : null, mode))
}

describe('a suggested split (Enter)', () => {
  const split = () => {
    const s = setup(['全年开展巡查。发现问题及时整改。'])
    return run(cursorAt(s, posOf(s, '发现')), suggestSplit)
  }

  it('keeps the paragraph whole with an inserted break, listed as 分段 with the author', () => {
    const s = split()
    expect(paragraphs(s)).toEqual(['全年开展巡查。¶发现问题及时整改。'])
    expect(findSuggestions(s.doc).map((x) => [x.kind, x.text, x.author, x.at])).toEqual([['split', '分段', '李主任', 42]])
    expect(listSuggestions(reportDocJSON(s.doc)).map((x) => [x.kind, x.text, x.author])).toEqual([['split', '分段', '李主任']])
  })

  it('accepted: two paragraphs, nothing pending', () => {
    const s = settle(split(), null, 'accept')
    expect(paragraphs(s)).toEqual(['全年开展巡查。', '发现问题及时整改。'])
    expect(findSuggestions(s.doc)).toEqual([])
  })

  it('rejected: the original paragraph', () => {
    const s = settle(split(), null, 'reject')
    expect(paragraphs(s)).toEqual(['全年开展巡查。发现问题及时整改。'])
    expect(findSuggestions(s.doc)).toEqual([])
  })

  it('text typed after the break is a separate insertion, not part of the split', () => {
    let s = split()
    s = apply(s, s.tr.insertText('另外'))
    expect(findSuggestions(s.doc).map((x) => [x.kind, x.text])).toEqual([
      ['split', '分段'],
      ['insertion', '另外']
    ])
    const splitId = findSuggestions(s.doc)[0].id
    s = settle(s, [splitId], 'accept')
    expect(paragraphs(s)).toEqual(['全年开展巡查。', '另外发现问题及时整改。'])
    expect(findSuggestions(s.doc).map((x) => x.kind)).toEqual(['insertion'])
  })

  it('over a selection: the selected text is struck and the break inserted', () => {
    let s = setup(['全年开展巡查。发现问题及时整改。'])
    const from = posOf(s, '发现')
    s = apply(s, s.tr.setSelection(TextSelection.create(s.doc, from, from + 2)))
    s = run(s, suggestSplit)
    expect(findSuggestions(s.doc).map((x) => [x.kind, x.text])).toEqual([
      ['deletion', '发现'],
      ['split', '分段']
    ])
    expect(paragraphs(settle(s, null, 'accept'))).toEqual(['全年开展巡查。', '问题及时整改。'])
    expect(paragraphs(settle(s, null, 'reject'))).toEqual(['全年开展巡查。发现问题及时整改。'])
  })

  it('is not offered in a heading or with suggestion mode off', () => {
    const s = setup(['正文。'])
    expect(suggestSplit(cursorAt(s, 3 + posOf(s, '主要')))).toBe(false)
    const off = EditorState.create({ schema: s.schema, doc: s.doc })
    expect(suggestSplit(cursorAt(off, posOf(off, '正文') + 1))).toBe(false)
  })
})

describe('a suggested join (Backspace at a paragraph start, Delete at its end)', () => {
  const base = () => setup(['第一段。', '第二段。', '第三段。'])

  it('Backspace: one paragraph with a struck break, listed as 合并段落, cursor before the break', () => {
    let s = base()
    s = run(cursorAt(s, posOf(s, '第二段')), suggestJoin('backward', () => 7))
    expect(paragraphs(s)).toEqual(['第一段。¶第二段。', '第三段。'])
    expect(findSuggestions(s.doc).map((x) => [x.kind, x.text, x.author, x.at])).toEqual([['join', '合并段落', '李主任', 7]])
    expect(s.selection.from).toBe(posOf(s, '第一段') + 4)
    expect(s.doc.nodeAt(s.selection.from)?.type.name).toBe('hardBreak')
  })

  it('Delete at the end joins the next paragraph; cursor after the break', () => {
    let s = base()
    s = run(cursorAt(s, posOf(s, '第二段') + 4), suggestJoin('forward'))
    expect(paragraphs(s)).toEqual(['第一段。', '第二段。¶第三段。'])
    expect(s.selection.from).toBe(posOf(s, '第三段'))
  })

  it('accepted: joined; rejected: two paragraphs again', () => {
    let s = base()
    s = run(cursorAt(s, posOf(s, '第二段')), suggestJoin('backward'))
    expect(paragraphs(settle(s, null, 'accept'))).toEqual(['第一段。第二段。', '第三段。'])
    expect(paragraphs(settle(s, null, 'reject'))).toEqual(['第一段。', '第二段。', '第三段。'])
  })

  it('a further Backspace goes on into the previous paragraph as a deletion', () => {
    let s = base()
    s = run(cursorAt(s, posOf(s, '第二段')), suggestJoin('backward'))
    const at = s.selection.from
    s = apply(s, s.tr.delete(at - 1, at))
    expect(findSuggestions(s.doc).map((x) => x.kind).sort()).toEqual(['deletion', 'join'])
    expect(paragraphs(settle(s, null, 'accept'))).toEqual(['第一段第二段。', '第三段。'])
  })

  it('is not offered at the first paragraph after a heading, nor mid-paragraph', () => {
    const s = base()
    expect(suggestJoin('backward')(cursorAt(s, posOf(s, '第一段')))).toBe(false)
    expect(suggestJoin('backward')(cursorAt(s, posOf(s, '第二段') + 1))).toBe(false)
    expect(suggestJoin('forward')(cursorAt(s, posOf(s, '第三段') + 4))).toBe(false)
  })
})

describe('settling one or all, and several at once', () => {
  function mixed(): EditorState {
    let s = setup(['甲。乙。', '丙。'])
    s = run(cursorAt(s, posOf(s, '乙')), suggestSplit)
    s = run(cursorAt(s, posOf(s, '丙')), suggestJoin('backward'))
    return s
  }

  it('accepting only the split leaves the join pending', () => {
    const s = mixed()
    const [sp, jn] = findSuggestions(s.doc)
    expect([sp.kind, jn.kind]).toEqual(['split', 'join'])
    const a = settle(s, [sp.id], 'accept')
    expect(paragraphs(a)).toEqual(['甲。', '乙。¶丙。'])
    expect(findSuggestions(a.doc).map((x) => x.id)).toEqual([jn.id])
  })

  it('accept all and reject all', () => {
    expect(paragraphs(settle(mixed(), null, 'accept'))).toEqual(['甲。', '乙。丙。'])
    expect(paragraphs(settle(mixed(), null, 'reject'))).toEqual(['甲。乙。', '丙。'])
  })

  it('the JSON settle gives the same paragraphs as the editor', () => {
    const s = mixed()
    const json = reportDocJSON(s.doc)
    for (const mode of ['accept', 'reject'] as const) {
      // Compared as documents: the editor merges adjacent text nodes, the JSON settle need not.
      expect(s.schema.nodeFromJSON(editorDocJSON(settleJSON(json, mode))).eq(settle(s, null, mode).doc)).toBe(true)
    }
  })
})

describe('pasting several paragraphs', () => {
  it('becomes one insertion with breaks, accepted as separate paragraphs', () => {
    let s = setup(['原有文字。'])
    const schema = s.schema
    const pasted = new Slice(Fragment.from([schema.nodes.paragraph.create(null, schema.text('一是')), schema.nodes.paragraph.create(null, schema.text('二是'))]), 1, 1)
    const flat = flattenSlice(pasted, schema.nodes.hardBreak)!
    expect(flat.openStart).toBe(0)
    s = cursorAt(s, posOf(s, '原有'))
    s = apply(s, s.tr.replaceSelection(flat))
    expect(findSuggestions(s.doc).map((x) => [x.kind, x.text])).toEqual([['insertion', '一是¶二是']])
    expect(paragraphs(settle(s, null, 'accept'))).toEqual(['一是', '二是原有文字。'])
    expect(paragraphs(settle(s, null, 'reject'))).toEqual(['原有文字。'])
    // One paragraph only: pasted as before.
    expect(flattenSlice(new Slice(Fragment.from(schema.nodes.paragraph.create(null, schema.text('一'))), 1, 1), schema.nodes.hardBreak)).toBeNull()
  })
})

describe('stored JSON: listing, settling and the exports', () => {
  const brk = (...marks: ReturnType<typeof ins>[]): InlineJSON => ({ type: 'hardBreak', marks })
  const preamble = [t('甲。'), brk(ins('sp')), t('乙。'), brk(del('jn')), t('丙。')]
  const doc = { type: 'doc', content: blocks(preamble) } as ReportDocJSON
  const texts = (d: ReportDocJSON) => d.content[0].content.map((p) => (p.content ?? []).map((n) => (n.type === 'text' ? n.text : '¶')).join(''))

  it('lists a split and a join with readable text', () => {
    expect(listSuggestions(doc)).toEqual([
      { id: 'sp', kind: 'split', author: '李主任', at: 1000, text: '分段' },
      { id: 'jn', kind: 'join', author: '李主任', at: 1000, text: '合并段落' }
    ])
  })

  it('settles them into paragraphs without marks', () => {
    expect(texts(settleJSON(doc, 'accept'))).toEqual(['甲。', '乙。丙。'])
    expect(texts(settleJSON(doc, 'reject'))).toEqual(['甲。乙。', '丙。'])
    expect(listSuggestions(settleJSON(doc, 'accept'))).toEqual([])
    expect(JSON.stringify(settleJSON(doc, 'reject'))).not.toContain('hardBreak')
  })

  it('exports (plain and review copy) show them settled as rejected', () => {
    const report: Report = { id: 'r', templateId: RULE_OF_LAW_TEMPLATE.id, templateVersion: RULE_OF_LAW_TEMPLATE.version, meta: META, status: 'draft', sectionOrder: [], createdAt: 0, updatedAt: 0, deletedAt: null }
    for (const review of [false, true]) {
      const r = resolveReport(report, doc, RULE_OF_LAW_TEMPLATE, [], { review })
      expect(r.preamble.map((p) => p.runs.map((x) => x.text).join(''))).toEqual(['甲。乙。', '丙。'])
    }
  })
})

describe('still refused', () => {
  it('splitting a heading in suggestion mode is refused with the message', () => {
    const refusals: string[] = []
    let s = setup(['正文。'], refusals)
    s = cursorAt(s, posOf(s, '主要') + 1)
    const before = s.doc
    s = apply(s, s.tr.split(s.selection.from, 1, [{ type: s.schema.nodes.paragraph }]))
    expect(s.doc.eq(before)).toBe(true)
    expect(refusals).toHaveLength(1)
    expect(refusals[0]).toContain('章节')
  })
})
