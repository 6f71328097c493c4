// Which blocks (preamble, sections) a transaction touched, so views derived from the
// document (outline, counts, citations, decorations) redo only those blocks after a keystroke
// instead of walking the whole report.
import type { Node as PMNode } from '@tiptap/pm/model'
import type { Transaction } from '@tiptap/pm/state'
import { blockAt, blockCount, blockIndexAt } from './doc'

/** 'none': the document did not change. 'structure': blocks were added, removed, moved or re-attributed. */
export type BlockChange = 'none' | 'structure' | { first: number; last: number }

/** The span of the new document the transaction's steps touched, or null when they changed nothing. */
export function changedSpan(tr: Transaction): { from: number; to: number } | null {
  let from = Infinity
  let to = -Infinity
  tr.mapping.maps.forEach((map, i) => {
    const rest = tr.mapping.slice(i + 1)
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      from = Math.min(from, rest.map(newStart, -1))
      to = Math.max(to, rest.map(newEnd, 1))
    })
  })
  return from <= to ? { from, to } : null
}

function sameAttrs(a: PMNode, b: PMNode): boolean {
  if (a.type !== b.type) return false
  const keys = Object.keys(a.attrs)
  return keys.every((k) => a.attrs[k] === b.attrs[k])
}

/**
 * The blocks `tr` changed, as an inclusive block index range of the new document (the
 * neighbours of a change at a block boundary are included), when the block structure is the
 * same before and after: same number of blocks and, in the touched range, the same types and
 * attributes (section id, level, template key, required). Anything else is 'structure'.
 */
export function blockChange(tr: Transaction): BlockChange {
  if (!tr.docChanged) return 'none'
  // Six plugins and the derived views ask about each transaction; a keystroke works it out once.
  const known = computed.get(tr)
  if (known && known.steps === tr.steps.length) return known.change
  const change = computeBlockChange(tr)
  computed.set(tr, { steps: tr.steps.length, change })
  return change
}

const computed = new WeakMap<Transaction, { steps: number; change: BlockChange }>()

function computeBlockChange(tr: Transaction): BlockChange {
  const before = tr.before
  const doc = tr.doc
  const count = blockCount(doc)
  if (blockCount(before) !== count) return 'structure'
  const span = changedSpan(tr)
  if (!span) return 'none'
  // The block before the change too: a position between two chapters counts as the next block.
  const before1 = Math.max(0, span.from - 1)
  const first = Math.max(0, blockIndexAt(doc, before1) - (doc.resolve(before1).depth === 0 ? 1 : 0))
  const last = Math.min(count - 1, blockIndexAt(doc, Math.min(doc.content.size, span.to + 1)))
  for (let i = first; i <= last; i++) {
    if (!sameAttrs(blockAt(before, i), blockAt(doc, i))) return 'structure'
  }
  return { first: Math.min(first, last), last }
}

/** Union of two changes (structure wins). */
export function mergeChanges(a: BlockChange, b: BlockChange): BlockChange {
  if (a === 'structure' || b === 'structure') return 'structure'
  if (a === 'none') return b
  if (b === 'none') return a
  return { first: Math.min(a.first, b.first), last: Math.max(a.last, b.last) }
}
