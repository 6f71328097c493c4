// Suggestion mode (修订模式): while on, what is typed is kept as an insertion mark and what is
// deleted stays in the text with a deletion mark, both carrying the author. A paragraph split is
// kept as a suggested (inserted) hard break and a join as a struck (deleted) hard break, inside
// one paragraph: the exporters already read a hard break as a paragraph boundary, and accepting
// or rejecting turns a kept break into a real split (commands.ts, core/review/marks.ts). Moving
// sections and splitting headings stay refused in this mode: that would rebuild the outline.
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state'
import { ReplaceStep, type Step } from '@tiptap/pm/transform'
import { Fragment, Slice, type Mark, type Node as PMNode } from '@tiptap/pm/model'

export interface SuggestModeState {
  enabled: boolean
  author: string
}

export const suggestKey = new PluginKey<SuggestModeState>('suggestMode')
/** Transactions with this meta are the review's own (accept/reject, marking): never re-tracked. */
export const REVIEW_INTERNAL = 'reviewInternal'

export const SUGGEST_REFUSED_MESSAGE = '修订模式下不能调整章节结构（移动章节、在标题处分段或把段落并入标题）。请先关闭“修订模式”再调整。'
export const SUGGEST_TABLE_REFUSED_MESSAGE = '修订模式下不能粘贴或插入表格（表格无法作为修订标记显示）。正文没有改动。请先关闭“修订模式”再粘贴表格，或只粘贴文字。'

/** True when a step puts a plainTable into the document: a table cannot carry suggestion marks. */
function insertsTable(step: Step): boolean {
  if (!(step instanceof ReplaceStep)) return false
  let table = false
  ;(step as unknown as { slice: Slice }).slice.content.descendants((n) => {
    if (n.type.name === 'plainTable') table = true
    return !table
  })
  return table
}

