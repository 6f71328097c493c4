// Keeps the editor's chapters (doc.ts says why they exist) between 1 and CHAPTER_MAX sections.
// After an edit that adds, removes or moves sections, a chapter grown past CHAPTER_MAX is split
// into even parts and a small one joins its neighbour. Local only: one section added never moves
// the boundaries of chapters it did not touch, so the view redraws nothing else. The steps are
// plain splits and joins in the edit's own undo step, so the caret, comments and suggestions map
// through them unchanged.
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { Fragment, type Node as PMNode } from '@tiptap/pm/model'
import { blockChange } from './block-changes'
import { CHAPTER_MAX, CHAPTER_MIN, blockCount, blockLocation, chapterSizes } from './doc'
import { REVIEW_INTERNAL } from './review/suggest'

/** One pass from the end (earlier positions stay put); true when it changed anything. */
function regroupPass(tr: Transaction): boolean {
  const before = tr.steps.length
  for (let i = tr.doc.childCount - 1; i >= 1; i--) {
    const chapter = tr.doc.child(i)
    if (chapter.type.name !== 'chapter') continue
    const start = tr.doc.resolve(0).posAtIndex(i)
    if (chapter.childCount > CHAPTER_MAX) {
      const sizes = chapterSizes(chapter.childCount)
      // Cut before the first section of each part but the first, the last cut first.
      const cuts: number[] = []
      let pos = start + 1
      let index = 0
      for (const n of sizes.slice(0, -1)) {
        for (let k = 0; k < n; k++) pos += chapter.child(index++).nodeSize
        cuts.push(pos)
      }
      for (const cut of cuts.reverse()) tr.split(cut, 1)
      continue
    }
    const previous = tr.doc.child(i - 1)
    if (previous.type.name !== 'chapter') continue
    const small = chapter.childCount < CHAPTER_MIN || previous.childCount < CHAPTER_MIN
    if (small && chapter.childCount + previous.childCount <= CHAPTER_MAX) tr.join(start)
  }
  return tr.steps.length > before
}

/** Splits and joins chapters until each holds 1–CHAPTER_MAX sections and no small one can join a neighbour. */
export function regroupChapters(tr: Transaction): boolean {
  let changed = false
  // A pass's splits can leave a new neighbour pair to join; a few passes settle any edit.
  for (let pass = 0; pass < 8 && regroupPass(tr); pass++) changed = true
  return changed
}

/**
 * Replaces blocks [from, to) (block indices, sections only: from ≥ 1) with `nodes`, as one step
 * over the chapters holding them, cut again with those chapters' sizes (a move keeps every
 * boundary; sections added or removed change the last one's size, and the chapters plugin then
 * evens it out). Used by the outline commands, which move sections across chapter boundaries.
 */
export function replaceBlocks(tr: Transaction, from: number, to: number, nodes: readonly PMNode[]): Transaction {
  const doc = tr.doc
  const count = blockCount(doc)
  if (from < 1 || to < from || to > count) throw new RangeError(`blocks ${from}–${to} out of range`)
  const topOf = (index: number) => doc.resolve(blockLocation(doc, index).pos)
  const $first = topOf(Math.min(from, count - 1))
  const firstTop = $first.index(0)
  const lastTop = to > from ? topOf(to - 1).index(0) : firstTop
  const firstBlock = Math.min(from, count - 1) - $first.index(1)
  const sizes: number[] = []
  const kept: PMNode[] = []
  for (let t = firstTop; t <= lastTop; t++) sizes.push(doc.child(t).childCount)
  let block = firstBlock
  for (let t = firstTop; t <= lastTop; t++) {
    doc.child(t).forEach((section) => {
      if (block === from) kept.push(...nodes)
      if (block < from || block >= to) kept.push(section)
      block++
    })
  }
  if (block === from) kept.push(...nodes) // appended after the last section
  const chapter = doc.type.schema.nodes.chapter
  const chapters: PMNode[] = []
  let at = 0
  sizes.forEach((n, i) => {
    const part = i === sizes.length - 1 ? kept.slice(at) : kept.slice(at, at + n)
    at += part.length
    if (part.length) chapters.push(chapter.create(null, part))
  })
  return tr.replaceWith($first.before(1), doc.resolve(0).posAtIndex(lastTop + 1), Fragment.from(chapters))
}

export function chaptersPlugin(): Plugin {
  return new Plugin({
    key: new PluginKey('chapters'),
    appendTransaction(trs, _old, state) {
      // Typing never adds or removes sections: only then is the top level walked.
      if (!trs.some((tr) => tr.docChanged && (tr.before.childCount !== tr.doc.childCount || blockChange(tr) === 'structure'))) return null
      const tr = state.tr
      if (!regroupChapters(tr)) return null
      return tr.setMeta(REVIEW_INTERNAL, true)
    }
  })
}
