// Review commands on the editor state: accept/reject suggestions, add comments, and find
// where suggestions and comments are now (marks move with the text as it is edited).
import type { EditorState, Transaction } from '@tiptap/pm/state'
import type { Node as PMNode } from '@tiptap/pm/model'
import { REVIEW_INTERNAL } from './suggest'

export interface SuggestionRange {
  id: string
  /** split/join: a suggestion that is only a paragraph break (an inserted or struck hard break). */
  kind: 'insertion' | 'deletion' | 'split' | 'join'
  author: string
  at: number
  from: number
  to: number
  text: string
}

/** Every suggestion with its extent (first to last position carrying its id), in document order. */
export function findSuggestions(doc: PMNode): SuggestionRange[] {
  const byId = new Map<string, SuggestionRange & { breaksOnly: boolean }>()
  doc.descendants((node, pos) => {
    if (!node.isInline) return true
    const mark = node.marks.find((m) => m.type.name === 'insertion' || m.type.name === 'deletion')
    if (!mark) return false
    const id = mark.attrs.id as string
    const isBreak = node.type.name === 'hardBreak'
    const text = node.isText ? (node.text ?? '') : node.type.name === 'metric' ? '▢' : isBreak ? '¶' : ''
    const known = byId.get(id)
    if (known) {
      known.to = pos + node.nodeSize
      known.text += text
      known.breaksOnly &&= isBreak
    } else {
      byId.set(id, { id, kind: mark.type.name as 'insertion' | 'deletion', author: mark.attrs.author, at: mark.attrs.at, from: pos, to: pos + node.nodeSize, text, breaksOnly: isBreak })
    }
    return false
  })
  return [...byId.values()].map(({ breaksOnly, ...s }) =>
    breaksOnly ? { ...s, kind: s.kind === 'insertion' ? 'split' : 'join', text: s.kind === 'insertion' ? '分段' : '合并段落' } : s
  )
}

type Dispatch = ((tr: Transaction) => void) | undefined

/**
 * Accepts or rejects the suggestions with the given ids (all when ids is null). Accepting an
 * insertion keeps its text; accepting a deletion removes the text; rejecting does the opposite.
 * A suggested hard break that is kept becomes a real paragraph split (accepted 分段, rejected
 * 合并段落); one that goes leaves the two parts in one paragraph.
 */
export function settleSuggestions(ids: ReadonlySet<string> | null, mode: 'accept' | 'reject') {
  return (state: EditorState, dispatch?: Dispatch): boolean => {
    const ranges: Array<{ from: number; to: number; kind: 'insertion' | 'deletion'; split: boolean }> = []
    state.doc.descendants((node, pos, parent) => {
      if (!node.isInline) return true
      const mark = node.marks.find((m) => m.type.name === 'insertion' || m.type.name === 'deletion')
      const split = node.type.name === 'hardBreak' && parent?.type.name === 'paragraph'
      if (mark && (ids === null || ids.has(mark.attrs.id))) ranges.push({ from: pos, to: pos + node.nodeSize, kind: mark.type.name as 'insertion' | 'deletion', split })
      return false
    })
    if (ranges.length === 0) return false
    if (!dispatch) return true
    const tr = state.tr
    const { insertion, deletion } = state.schema.marks
    // From the end backwards, so earlier positions stay valid.
    for (const r of ranges.reverse()) {
      const keep = (r.kind === 'insertion') === (mode === 'accept')
      if (keep && r.split) tr.delete(r.from, r.to).split(r.from)
      else if (keep) tr.removeMark(r.from, r.to, r.kind === 'insertion' ? insertion : deletion)
      else tr.delete(r.from, r.to)
    }
    dispatch(tr.setMeta(REVIEW_INTERNAL, true).scrollIntoView())
    return true
  }
}

/** Puts a comment mark for `threadId` on the selection (or `range`); false when it holds no text. */
export function addCommentMark(threadId: string, range?: { from: number; to: number }) {
  return (state: EditorState, dispatch?: Dispatch): boolean => {
    const size = state.doc.content.size
    const from = Math.max(0, Math.min(range?.from ?? state.selection.from, size))
    const to = Math.max(from, Math.min(range?.to ?? state.selection.to, size))
    if (from === to || state.doc.textBetween(from, to, '', '▢').trim() === '') return false
    if (dispatch) dispatch(state.tr.addMark(from, to, state.schema.marks.comment.create({ threadId })).setMeta(REVIEW_INTERNAL, true))
    return true
  }
}

/** Where each comment thread is anchored now (first to last marked position) and its text. */
export function findCommentRanges(doc: PMNode): Map<string, { from: number; to: number; text: string }> {
  const out = new Map<string, { from: number; to: number; text: string }>()
  doc.descendants((node, pos) => {
    if (!node.isInline) return true
    for (const mark of node.marks) {
      if (mark.type.name !== 'comment') continue
      const id = mark.attrs.threadId as string
      const text = node.isText ? (node.text ?? '') : node.type.name === 'metric' ? '▢' : ''
      const known = out.get(id)
      if (known) {
        known.to = pos + node.nodeSize
        known.text += text
      } else out.set(id, { from: pos, to: pos + node.nodeSize, text })
    }
    return false
  })
  return out
}