export function newSuggestionId(): string {
  const c = globalThis.crypto
  return c && typeof c.randomUUID === 'function' ? c.randomUUID() : `sg-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}

/** A replace inside one textblock with inline content only: the kind of edit that can be suggested. */
function isInlineReplace(step: Step, doc: PMNode): step is ReplaceStep {
  if (!(step instanceof ReplaceStep)) return false
  const s = step as unknown as { from: number; to: number; slice: { content: Fragment; openStart: number; openEnd: number } }
  const $from = doc.resolve(s.from)
  const $to = doc.resolve(s.to)
  if (!$from.parent.isTextblock || !$from.sameParent($to)) return false
  if (s.slice.openStart !== 0 || s.slice.openEnd !== 0) return false
  let inline = true
  s.slice.content.forEach((n) => {
    if (!n.isInline) inline = false
  })
  return inline
}

function isTracked(tr: Transaction): boolean {
  return tr.docChanged && !tr.getMeta(REVIEW_INTERNAL) && !tr.getMeta('history$') && !tr.getMeta('uiEvent.skipSuggest')
}

/** The author's suggestion of this type right beside `pos`: typing on extends it (same id and time). */
function adjacentAttrs(doc: PMNode, pos: number, type: string, author: string): { id: string; author: string; at: number } | null {
  const $pos = doc.resolve(pos)
  for (const node of [$pos.nodeBefore, $pos.nodeAfter]) {
    // A suggested break is its own suggestion (分段/合并段落): text typed beside it is not part of it.
    if (node?.type.name === 'hardBreak') continue
    const mark = node?.marks.find((m) => m.type.name === type && m.attrs.author === author)
    if (mark) return { id: mark.attrs.id as string, author, at: mark.attrs.at as number }
  }
  return null
}

export function suggestModePlugin(options: { onRefused?: (message: string) => void; now?: () => number } = {}): Plugin<SuggestModeState> {
  const now = options.now ?? Date.now
  return new Plugin<SuggestModeState>({
    key: suggestKey,
    state: {
      init: () => ({ enabled: false, author: '' }),
      apply: (tr, value) => (tr.getMeta(suggestKey) as SuggestModeState | undefined) ?? value
    },
    filterTransaction(tr, state) {
      const mode = suggestKey.getState(state)
      if (!mode?.enabled || !isTracked(tr)) return true
      headBefore.set(tr, { head: state.selection.head, empty: state.selection.empty })
      const ok = tr.steps.every((step, i) => !(step instanceof ReplaceStep) ? !isStructural(step) : isInlineReplace(step, tr.docs[i]))
      if (!ok) options.onRefused?.(tr.steps.some(insertsTable) ? SUGGEST_TABLE_REFUSED_MESSAGE : SUGGEST_REFUSED_MESSAGE)
      return ok
    },
    props: {
      // Several pasted paragraphs become one inline insertion with hard breaks between them:
      // each break is then a suggested split, settled with the pasted text.
      transformPasted(slice, view) {
        if (!suggestModeOf(view.state).enabled) return slice
        return flattenSlice(slice, view.state.schema.nodes.hardBreak) ?? slice
      },
      // Typed text is marked in the keystroke's own transaction: one pass of every plugin per
      // key instead of two (the user's insertion, then appendTransaction's marking of it).
      handleTextInput(view, from, to, text, deflt) {
        const tr = trackedTextInput(view.state, from, to, deflt, now)
        if (!tr) return false
        view.dispatch(tr)
        return true
      }
    },
    appendTransaction(trs, _oldState, newState) {
      const mode = suggestKey.getState(newState)
      if (!mode?.enabled) return null
      const out = newState.tr
      let touched = false
      for (const tr of trs) {
        if (!isTracked(tr)) continue
        touched = trackTransaction(tr, out, 0, mode.author, now()) || touched
      }
      if (!touched) return null
      return out.setMeta(REVIEW_INTERNAL, true)
    }
  })
}

/** ReplaceAroundStep and the like move blocks: refused in suggestion mode. Mark and attr steps pass. */
function isStructural(step: Step): boolean {
  const name = (step.toJSON() as { stepType?: string }).stepType
  return name === 'replaceAround'
}

/** Where the cursor was before each tracked transaction: tells Backspace from Delete. */
const headBefore = new WeakMap<object, { head: number; empty: boolean }>()

/**
 * The text input `deflt` would dispatch, with its suggestion marks added in the same transaction,
 * when that gives exactly what appendTransaction would have made of it; null otherwise (the
 * input then goes the usual way). Only insertions at a cursor: replacing a selection keeps the
 * two-transaction path, whose undo grouping follows the typed text, not the struck one.
 */
export function trackedTextInput(state: EditorState, from: number, to: number, deflt: () => Transaction, now: () => number = Date.now): Transaction | null {
  const mode = suggestKey.getState(state)
  if (!mode?.enabled || from !== to) return null
  const tr = deflt()
  if (!isTracked(tr) || !tr.steps.every((step, i) => isInlineReplace(step, tr.docs[i]))) return null
  const user: UserSteps = { steps: tr.steps.slice(), docs: tr.docs.slice(), mapping: tr.mapping.slice(0) }
  trackTransaction(user, tr, tr.steps.length, mode.author, now())
  return tr.setMeta(REVIEW_INTERNAL, true)
}

/** A user transaction's steps, the documents before each, and their mapping. */
interface UserSteps {
  steps: readonly Step[]
  docs: readonly PMNode[]
  mapping: Transaction['mapping']
}

/**
 * Re-expresses one user transaction as suggestions on `out`, whose steps from index `base` on
 * start at the user transaction's result (out is the user transaction itself when base > 0).
 */
function trackTransaction(tr: UserSteps, out: Transaction, base: number, author: string, at: number): boolean {
  const schema = out.doc.type.schema
  const insType = schema.marks.insertion
  const delType = schema.marks.deletion
  const added = { map: (pos: number, assoc: number) => out.mapping.slice(base).map(pos, assoc) }
  let touched = false
  tr.steps.forEach((step, i) => {
    if (!(step instanceof ReplaceStep)) return
    const s = step as unknown as { from: number; to: number; slice: { size: number } }
    const before = tr.docs[i]
    const rest = tr.mapping.slice(i + 1)
    // Inserted content: mark it, joining the author's neighbouring insertion.
    if (s.slice.size > 0) {
      const a = added.map(rest.map(s.from, -1), -1)
      const b = added.map(rest.map(s.from + s.slice.size, 1), 1)
      if (b > a) {
        const loneBreak = b - a === 1 && out.doc.nodeAt(a)?.type.name === 'hardBreak'
        const attrs = (loneBreak ? null : (adjacentAttrs(out.doc, a, 'insertion', author) ?? adjacentAttrs(out.doc, b, 'insertion', author))) ?? { id: newSuggestionId(), author, at }
        out.removeMark(a, b, delType)
        out.addMark(a, b, insType.create(attrs))
        touched = true
      }
    }
    // Deleted content: put it back, marked as a suggested deletion. Text that was itself only
    // a suggested insertion simply goes away.
    if (s.to > s.from) {
      const slice = before.slice(s.from, s.to)
      let frag = slice.content
      for (let d = 0; d < slice.openStart; d++) frag = frag.firstChild?.content ?? Fragment.empty
      const pos = added.map(tr.mapping.slice(i).map(s.from, -1), -1)
      const attrs = adjacentAttrs(out.doc, pos, 'deletion', author) ?? { id: newSuggestionId(), author, at }
      const kept: PMNode[] = []
      frag.forEach((node) => {
        if (node.marks.some((m) => m.type === insType)) return
        if (node.marks.some((m) => m.type === delType)) kept.push(node)
        else kept.push(node.mark(delType.create(attrs).addToSet(node.marks as readonly Mark[])))
      })
      if (kept.length) {
        out.insert(pos, Fragment.from(kept))
        if (s.slice.size === 0) {
          // Delete (cursor was at the start) leaves the cursor after the struck text; Backspace
          // and deleting a selection leave it before, so the next Backspace goes on leftwards.
          const was = headBefore.get(tr)
          const forward = was !== undefined && was.empty && was.head === s.from
          const size = kept.reduce((n, k) => n + k.nodeSize, 0)
          out.setSelection(TextSelection.create(out.doc, forward ? pos + size : pos))
        }
        touched = true
      }
    }
  })
  return touched
}

export function setSuggestMode(state: EditorState, dispatch: (tr: Transaction) => void, mode: SuggestModeState): void {
  dispatch(state.tr.setMeta(suggestKey, mode).setMeta(REVIEW_INTERNAL, true).setMeta('addToHistory', false))
}

export function suggestModeOf(state: EditorState): SuggestModeState {
  return suggestKey.getState(state) ?? { enabled: false, author: '' }
}

/**
 * Several textblocks → their inline content joined by hard breaks; null when there is at most
 * one, or when the slice holds a block that is no textblock (a table): flattening would drop it,
 * so the slice stays as it is and the paste is refused with a message (filterTransaction).
 */
export function flattenSlice(slice: Slice, hardBreak: PMNode['type']): Slice | null {
  const blocks: PMNode[] = []
  let other = false
  slice.content.descendants((node) => {
    if (node.isBlock && node.isLeaf) other = true
    if (node.isTextblock) {
      blocks.push(node)
      return false
    }
    return true
  })
  if (other || blocks.length < 2) return null
  const inline: PMNode[] = []
  blocks.forEach((b, i) => {
    if (i > 0) inline.push(hardBreak.create())
    b.content.forEach((n) => inline.push(n))
  })
  return new Slice(Fragment.from(inline), 0, 0)
}

type Command = (state: EditorState, dispatch?: (tr: Transaction) => void) => boolean

/**
 * Enter in suggestion mode, inside a paragraph: a suggested paragraph break (an inserted hard
 * break, tracked like typed text). Not in a heading: that stays refused.
 */
export const suggestSplit: Command = (state, dispatch) => {
  if (!suggestModeOf(state).enabled) return false
  const { $from, $to } = state.selection
  if ($from.parent.type.name !== 'paragraph' || !$from.sameParent($to)) return false
  if (dispatch) dispatch(state.tr.replaceSelectionWith(state.schema.nodes.hardBreak.create(), false).scrollIntoView())
  return true
}

/**
 * Backspace at the start of a paragraph (or Delete at its end) in suggestion mode, when the
 * neighbour is a paragraph of the same block: a suggested join. The two paragraphs become one
 * with a struck hard break where the boundary was, so the text still reads as two paragraphs
 * until the join is accepted.
 */
export function suggestJoin(direction: 'backward' | 'forward', now: () => number = Date.now): Command {
  return (state, dispatch) => {
    const mode = suggestModeOf(state)
    if (!mode.enabled || !state.selection.empty) return false
    const $pos = state.selection.$from
    if ($pos.parent.type.name !== 'paragraph' || $pos.depth < 2) return false
    const container = $pos.node(-1)
    const index = $pos.index(-1)
    let boundary: number
    if (direction === 'backward') {
      if ($pos.parentOffset !== 0 || index === 0 || container.child(index - 1).type.name !== 'paragraph') return false
      boundary = $pos.before()
    } else {
      if ($pos.parentOffset !== $pos.parent.content.size || index + 1 >= container.childCount || container.child(index + 1).type.name !== 'paragraph') return false
      boundary = $pos.after()
    }
    if (dispatch) {
      const { hardBreak } = state.schema.nodes
      const mark = state.schema.marks.deletion.create({ id: newSuggestionId(), author: mode.author, at: now() })
      const tr = state.tr.join(boundary)
      const at = boundary - 1
      tr.insert(at, hardBreak.create(null, null, [mark]))
      // Backspace leaves the cursor before the struck break (the next one goes on leftwards); Delete after it.
      tr.setSelection(TextSelection.create(tr.doc, direction === 'backward' ? at : at + 1))
      dispatch(tr.setMeta(REVIEW_INTERNAL, true).scrollIntoView())
    }
    return true
  }
}
