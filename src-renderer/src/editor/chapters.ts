// Keeps the editor's chapters canonical (doc.ts says why they exist): each chapter is a level-1
// section with the sections under it; the first chapter may start at any level. Edits that change
// the outline (adding, deleting, moving or re-levelling a section, pasting sections) may leave any
// grouping; this plugin splits and joins chapters in the same undo step. The steps are plain
// splits and joins, so the caret, comments and suggestions map through them unchanged.
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { Fragment, type Node as PMNode } from '@tiptap/pm/model'
import { blockChange } from './block-changes'
import { blockCount, blockLocation } from './doc'
import { REVIEW_INTERNAL } from './review/suggest'

/** Splits and joins the chapters of `tr.doc` into the canonical grouping; false when it already was. */
export function regroupChapters(tr: Transaction): boolean {
  const doc = tr.doc
  const starts: number[] = []
  doc.forEach((_node, offset) => {
    starts.push(offset)
  })
  const before = tr.steps.length
  // From the end, so that each step leaves the positions still to visit where they were.
  for (let i = doc.childCount - 1; i >= 1; i--) {
    const chapter = doc.child(i)
    if (chapter.type.name !== 'chapter') continue
    let inner = starts[i] + chapter.nodeSize - 1
    for (let j = chapter.childCount - 1; j > 0; j--) {
      inner -= chapter.child(j).nodeSize
      if (chapter.child(j).attrs.level === 1) tr.split(inner, 1)
    }
    const previous = doc.child(i - 1)
    if (previous.type.name === 'chapter' && chapter.firstChild!.attrs.level !== 1) tr.join(starts[i])
  }
  return tr.steps.length > before
}

/**
 * Replaces blocks [from, to) (block indices, sections only: from ≥ 1) with `nodes`, as one step
 * over the chapters holding them; the chapters plugin then regroups. Used by the outline
 * commands, which move sections across chapter boundaries.
 */
export function replaceBlocks(tr: Transaction, from: number, to: number, nodes: readonly PMNode[]): Transaction {
  const doc = tr.doc
  const count = blockCount(doc)
  if (from < 1 || to < from || to > count) throw new RangeError(`blocks ${from}–${to} out of range`)
  const chapterOf = (index: number) => {
    const $pos = doc.resolve(blockLocation(doc, index).pos)
    return { start: $pos.before(1), node: $pos.node(1), first: index - $pos.index(1) }
  }
  const first = chapterOf(Math.min(from, count - 1))
  const last = to > from ? chapterOf(to - 1) : first
  const kept: PMNode[] = []
  for (let i = 0; i < from - first.first; i++) kept.push(first.node.child(i))
  kept.push(...nodes)
  for (let i = to - last.first; i < last.node.childCount; i++) kept.push(last.node.child(i))
  const content = kept.length ? Fragment.from(doc.type.schema.nodes.chapter.create(null, kept)) : Fragment.empty
  return tr.replaceWith(first.start, last.start + last.node.nodeSize, content)
}

export function chaptersPlugin(): Plugin {
  return new Plugin({
    key: new PluginKey('chapters'),
    appendTransaction(trs, _old, state) {
      // Typing never changes the outline: only then is the top level walked.
      if (!trs.some((tr) => tr.docChanged && (tr.before.childCount !== tr.doc.childCount || blockChange(tr) === 'structure'))) return null
      const tr = state.tr
      if (!regroupChapters(tr)) return null
      return tr.setMeta(REVIEW_INTERNAL, true).setMeta('chapters', true)
    }
  })
}
